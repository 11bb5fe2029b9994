import { api } from "../api/client.ts";
import type { BulkAction, BulkResult, OrderPage } from "../api/types.ts";
import { type ListFilters, ordersPath } from "./list-query.ts";

/** The API takes at most 100 per call; 50 keeps each call well under a second and progress smooth. */
const CHUNK = 50;
/** A selection "all matching" stops here: past this a merchant should narrow the filter first. */
export const SELECT_ALL_MAX = 5000;

/** While collecting, the total is not known yet (list counts stop at a cap): it stays 0. */
export type Progress = { done: number; total: number; phase: "collecting" | "running" };

export async function collectIds(filters: ListFilters, onProgress: (p: Progress) => void): Promise<string[]> {
  const ids: string[] = [];
  let cursor = "";
  do {
    const page = await api<OrderPage>("GET", ordersPath(filters, { cursor, limit: 500 }));
    ids.push(...page.items.map((o) => o.id));
    onProgress({ done: ids.length, total: 0, phase: "collecting" });
    cursor = page.nextCursor ?? "";
  } while (cursor && ids.length < SELECT_ALL_MAX);
  return ids.slice(0, SELECT_ALL_MAX);
}

/** Runs a bulk action chunk by chunk; each order's outcome comes back from the API, never guessed. */
export async function runBulk(
  action: BulkAction,
  orderIds: string[],
  extra: { tagId?: string; reason?: string; mallCancelReasons?: string[] },
  onProgress: (p: Progress) => void,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  onProgress({ done: 0, total: orderIds.length, phase: "running" });
  for (let i = 0; i < orderIds.length; i += CHUNK) {
    const chunk = orderIds.slice(i, i + CHUNK);
    const answer = await api<{ results: BulkResult[] }>("POST", "/api/orders/bulk", {
      action,
      orderIds: chunk,
      ...extra,
    });
    results.push(...answer.results);
    onProgress({ done: results.length, total: orderIds.length, phase: "running" });
  }
  return results;
}
