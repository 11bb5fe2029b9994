import { z } from "zod";
import { addDays } from "./business-calendar.ts";
import type { PREFECTURES } from "./prefectures.ts";

/**
 * お届け予定日: how many days a parcel takes from the warehouse to a delivery area. The defaults are
 * Juchu's own round figures, not a carrier's published table (宅急便's 届け日数 differ by pick-up time
 * and town): 1 day within the warehouse's island (本州 and 四国 count as one), 2 days between 本州 and
 * 北海道 or 九州, 3 days to and from 沖縄, between 北海道 and 九州, and to 離島. The merchant edits them
 * per warehouse; carriers deliver every day, so the days are calendar days, not business days.
 */
export const DELIVERY_AREAS = {
  hokkaido: { label: "北海道", prefectures: ["北海道"] },
  tohoku: { label: "東北", prefectures: ["青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県"] },
  kanto: {
    label: "関東",
    prefectures: ["茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "山梨県"],
  },
  shinetsu: { label: "信越", prefectures: ["新潟県", "長野県"] },
  hokuriku: { label: "北陸", prefectures: ["富山県", "石川県", "福井県"] },
  chubu: { label: "中部", prefectures: ["岐阜県", "静岡県", "愛知県", "三重県"] },
  kansai: { label: "関西", prefectures: ["滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県"] },
  chugoku: { label: "中国", prefectures: ["鳥取県", "島根県", "岡山県", "広島県", "山口県"] },
  shikoku: { label: "四国", prefectures: ["徳島県", "香川県", "愛媛県", "高知県"] },
  kyushu: {
    label: "九州",
    prefectures: ["福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県"],
  },
  okinawa: { label: "沖縄", prefectures: ["沖縄県"] },
} as const satisfies Record<string, { label: string; prefectures: readonly (typeof PREFECTURES)[number][] }>;

export type DeliveryArea = keyof typeof DELIVERY_AREAS;
export const DELIVERY_AREA_CODES = Object.keys(DELIVERY_AREAS) as [DeliveryArea, ...DeliveryArea[]];

/** 離島 (the mall's flag on the parcel): at least this many days whatever the area. */
export const REMOTE_ISLAND_DAYS = 3;

const days = z.int().min(1, "日数は1日以上です").max(14, "日数は14日までです");

/** The merchant's own days per area, over the defaults (an area left out keeps its default). */
export const deliveryDaysSchema = z.partialRecord(z.enum(DELIVERY_AREA_CODES), days).default({});
export type DeliveryDays = z.infer<typeof deliveryDaysSchema>;

export function deliveryAreaOf(prefecture: string | null | undefined): DeliveryArea | null {
  for (const code of DELIVERY_AREA_CODES)
    if ((DELIVERY_AREAS[code].prefectures as readonly string[]).includes(prefecture ?? "")) return code;
  return null;
}

const ISLAND: Record<DeliveryArea, "honshu" | "hokkaido" | "kyushu" | "okinawa"> = {
  hokkaido: "hokkaido",
  tohoku: "honshu",
  kanto: "honshu",
  shinetsu: "honshu",
  hokuriku: "honshu",
  chubu: "honshu",
  kansai: "honshu",
  chugoku: "honshu",
  shikoku: "honshu",
  kyushu: "kyushu",
  okinawa: "okinawa",
};

/** Juchu's default days from a warehouse in `origin` (its ご依頼主's prefecture; unknown: 本州) to each area. */
export function defaultDeliveryDays(origin: string | null): Record<DeliveryArea, number> {
  const from = ISLAND[deliveryAreaOf(origin) ?? "kanto"];
  const entries = DELIVERY_AREA_CODES.map((code) => {
    const to = ISLAND[code];
    if (to === from) return [code, 1] as const;
    if (to === "okinawa" || from === "okinawa") return [code, 3] as const;
    if (from !== "honshu" && to !== "honshu") return [code, 3] as const;
    return [code, 2] as const;
  });
  return Object.fromEntries(entries) as Record<DeliveryArea, number>;
}

/** Days to a ship-to: the merchant's figure for its area, else the default; null for an unknown prefecture. */
export function deliveryDaysTo(
  origin: string | null,
  own: DeliveryDays,
  prefecture: string | null | undefined,
  remoteIsland: boolean,
): number | null {
  const area = deliveryAreaOf(prefecture);
  if (!area) return null;
  const d = own[area] ?? defaultDeliveryDays(origin)[area];
  return remoteIsland ? Math.max(d, REMOTE_ISLAND_DAYS) : d;
}

/** お届け予定日: the 出荷予定日 plus the days on the road. */
export function expectedDeliveryDate(shipDate: string | null, daysOnRoad: number | null): string | null {
  if (shipDate === null || daysOnRoad === null) return null;
  return addDays(shipDate, daysOnRoad);
}

/** お届け希望日 the buyer asked for sooner than the parcel can arrive: flagged, never quietly accepted. */
export function desiredDateTooEarly(desired: string | null, expected: string | null): boolean {
  return desired !== null && expected !== null && /^\d{4}-\d{2}-\d{2}$/.test(desired) && desired < expected;
}
