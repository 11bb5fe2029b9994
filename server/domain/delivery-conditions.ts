import { z } from "zod";
import { CARRIER_CODES, CARRIERS, type Carrier } from "./carrier.ts";
import {
  type ColdTemperature,
  type ShippingService,
  shipmentService,
  shipmentTemperature,
  type Temperature,
} from "./shipping-service.ts";

/**
 * 配送条件 of a product (楽々通販's 配送会社管理 > お届け対応可能日数・時間帯設定): which 物流会社 (warehouse)
 * and 配送会社 it leaves with, how many open days it needs before it can ship, and which お届け時間帯 it
 * accepts. A shipment's own carrier, service and temperature follow from its products' conditions.
 */

/** お届け対応可能日数 beyond this is a made-to-order lead time, not a delivery condition. */
export const MAX_LEAD_DAYS = 60;

/** お届け時間帯 as Juchu keys them (carriers/fields.ts slotKey reads a buyer's wish into one of these). */
export const TIME_SLOT_LABELS = {
  am: "午前中",
  "12-14": "12〜14時",
  "14-16": "14〜16時",
  "16-18": "16〜18時",
  "18-20": "18〜20時",
  "18-21": "18〜21時",
  "19-21": "19〜21時",
} as const;
export type TimeSlot = keyof typeof TIME_SLOT_LABELS;
export const TIME_SLOTS = Object.keys(TIME_SLOT_LABELS) as [TimeSlot, ...TimeSlot[]];

export function isTimeSlot(value: string | null): value is TimeSlot {
  return value !== null && value in TIME_SLOT_LABELS;
}

export const deliveryConditionsSchema = z.object({
  warehouseId: z.uuid("物流会社は倉庫のIDで指定してください").nullable(),
  carrier: z
    .enum(CARRIER_CODES, { error: `配送会社は ${CARRIER_CODES.join(", ")} のいずれかです` })
    .nullable(),
  leadDays: z
    .int("お届け対応可能日数は整数です")
    .min(0, "お届け対応可能日数は0日以上です")
    .max(MAX_LEAD_DAYS, `お届け対応可能日数は${MAX_LEAD_DAYS}日までです`),
  timeSlots: z
    .array(z.enum(TIME_SLOTS, { error: `時間帯は ${TIME_SLOTS.join(", ")} のいずれかです` }))
    .nullable(),
});
export type DeliveryConditions = z.infer<typeof deliveryConditionsSchema>;

/** What one product in a shipment brings to it. */
export type ProductConditions = DeliveryConditions & {
  sku: string;
  shippingService: ShippingService;
  temperature: Temperature;
};

/** Products that name different 物流会社 or 配送会社 for one parcel: which SKUs said what. */
export type ConditionConflict = {
  field: "warehouse" | "carrier";
  groups: { value: string; skus: string[] }[];
};

export type ShipmentConditions = {
  /** The shop's warehouse unless the products name one (and, in a conflict, still the shop's). */
  warehouseId: string;
  carrier: Carrier | null;
  /** Null for a parcel with no known product yet (未マッピング): nothing to derive from. */
  shippingService: ShippingService | null;
  temperature: ColdTemperature | null;
  leadDays: number;
  conflicts: ConditionConflict[];
};

/**
 * A new shipment's conditions from its products': the strictest service and the coldest temperature
 * win (domain/shipping-service.ts), the longest お届け対応可能日数 counts. A null 物流会社 or 配送会社
 * states no preference, so one product's explicit choice stands; two different choices are a
 * conflict, and the parcel keeps the defaults (shop's warehouse, warehouse's carrier) for a person to
 * decide — never one product's choice picked over another's.
 */
export function deriveShipmentConditions(
  products: readonly ProductConditions[],
  defaults: { warehouseId: string; mallTemperature: ColdTemperature | null },
): ShipmentConditions {
  const conflicts: ConditionConflict[] = [];
  const warehouses = grouped(products, (p) => p.warehouseId ?? defaults.warehouseId);
  if (warehouses.length > 1) conflicts.push({ field: "warehouse", groups: warehouses });
  const carriers = grouped(
    products.filter((p) => p.carrier !== null),
    (p) => p.carrier as string,
  );
  if (carriers.length > 1) conflicts.push({ field: "carrier", groups: carriers });
  const temperature = shipmentTemperature(
    products.map((p) => p.temperature),
    [defaults.mallTemperature],
  );
  return {
    warehouseId:
      warehouses.length === 1 ? (warehouses[0]?.value ?? defaults.warehouseId) : defaults.warehouseId,
    carrier: carriers.length === 1 ? ((carriers[0]?.value as Carrier | undefined) ?? null) : null,
    shippingService:
      products.length === 0
        ? null
        : shipmentService(
            products.map((p) => p.shippingService),
            null,
          ),
    temperature: temperature === "ambient" ? null : temperature,
    leadDays: Math.max(0, ...products.map((p) => p.leadDays)),
    conflicts,
  };
}

function grouped(
  products: readonly ProductConditions[],
  keyOf: (p: ProductConditions) => string,
): { value: string; skus: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const p of products) groups.set(keyOf(p), [...(groups.get(keyOf(p)) ?? []), p.sku]);
  return [...groups].map(([value, skus]) => ({ value, skus: [...new Set(skus)] }));
}

/** 「物流会社が商品で異なります(SKU-A: 東京倉庫 / SKU-B: 大阪倉庫)」 for the timeline. */
export function describeConflict(conflict: ConditionConflict, warehouseName: (id: string) => string): string {
  const what = conflict.field === "warehouse" ? "物流会社" : "配送会社";
  const name = (value: string) =>
    conflict.field === "warehouse" ? warehouseName(value) : CARRIERS[value as Carrier].label;
  const groups = conflict.groups.map((g) => `${g.skus.join("・")}: ${name(g.value)}`).join(" / ");
  return `${what}が商品で異なります(${groups})。1つの荷物にまとめられません`;
}

const slotList = (slots: readonly string[]) =>
  slots.map((s) => (isTimeSlot(s) ? TIME_SLOT_LABELS[s] : s)).join("、");

/**
 * Why the buyer's お届け時間帯 cannot be sent as asked, or null when it can. `wishKey` is the wish read
 * into a TimeSlot (null: no carrier can express it). The carrier is checked only once it is known;
 * each product that limits its slots is checked always.
 */
export function timeSlotProblem(
  wish: string | null,
  wishKey: string | null,
  carrier: { label: string; slots: readonly string[] } | null,
  products: readonly Pick<ProductConditions, "sku" | "timeSlots">[],
): string | null {
  if (wish === null || wish.trim() === "") return null;
  if (carrier && (wishKey === null || !carrier.slots.includes(wishKey)))
    return `お届け時間帯「${wish}」は${carrier.label}では指定できません(指定できるのは ${slotList(carrier.slots)})`;
  const refusing = products.filter(
    (p) => p.timeSlots !== null && (wishKey === null || !p.timeSlots.includes(wishKey as TimeSlot)),
  );
  const first = refusing[0];
  if (!first?.timeSlots) return null;
  const skus = [...new Set(refusing.map((p) => p.sku))].join("・");
  return `お届け時間帯「${wish}」は商品 ${skus} の配送条件で受け付けていません(受け付けるのは ${slotList(first.timeSlots) || "時間帯指定なし"})`;
}
