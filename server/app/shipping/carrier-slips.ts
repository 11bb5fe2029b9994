import { inArray } from "drizzle-orm";
import { carrierCsv } from "#server/carriers/carrier-csv.ts";
import type {
  CarrierCsv,
  CarrierCsvFormat,
  CarrierCsvProblem,
  CarrierSlip,
  FixedIn,
} from "#server/carriers/slip.ts";
import { shipments } from "#server/db/schema.ts";
import type { ShipTo } from "#server/domain/address.ts";
import { collectingShipments, parcelCashOnDelivery } from "#server/domain/cash-on-delivery.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { senderOf } from "#server/domain/ship-from.ts";
import {
  isColdTemperature,
  type ShippingService,
  shipmentService,
  shipmentTemperature,
} from "#server/domain/shipping-service.ts";
import { tokyoDate } from "#server/domain/tokyo-time.ts";
import { warehouseSettingsOf } from "#server/domain/warehouse-settings.ts";
import type { AppContext } from "../context.ts";
import { productParcelNeeds } from "./shipment-service.ts";
import { stockRoomShipments } from "./stock-room.ts";

/** The admin screen where a problem is fixed, by the name in its menu and its address. */
export type FixScreen = { screen: string; path: string };

/** A slip left out of the file: which shipment and order it is, what is wrong and where to fix it. */
export type LeftOutShipment = {
  shipmentId: string;
  slipNumber: string;
  orderId: string;
  mallOrderNumber: string;
  problems: (Omit<CarrierCsvProblem, "slipNumber" | "fixedIn"> & FixScreen)[];
};

export type CarrierSlipExport = {
  csv: CarrierCsv | null;
  included: { shipmentId: string; slipNumber: string }[];
  leftOut: LeftOutShipment[];
};

function fixScreen(
  fixedIn: FixedIn,
  order: { id: string; mallOrderNumber: string },
  slipNumber: string,
): FixScreen {
  switch (fixedIn) {
    case "warehouse":
      return { screen: "倉庫設定", path: "/warehouses" };
    case "shop":
      return { screen: "ショップ設定", path: "/shops" };
    case "service":
      // The shipment's own 配送サービス is picked on its row; the products' defaults are in 商品・在庫.
      return { screen: "出荷一覧", path: `/shipments?q=${slipNumber}` };
    case "order":
      return { screen: `受注一覧 › 注文 ${order.mallOrderNumber}`, path: `/orders/${order.id}` };
  }
}

/**
 * 送り状データ: the carrier's import CSV for the chosen shipments. A slip with a problem is left out and
 * reported with the screen where it is fixed, so the good ones print now; a problem with the stock
 * room's settings refuses the whole file.
 */
export async function carrierSlipCsv(
  ctx: AppContext,
  accountId: string,
  warehouseId: string,
  format: CarrierCsvFormat,
  shipmentIds?: readonly string[],
): Promise<CarrierSlipExport> {
  const { warehouse, parcels, items } = await stockRoomShipments(ctx, accountId, warehouseId, shipmentIds);
  const settings = warehouseSettingsOf(warehouse.settings);
  const senders = new Map(
    parcels.map((p) => [p.shipment.id, senderOf({ name: p.shopName, settings: p.shopSettings }, settings)]),
  );
  // A shop with its own 送付元 needs nothing of the stock room; one that defers to it does.
  if (parcels.length === 0 ? !settings.sender : [...senders.values()].includes(null)) {
    throw new Refusal("validation.failed", "送り状のご依頼主が倉庫設定にありません。", {
      errors: [{ path: "settings.sender", message: "倉庫設定でご依頼主(住所・電話番号)を登録してください" }],
    });
  }
  if (parcels.length === 0) {
    throw new Refusal("shipment.none_in_progress", "この倉庫で出荷中の出荷がありません。", {
      rule: "no_shipments",
    });
  }
  const members = parcels.flatMap((p) => p.members);
  const memberIds = members.map((m) => m.shipment.id);
  const codOrderIds = [
    ...new Set(members.filter((m) => m.order.paymentMethod === "cash_on_delivery").map((m) => m.order.id)),
  ];
  const [needs, orderShipments] = await Promise.all([
    productParcelNeeds(ctx.db, memberIds),
    codOrderIds.length
      ? ctx.db
          .select({
            id: shipments.id,
            orderId: shipments.orderId,
            slipNumber: shipments.slipNumber,
            status: shipments.status,
          })
          .from(shipments)
          .where(inArray(shipments.orderId, codOrderIds))
      : [],
  ]);
  const collecting = collectingShipments(orderShipments);
  const today = tokyoDate(ctx.clock.now());
  const slips: CarrierSlip[] = parcels.map(({ shipment, order, members }) => {
    const inParcel = new Set(members.map((m) => m.shipment.id));
    const lines = items.filter((i) => i.shipmentId !== null && inParcel.has(i.shipmentId));
    const parcelNeeds = needs.filter((n) => inParcel.has(n.shipmentId));
    // 同梱: the lead's own service first, then any member's.
    const override = ([shipment, ...members.map((m) => m.shipment)].find((s) => s.shippingService !== null)
      ?.shippingService ?? null) as ShippingService | null;
    const first = lines[0]?.name ?? "商品";
    return {
      slipNumber: shipment.slipNumber,
      // The calendar's 出荷予定日 once it has passed (the parcel waited) would be refused as a past date.
      shipDate: shipment.plannedShipDate ?? laterOf(shipment.calendarShipDate, today),
      deliveryDate: order.desiredDeliveryDate,
      deliveryTimeSlot: order.desiredTimeSlot,
      recipient: (shipment.shipTo ?? order.shipTo) as ShipTo,
      // 送付元住所: the shop's own, or the stock room's under the shop's name (ship-from.ts).
      sender: senders.get(shipment.id) as CarrierSlip["sender"],
      itemName: lines.length > 1 ? `${first} 他${lines.length - 1}点` : first,
      service: shipmentService(
        parcelNeeds.map((n) => n.service),
        override,
      ),
      temperature: shipmentTemperature(
        parcelNeeds.map((n) => n.temperature),
        members.map((m) => (isColdTemperature(m.shipment.temperature) ? m.shipment.temperature : null)),
      ),
      cashOnDelivery: parcelCashOnDelivery(
        members.map((m) => ({
          shipmentId: m.shipment.id,
          cashOnDelivery: m.order.paymentMethod === "cash_on_delivery",
          orderTotal: m.order.total,
        })),
        collecting,
      ),
      orderNumber: order.mallOrderNumber,
    };
  });
  const csv = carrierCsv(format, slips, {
    yamatoBillingCustomerCode: settings.yamatoBillingCustomerCode,
    yamatoFreightNumber: settings.yamatoFreightNumber,
  });
  if (csv instanceof Refusal) throw csv;
  const bySlip = new Map(parcels.map((p) => [p.shipment.slipNumber, p]));
  const parcelOf = (slipNumber: string) => {
    const p = bySlip.get(slipNumber);
    if (!p) throw new Error(`no parcel for slip ${slipNumber}`);
    return p;
  };
  return {
    csv: csv.rows.length > 0 ? csv : null,
    included: csv.included.map((slipNumber) => ({
      shipmentId: parcelOf(slipNumber).shipment.id,
      slipNumber,
    })),
    leftOut: csv.leftOut.map(({ slipNumber, problems }) => {
      const { shipment, order } = parcelOf(slipNumber);
      return {
        shipmentId: shipment.id,
        slipNumber,
        orderId: order.id,
        mallOrderNumber: order.mallOrderNumber,
        problems: problems.map(({ slipNumber: _, fixedIn, ...p }) => ({
          ...p,
          ...fixScreen(fixedIn, order, slipNumber),
        })),
      };
    }),
  };
}

const laterOf = (date: string | null, today: string) => (date !== null && date > today ? date : today);
