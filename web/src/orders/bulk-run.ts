import { api, query } from "../api/client.ts";
import type { BulkAction, BulkResult, BulkRun } from "../api/types.ts";
import { filterBody, type ListFilters } from "./list-query.ts";

/** The API takes at most 100 per call; 50 keeps each call well under a second and progress smooth. */
const CHUNK = 50;
/** How often the dialog asks how far a run over the whole filter has got. */
const POLL_MS = 1_000;

export type Progress = { done: number; total: number };
export type BulkExtra = { tagId?: string; reason?: string; mallCancelReasons?: string[] };

/** Runs a bulk action over chosen orders chunk by chunk; each order's outcome comes back from the API. */
export async function runBulk(
  action: BulkAction,
  orderIds: string[],
  extra: BulkExtra,
  onProgress: (p: Progress) => void,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  onProgress({ done: 0, total: orderIds.length });
  for (let i = 0; i < orderIds.length; i += CHUNK) {
    const chunk = orderIds.slice(i, i + CHUNK);
    const answer = await api<{ results: BulkResult[] }>("POST", "/api/orders/bulk", {
      action,
      orderIds: chunk,
      ...extra,
    });
    results.push(...answer.results);
    onProgress({ done: results.length, total: orderIds.length });
  }
  return results;
}

/** How many orders the filter holds now: what the confirmation names. */
export const matchingCountPath = (filters: ListFilters) =>
  `/api/order-bulk-runs/count${query(filterBody(filters))}`;

/** Runs a bulk action over every order of the filter on the server, polling its job until it ends. */
export async function runOverFilter(
  action: BulkAction,
  filters: ListFilters,
  extra: BulkExtra,
  onProgress: (p: Progress) => void,
): Promise<BulkRun> {
  let run = await api<BulkRun>("POST", "/api/order-bulk-runs", {
    action,
    filter: filterBody(filters),
    ...extra,
  });
  while (run.status === "queued" || run.status === "running") {
    onProgress({ done: run.processed, total: run.total });
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    run = await api<BulkRun>("GET", `/api/order-bulk-runs/${run.id}`);
  }
  return run;
}
