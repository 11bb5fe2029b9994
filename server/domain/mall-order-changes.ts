import { type ShipTo, sameAddress, shipToOf } from "./address.ts";

/** The parts of a mall's order (ports/mall.ts MallOrder) the comparison reads. */
type Line = { mallItemCode: string; mallSkuCode: string; quantity: number; unitPrice: number };
/** A stored line also knows its オプション金額 (domain/option-amounts.ts). */
type StoredLine = Line & { optionAmount?: number };
export type IncomingMallOrder = {
  mallStatus: { code: string; label: string };
  shippingFee: number | null;
  fees: number | null;
  couponDiscount: number;
  pointsUsed: number;
  billedTotal: number | null;
  remarks: string;
  packages: readonly { shipTo: ShipTo; items: readonly Line[] }[];
};

/** What Juchu holds of an imported order, to compare with what the mall says now. */
export type StoredMallOrder = {
  mallStatus: string | null;
  shippingFee: number | null;
  fees: number | null;
  couponDiscount: number;
  pointsUsed: number;
  total: number | null;
  remarks: string | null;
  shipTo: unknown;
  items: readonly StoredLine[];
};

export type MallOrderChanges = {
  /** Columns to overwrite with the mall's values (amounts, ship-to, remarks, the mall's status). */
  set: {
    mallStatus?: string;
    mallStatusLabel?: string;
    shippingFee?: number | null;
    fees?: number | null;
    couponDiscount?: number;
    pointsUsed?: number;
    total?: number | null;
    remarks?: string | null;
    shipTo?: ShipTo;
  };
  /** The changes in the merchant's words, for the timeline. */
  described: string[];
  /** The mall changed items, quantities or prices: a person decides, Juchu does not rewrite lines. */
  itemsChanged: boolean;
};

const yen = (n: number | null) => (n === null ? "未確定" : `${n}円`);
const lineKey = (l: Line) => `${l.mallItemCode}\u0000${l.mallSkuCode}\u0000${l.quantity}\u0000${l.unitPrice}`;

/** Compares field by field; an unchanged order yields nothing to set and nothing to say. */
export function mallOrderChanges(stored: StoredMallOrder, mall: IncomingMallOrder): MallOrderChanges {
  const set: MallOrderChanges["set"] = {};
  const described: string[] = [];
  if (stored.mallStatus !== mall.mallStatus.code) {
    set.mallStatus = mall.mallStatus.code;
    set.mallStatusLabel = mall.mallStatus.label;
    described.push(`モールのステータスが「${mall.mallStatus.label}」になりました`);
  }
  const amounts = [
    ["shippingFee", "送料", stored.shippingFee, mall.shippingFee],
    ["fees", "手数料", stored.fees, mall.fees],
    ["total", "請求金額", stored.total, mall.billedTotal],
  ] as const;
  for (const [field, label, before, after] of amounts) {
    if (before !== after) {
      set[field] = after;
      described.push(`${label}: ${yen(before)} → ${yen(after)}`);
    }
  }
  if (stored.couponDiscount !== mall.couponDiscount) {
    set.couponDiscount = mall.couponDiscount;
    described.push(`クーポン値引: ${stored.couponDiscount}円 → ${mall.couponDiscount}円`);
  }
  if (stored.pointsUsed !== mall.pointsUsed) {
    set.pointsUsed = mall.pointsUsed;
    described.push(`ポイント利用: ${stored.pointsUsed} → ${mall.pointsUsed}`);
  }
  if ((stored.remarks ?? "") !== mall.remarks) {
    set.remarks = mall.remarks || null;
    described.push("備考欄が変更されました");
  }
  const firstPackage = mall.packages[0];
  if (firstPackage) {
    const shipTo = shipToOf(firstPackage.shipTo);
    if (!sameAddress(shipTo, stored.shipTo)) {
      set.shipTo = shipTo;
      described.push("送付先が変更されました");
    }
  }
  const before = stored.items.map(lineKey).sort();
  const after = mall.packages
    .flatMap((p) => p.items)
    .map((l) => lineKey(asStored(l, stored.items)))
    .sort();
  const itemsChanged = before.join("\n") !== after.join("\n");
  if (itemsChanged) described.push("商品明細(商品・数量・単価)がモール側で変更されました");
  return { set, described, itemsChanged };
}

/**
 * A mall's line whose price has risen by exactly the stored line's オプション金額 is that line with the
 * surcharge now in the mall's bill (the shop changed the amount at the mall, as 請求金額不一致 asked):
 * not a change of the items.
 */
function asStored(line: Line, stored: readonly StoredLine[]): Line {
  const same = stored.find(
    (s) =>
      s.mallItemCode === line.mallItemCode &&
      s.mallSkuCode === line.mallSkuCode &&
      s.quantity === line.quantity &&
      (s.optionAmount ?? 0) !== 0 &&
      s.unitPrice + (s.optionAmount ?? 0) === line.unitPrice,
  );
  return same ? { ...line, unitPrice: same.unitPrice } : line;
}
