import type { PgBoss } from "pg-boss";
import type { AppContext } from "#server/app/context.ts";
import { enqueueMailDispatch } from "#server/app/dispatch-mails.ts";
import { enqueueDueImports } from "#server/app/import-shop.ts";
import { tagOverduePayments } from "#server/app/payment-overdue.ts";
import { enqueueStockPushes } from "#server/app/push-stock.ts";
import { enqueueDueWarehousePolls } from "#server/app/warehouse-polls.ts";
import { loggableError } from "#server/db/errors.ts";
import { handleAllocateWaiting } from "./allocate-waiting-orders.ts";
import { handleCsvImport } from "./csv-import.ts";
import { handleMailDispatch } from "./mail-dispatch.ts";
import { handleMallCancelOrder } from "./mall-cancel-order.ts";
import { handleMallCancelWithdraw } from "./mall-cancel-withdraw.ts";
import { handleMallConfirmOrder } from "./mall-confirm-order.ts";
import { handleMallImport } from "./mall-import.ts";
import { handleMallReportShipping } from "./mall-report-shipping.ts";
import { handleMallStockPush } from "./mall-stock-push.ts";
import { handleGraceOver } from "./order-grace-over.ts";
import type { JobName } from "./queue.ts";
import { handleSendMail } from "./send-mail.ts";
import { handleShipmentRequest } from "./shipment-request.ts";
import { handleWarehouseResults } from "./warehouse-results.ts";

// biome-ignore lint/suspicious/noExplicitAny: each handler narrows its own payload, written by its own enqueue.
export const HANDLERS: Record<JobName, (ctx: AppContext, data: any) => Promise<void>> = {
  "order-grace-over": handleGraceOver,
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
};

/**
 * How often the worker looks for shops due an import or a stock push, warehouses due a results poll,
 * and prepaid orders past their payment deadline.
 */
const TICK_MS = 15_000;

/** Starts one worker per queue; a handler that throws is retried with backoff by pg-boss. */
export async function startWorkers(
  boss: PgBoss,
  ctx: AppContext,
  pollingIntervalSeconds = 2,
): Promise<{ stop(): void }> {
  for (const [name, handle] of Object.entries(HANDLERS)) {
    await boss.work<Record<string, unknown>>(name, { pollingIntervalSeconds }, async (jobs) => {
      try {
        for (const job of jobs) await handle(ctx, job.data);
      } catch (error) {
        // pg-boss keeps a failure's message in its job table: the failed query, not its parameters.
        throw new Error(loggableError(error));
      }
    });
  }
  const tick = async () => {
    try {
      await enqueueDueImports(ctx);
      await enqueueStockPushes(ctx);
      await enqueueDueWarehousePolls(ctx);
      await enqueueMailDispatch(ctx);
      await tagOverduePayments(ctx);
    } catch (error) {
      console.error(`scheduler tick failed:\n${loggableError(error)}`);
    }
  };
  void tick();
  const timer = setInterval(tick, TICK_MS);
  return { stop: () => clearInterval(timer) };
}
