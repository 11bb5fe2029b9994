import type { B2bOrderView } from "./types.ts";

/** The BtoB part of an order as the API presents it (absent on orders of other channels). */
export const b2bOf = (order: object): B2bOrderView | null =>
  (order as { b2b?: B2bOrderView | null }).b2b ?? null;

/** On 受注一覧: an open cancel request is what the merchant must answer. */
export function CancelRequestFlag({ order }: { order: object }) {
  const request = b2bOf(order)?.cancelRequest;
  if (request?.status !== "requested") return null;
  return <span className="badge badge-cancel-request">発注者がキャンセルを希望しています</span>;
}
