import { reportShippingToMalls } from "#server/app/channels/report-shipping.ts";
import type { BatchHandler } from "./batch.ts";

/** 出荷報告 for 全出荷済 orders, a fetch at once; a mall that is down fails its orders' jobs, for pg-boss to retry. */
export const handleMallReportShipping: BatchHandler<{ orderId: string }> = (ctx, jobs) =>
  reportShippingToMalls(
    ctx,
    jobs.map((j) => j.orderId),
  );
