import { error, json } from "./http-reply.ts";
import type { ApiCall, Handled } from "./shipment-requests.ts";
import type { ShipmentRecord } from "./state.ts";
import { resultView } from "./views.ts";

/**
 * 出荷実績: every shipped or unshippable request once, in the order it happened. The cursor is the
 * last resultId the merchant read; a result is recorded the moment the warehouse reaches it and never
 * moves, so reading from a saved cursor after a crash repeats nothing it had not read and skips nothing.
 */

export function listShipmentResults({ state, merchant }: ApiCall, query: URLSearchParams): Handled {
  const limitText = query.get("limit");
  const limit = limitText === null ? 100 : Number(limitText);
  if (!/^\d+$/.test(limitText ?? "100") || limit < 1 || limit > 500) {
    return { reply: error(400, "E1003", "形式が正しくありません(1〜500)", "limit"), keep: false };
  }
  const after = query.get("after");
  let start = 0;
  if (after !== null && after !== "") {
    const index = merchant.resultIndex.get(after);
    if (index === undefined) {
      return { reply: error(400, "E1003", "形式が正しくありません(不明なカーソル)", "after"), keep: false };
    }
    start = index + 1;
  }
  const page = merchant.results.slice(start, start + limit);
  const last = page.at(-1);
  return {
    reply: json(200, {
      results: page.map((r) => resultView(r, state.requests.get(r.requestId) as ShipmentRecord)),
      nextCursor: last ? last.resultId : after || null,
      hasMore: start + page.length < merchant.results.length,
    }),
    keep: false,
  };
}
