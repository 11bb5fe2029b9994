import type { Job, PgBoss } from "pg-boss";
import { enqueueGracePeriodEnds } from "#server/app/channels/end-grace-period.ts";
import { enqueueDueImports } from "#server/app/channels/import-shop.ts";
import { enqueueStockPushes } from "#server/app/channels/push-stock.ts";
import type { AppContext } from "#server/app/context.ts";
import { linkUnlinkedOrders, refreshStaleRanks } from "#server/app/customers/refresh-ranks.ts";
import { enqueueDueInquiryImports } from "#server/app/inquiries/import-inquiries.ts";
import { enqueueMailDispatch } from "#server/app/mail/dispatch-mails.ts";
import { tagOverduePayments } from "#server/app/orders/payment-overdue.ts";
import { enqueueDueWarehousePolls } from "#server/app/shipping/warehouse-polls.ts";
import { enqueueWebhookDispatch } from "#server/app/webhooks/dispatch.ts";
import { loggableError } from "#server/db/errors.ts";
import { handleAllocateWaiting } from "./allocate-waiting-orders.ts";
import type { BatchHandler, JobOutcomes } from "./batch.ts";
import { handleBulkOrderRun } from "./bulk-order-run.ts";
import { handleCsvImport } from "./csv-import.ts";
import { handleGracePeriodOver } from "./grace-period-over.ts";
import { handleInquiryAct, handleInquiryImport, handleInquiryReply } from "./inquiries.ts";
import { handleMailDispatch } from "./mail-dispatch.ts";
import { handleMallCancelOrder } from "./mall-cancel-order.ts";
import { handleMallCancelWithdraw } from "./mall-cancel-withdraw.ts";
import { handleMallConfirmOrder } from "./mall-confirm-order.ts";
import { handleMallImport } from "./mall-import.ts";
import { handleMallReportShipping } from "./mall-report-shipping.ts";
import { handleMallStockPush } from "./mall-stock-push.ts";
import { handleOrderExport } from "./order-export.ts";
import { handleProductImport } from "./product-import.ts";
import type { JobName } from "./queue.ts";
import { handleSendMail } from "./send-mail.ts";
import { handleShipDatesRecompute } from "./ship-dates-recompute.ts";
import { handleShipmentRequest } from "./shipment-request.ts";
import { handleWarehouseResults } from "./warehouse-results.ts";
import { handleWebhookDelivery } from "./webhook-delivery.ts";
import { handleWebhookDispatch } from "./webhook-dispatch.ts";

export const HANDLERS: Record<JobName, BatchHandler> = {
  "grace-period-over": handleGracePeriodOver,
  "shipment-request": handleShipmentRequest,
  "allocate-waiting-orders": handleAllocateWaiting,
  "mall-import": handleMallImport,
  "mall-confirm-order": handleMallConfirmOrder,
  "mall-stock-push": handleMallStockPush,
  "warehouse-results": handleWarehouseResults,
  "mall-report-shipping": handleMallReportShipping,
  "mall-cancel-order": handleMallCancelOrder,
  "mall-cancel-withdraw": handleMallCancelWithdraw,
  "mail-dispatch": handleMailDispatch,
  "send-mail": handleSendMail,
  "csv-import": handleCsvImport,
  "product-import": handleProductImport,
  "order-export": handleOrderExport,
  "inquiry-import": handleInquiryImport,
  "inquiry-act": handleInquiryAct,
  "inquiry-reply": handleInquiryReply,
  "bulk-order-run": handleBulkOrderRun,
  "webhook-dispatch": handleWebhookDispatch,
  "webhook-delivery": handleWebhookDelivery,
  "ship-dates-recompute": handleShipDatesRecompute,
};

/**
 * How a worker takes jobs: up to BATCH_SIZE at once, fetching again at once while a fetch comes back
 * full (a backlog drains at the handlers' speed), else looking every POLL_SECONDS. Each job of a fetch
 * is settled on its own, so one failure is retried with backoff without redoing the others.
 */
export const WORK_OPTIONS = {
  batchSize: 100,
  pollingIntervalSeconds: 0.5,
  burstWhenBatchFull: true,
  perJobResults: true,
} as const;

/**
 * How often the worker looks for shops due an import or a stock push, warehouses due a results poll,
 * and prepaid orders past their payment deadline.
 */
const TICK_MS = 15_000;
/**
 * How often it looks for orders whose grace period is over (orders_grace_idx) and for new webhook
 * events in the outbox: a due order moves, and an event leaves, within seconds.
 */
const SWEEP_MS = 1_000;

/** Starts one worker per queue; a job whose handler failed is retried with backoff by pg-boss. */
export async function startWorkers(boss: PgBoss, ctx: AppContext): Promise<{ stop(): void }> {
  for (const [name, handle] of Object.entries(HANDLERS)) {
    await boss.work(name, WORK_OPTIONS, settledOneByOne(ctx, handle));
  }
  const every = (ms: number, name: string, work: () => Promise<unknown>) => {
    let running = false;
    const run = async () => {
      // A slow run (a large backlog) is not overtaken by the next one.
      if (running) return;
      running = true;
      try {
        await work();
      } catch (error) {
        console.error(`${name} failed:\n${loggableError(error)}`);
      } finally {
        running = false;
      }
    };
    void run();
    return setInterval(run, ms);
  };
  const timers = [
    every(TICK_MS, "scheduler tick", async () => {
      await enqueueDueImports(ctx);
      await enqueueDueInquiryImports(ctx);
      await enqueueStockPushes(ctx);
      await enqueueDueWarehousePolls(ctx);
      await enqueueMailDispatch(ctx);
      await tagOverduePayments(ctx);
      await linkUnlinkedOrders(ctx);
      await refreshStaleRanks(ctx);
    }),
    every(SWEEP_MS, "grace period sweep", () => enqueueGracePeriodEnds(ctx)),
    every(SWEEP_MS, "webhook sweep", () => enqueueWebhookDispatch(ctx)),
  ];
  return { stop: () => timers.forEach(clearInterval) };
}

/** pg-boss's handler for a batch handler: every job of the fetch completed or failed on its own. */
export function settledOneByOne(ctx: AppContext, handle: BatchHandler) {
  return async (jobs: Job<Record<string, unknown>>[]) => {
    let outcomes: JobOutcomes;
    try {
      outcomes = await handle(
        ctx,
        jobs.map((j) => j.data),
      );
    } catch (error) {
      // A handler that throws (the database gone) fails every job of its fetch.
      const failed = error instanceof Error ? error : new Error(String(error));
      outcomes = jobs.map(() => failed);
    }
    return jobs.map((job, i) => {
      const error = outcomes[i];
      // pg-boss keeps a failure's message in its job table: the failed query, not its parameters.
      return error
        ? { id: job.id, status: "failed" as const, output: { message: loggableError(error) } }
        : { id: job.id, status: "completed" as const };
    });
  };
}
