import { and, inArray, isNull, lt, or } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { warehouses } from "#server/db/schema.ts";
import { warehouseSettingsOf } from "#server/domain/warehouse-settings.ts";
import type { AppContext } from "../context.ts";
import { warehouseKindOf, warehouseKindsWith } from "./warehouse-client.ts";

/** The scheduler's part for 出荷実績: every polled warehouse whose interval has passed gets one poll queued. */
export async function enqueueDueWarehousePolls(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: warehouses.id, settings: warehouses.settings, polledAt: warehouses.resultsPolledAt })
      .from(warehouses)
      .where(
        and(
          inArray(warehouses.kind, warehouseKindsWith(ctx, "resultsPolling")),
          or(isNull(warehouses.resultsPolledAt), lt(warehouses.resultsPolledAt, now)),
        ),
      );
    let queued = 0;
    for (const w of rows) {
      const every = warehouseSettingsOf(w.settings).resultPollMinutes * 60_000;
      if (w.polledAt && now.getTime() - w.polledAt.getTime() < every) continue;
      await ctx.jobs.enqueue(tx, "warehouse-results", { warehouseId: w.id }, { singletonKey: w.id });
      queued++;
    }
    return queued;
  });
}

/**
 * Warehouses that just took requests get a results poll soon (their definition's resultsFollowUpSeconds),
 * through `tx`. It is the scheduled poll's job (one waiting per warehouse): a burst of request batches
 * makes one read, and a poll already due is not pushed back.
 */
export async function enqueueFollowUpPolls(
  tx: Db,
  ctx: AppContext,
  tookRequests: readonly { id: string; kind: string }[],
): Promise<void> {
  const now = ctx.clock.now().getTime();
  const jobs = new Map<string, { data: { warehouseId: string }; singletonKey: string; startAfter: Date }>();
  for (const w of tookRequests) {
    const definition = warehouseKindOf(ctx, w.kind);
    const after = definition.resultsFollowUpSeconds;
    if (!definition.capabilities.resultsPolling || after === undefined) continue;
    jobs.set(w.id, {
      data: { warehouseId: w.id },
      singletonKey: w.id,
      startAfter: new Date(now + after * 1000),
    });
  }
  await ctx.jobs.enqueueMany(tx, "warehouse-results", [...jobs.values()]);
}
