import { loadSecretKey } from "#server/adapters/secrets/secret-box.ts";
import { linkUnlinkedOrders } from "#server/app/customers/refresh-ranks.ts";
import { createContext } from "#server/compose.ts";
import type { Config } from "#server/config.ts";
import { openDatabase } from "#server/db/database.ts";
import { openJobQueue } from "#server/jobs/queue.ts";

/**
 * `npm run juchu -- customers relink`: every order not yet linked to its customer (written before
 * 顧客 existed) linked now, oldest first, batch by batch with the count on stderr — what the worker
 * otherwise does a batch per scheduler tick. Safe to run again and alongside a server on PostgreSQL;
 * a PGlite folder is one process's, so stop the server first there.
 */
export async function runCustomersRelink(config: Config): Promise<number> {
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    const jobs = await openJobQueue(database, { supervise: false });
    try {
      const ctx = createContext(database.db, jobs.queue, {
        secretKey: await loadSecretKey(config.secretKey),
        apiUrls: config.apiUrls,
      });
      let orders = 0;
      for (let linked = await linkUnlinkedOrders(ctx); linked > 0; linked = await linkUnlinkedOrders(ctx)) {
        orders += linked;
        console.error(`${orders}件の注文を顧客に結び付けました`);
      }
      console.log(JSON.stringify({ orders }));
      console.error(`顧客の結び付けが終わりました: 注文${orders}件`);
      return 0;
    } finally {
      await jobs.stop();
    }
  } finally {
    await database.close();
  }
}
