import type { Server } from "node:http";
import { createAdaptorServer } from "@hono/node-server";
import { sql } from "drizzle-orm";
import type { Demo } from "#sandbox/demo/demo.ts";
import { loadSecretKey } from "#server/adapters/secrets/secret-box.ts";
import { createContext } from "#server/compose.ts";
import { type Config, loadConfig } from "#server/config.ts";
import { type Database, openDatabase } from "#server/db/database.ts";
import { createHttpApp } from "#server/http/app.ts";
import { openJobQueue } from "#server/jobs/queue.ts";
import { startWorkers } from "#server/jobs/workers.ts";
import { setLogLevel } from "#server/log.ts";
import { startUpFailure } from "#server/start-up-failure.ts";
import { VERSION } from "#server/version.ts";

/** `npm start`: the API and the workers in one process by default (JUCHU_ROLE=web|worker splits them). */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // `npm start -- --demo`: a live demo against the Rakuten and RSL sandboxes, in its own data folder.
  const demo = args.includes("--demo") ? await (await import("#sandbox/demo/demo.ts")).openDemo(args) : null;
  const config = loadConfig(process.env, demo?.configOverrides);
  setLogLevel(config.logLevel);
  await start(config, demo).catch((error) => {
    const message = startUpFailure(error, config);
    if (!message) throw error;
    fail(message);
  });
}

async function start(config: Config, demo: Demo | null): Promise<void> {
  // The node server's bindings (the socket) travel with each request: log-in reads the client's address from them.
  let app: { fetch(request: Request, env: unknown): Response | Promise<Response> } | null = null;
  // The port is taken before the data folder is made or migrated, so a taken port fails at once.
  const server =
    config.role === "worker"
      ? null
      : await listen(
          createAdaptorServer({
            hostname: config.host,
            fetch: (request, env) =>
              app
                ? app.fetch(request, env)
                : Response.json(STARTING, {
                    status: 503,
                    headers: { "content-type": "application/problem+json", "retry-after": "5" },
                  }),
          }) as Server,
          config,
        );
  const database = await openDatabase(config.database);
  await database.migrate();
  const refreshStatistics = keepPlannerStatisticsFresh(database);
  const jobs = await openJobQueue(database);
  const ctx = createContext(database.db, jobs.queue, {
    secretKey: await loadSecretKey(config.secretKey),
    apiUrls: { ...config.apiUrls, ...demo?.apiUrls },
    importLeaseMs: config.importLeaseMs,
  });
  const workers = config.role === "web" ? null : await startWorkers(jobs.boss, ctx);
  if (server) {
    app = createHttpApp(ctx, { database: database.kind, version: VERSION, publicUrl: config.publicUrl });
    const { port } = server.address() as { port: number };
    const where = config.database.kind === "pglite" ? `PGlite (${config.database.dataDir})` : "PostgreSQL";
    console.log(`Juchu ${VERSION} listening on http://${config.host}:${port} — database: ${where}`);
  }
  const shutdown = async () => {
    clearInterval(refreshStatistics);
    await demo?.stop();
    workers?.stop();
    server?.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  await demo?.attach(ctx);
}

/** The answer while the database is opened and migrated, before the API is ready. */
const STARTING = {
  type: "https://juchu.dev/problems/server.starting",
  title: "起動中です",
  status: 503,
  code: "server.starting",
  detail: "Juchu はデータベースを準備しています。数秒後にもう一度お試しください。",
};

function listen(server: Server, config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}

/**
 * PGlite runs no autovacuum, so its planner never learns how big tables grew and picks plans for
 * empty ones; PostgreSQL's autovacuum does this by itself.
 */
function keepPlannerStatisticsFresh(database: Database): NodeJS.Timeout | undefined {
  if (database.kind !== "pglite") return undefined;
  const analyze = () =>
    database.db.execute(sql`analyze`).catch((error) => console.error("analyze failed:", error));
  void analyze();
  return setInterval(analyze, 60 * 60_000).unref();
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

main().catch((error) => {
  const message = startUpFailure(error);
  if (message) fail(message);
  console.error(error);
  process.exit(1);
});
