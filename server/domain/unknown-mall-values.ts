import type { SystemTagCode } from "./system-tags.ts";

/** A value a channel sent that Juchu's vocabulary (or the shop's master of that kind) does not know. */
export type UnknownMallValue = { kind: string; mallCode: string; label: string };

/**
 * The kinds a channel may report, and the system tag each sets on the order:
 * - 決済方法: whether the buyer has paid, and whether to wait for it, hang on the method — the order
 *   is held (未登録のモール値) rather than shipped on a guess;
 * - 受注ステータス: Juchu cannot tell whether the mall is cancelling it — held the same way;
 * - 配送会社: the carrier the buyer chose is shown, not shipped with (the parcel's carrier comes from
 *   the products and the warehouse) — flagged for the set-up, nothing held.
 */
export const UNKNOWN_VALUE_KINDS: Readonly<Record<string, { label: string; tag: SystemTagCode }>> = {
  payment_method: { label: "決済方法", tag: "unknown_mall_value" },
  order_status: { label: "受注ステータス", tag: "unknown_mall_value" },
  delivery_company: { label: "配送会社", tag: "unknown_mall_value_notice" },
};

export const UNKNOWN_VALUE_TAGS: readonly SystemTagCode[] = [
  "unknown_mall_value",
  "unknown_mall_value_notice",
];

const kindOf = (kind: string) =>
  UNKNOWN_VALUE_KINDS[kind] ?? { label: kind, tag: "unknown_mall_value" as const };

/** The tags an order's unknown values call for; a kind Juchu does not list holds, to be safe. */
export function unknownValueTags(values: readonly UnknownMallValue[]): SystemTagCode[] {
  return UNKNOWN_VALUE_TAGS.filter((tag) => values.some((v) => kindOf(v.kind).tag === tag));
}

/** "決済方法「新しい決済」(コード 99)" for the timeline, one per value. */
export function describeUnknownValues(values: readonly UnknownMallValue[]): string {
  return values.map((v) => `${kindOf(v.kind).label}「${v.label}」(コード ${v.mallCode})`).join(" / ");
}

/** Whether two reads found the same unknown values (in any order). */
export function sameUnknownValues(a: readonly UnknownMallValue[], b: readonly UnknownMallValue[]): boolean {
  const key = (v: UnknownMallValue) => `${v.kind}\u0000${v.mallCode}`;
  const left = new Set(a.map(key));
  return left.size === new Set(b.map(key)).size && b.every((v) => left.has(key(v)));
}
