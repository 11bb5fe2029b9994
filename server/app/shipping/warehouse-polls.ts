import { and, inArray, isNull, lt, or } from "drizzle-orm";
import { warehouses } from "#server/db/schema.ts";
import { warehouseSettingsOf } from "#server/domain/warehouse-settings.ts";
import type { AppContext } from "../context.ts";
import { warehouseKindsWith } from "./warehouse-client.ts";

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
