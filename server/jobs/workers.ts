import type { PgBoss } from "pg-boss";
import type { AppContext } from "#server/app/context.ts";
import { handleAllocateWaiting } from "./allocate-waiting-orders.ts";
import { handleGraceOver } from "./order-grace-over.ts";
import type { JobName } from "./queue.ts";
import { handleShipmentRequest } from "./shipment-request.ts";

// biome-ignore lint/suspicious/noExplicitAny: each handler narrows its own payload, written by its own enqueue.
export const HANDLERS: Record<JobName, (ctx: AppContext, data: any) => Promise<void>> = {
  "order-grace-over": handleGraceOver,
  "shipment-request": handleShipmentRequest,
  "allocate-waiting-orders": handleAllocateWaiting,
};

/** Starts one worker per queue; a handler that throws is retried with backoff by pg-boss. */
export async function startWorkers(boss: PgBoss, ctx: AppContext, pollingIntervalSeconds = 2): Promise<void> {
  for (const [name, handle] of Object.entries(HANDLERS)) {
    await boss.work<Record<string, unknown>>(name, { pollingIntervalSeconds }, async (jobs) => {
      for (const job of jobs) await handle(ctx, job.data);
    });
  }
}
