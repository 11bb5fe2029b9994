import { recomputeShipDates } from "#server/app/shipping/recompute-ship-dates.ts";
import { type BatchHandler, eachJob } from "./batch.ts";

/** A warehouse's calendar changed: its open shipments' 出荷予定日 follow it. */
export const handleShipDatesRecompute: BatchHandler<{ warehouseId: string }> = eachJob(
  (ctx, data: { warehouseId: string }) => recomputeShipDates(ctx, data.warehouseId),
);
