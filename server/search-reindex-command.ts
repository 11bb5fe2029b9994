import { loadSecretKey } from "#server/adapters/secrets/secret-box.ts";
import { reindexOrderSearch } from "#server/app/orders/reindex-search.ts";
import { createContext } from "#server/compose.ts";
import type { Config } from "#server/config.ts";
import { openDatabase } from "#server/db/database.ts";
import { openJobQueue } from "#server/jobs/queue.ts";

/**
 * `npm run juchu -- search reindex`: the orders' search columns computed again (カナ read back from the
 * malls), batch by batch with the count on stderr. Safe to run again, and alongside a server on
 * PostgreSQL; a PGlite folder is one process's, so stop the server first there.
 */
export async function runSearchReindex(config: Config): Promise<number> {
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    const jobs = await openJobQueue(database, { supervise: false });
    try {
      const ctx = createContext(database.db, jobs.queue, {
        secretKey: await loadSecretKey(config.secretKey),
        apiUrls: config.apiUrls,
      });
      const report = await reindexOrderSearch(ctx, (done) => console.error(`${done}件の注文を索引しました`));
      console.log(JSON.stringify(report));
      console.error(
        `検索の再索引が終わりました: 注文${report.orders}件、モールからカナを読んだ注文${report.kanaRead}件` +
          (report.kanaUnread
            ? `、モールから読めなかった注文${report.kanaUnread}件(もう一度実行できます)`
            : ""),
      );
      return 0;
    } finally {
      await jobs.stop();
    }
  } finally {
    await database.close();
  }
}
