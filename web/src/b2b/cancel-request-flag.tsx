import type { B2bOrderView } from "./types.ts";

/** On 受注一覧: an open cancel request (「発注者がキャンセルを希望しています」) is what the merchant must answer. */
export function CancelRequestFlag({ b2b }: { b2b: B2bOrderView | null }) {
  const request = b2b?.cancelRequest;
  if (request?.status !== "requested") return null;
  return <span className="badge badge-cancel-request">{request.label}</span>;
}
