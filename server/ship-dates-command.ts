import { loadSecretKey } from "#server/adapters/secrets/secret-box.ts";
import { recomputeAccountShipDates } from "#server/app/shipping/recompute-ship-dates.ts";
import { createContext } from "#server/compose.ts";
import type { Config } from "#server/config.ts";
import { openDatabase } from "#server/db/database.ts";
import { openJobQueue } from "#server/jobs/queue.ts";

/**
 * `npm run juchu -- ship-dates recompute [--account <id>]`: 出荷予定日 and お届け予定日 of the open
 * shipments from today's calendars and products (recompute-ship-dates.ts), the count on stdout as
 * one JSON line. Safe to run again, and alongside a server on PostgreSQL.
 */
export async function runShipDatesRecompute(config: Config, accountId: string | null): Promise<number> {
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    const jobs = await openJobQueue(database, { supervise: false });
    try {
      const ctx = createContext(database.db, jobs.queue, {
        secretKey: await loadSecretKey(config.secretKey),
        apiUrls: config.apiUrls,
      });
      const report = await recomputeAccountShipDates(ctx, accountId);
      console.log(JSON.stringify(report));
      console.error(
        `出荷予定日を計算し直しました: 倉庫${report.warehouses}件、未依頼の出荷${report.shipments}件`,
      );
      return 0;
    } finally {
      await jobs.stop();
    }
  } finally {
    await database.close();
  }
}
