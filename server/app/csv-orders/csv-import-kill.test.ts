import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import { juchuTemplateCsv } from "#server/channels/csv/profiles.ts";
import { openDatabase } from "#server/db/database.ts";
import { exited } from "#test/lifecycle-processes.ts";
import { bootServer, childDatabase, createAccountToken, spawnNode } from "#test/process.ts";

const postgres = Boolean(process.env.DATABASE_URL);
const ORDERS = 1500;
const LINES_PER_ORDER = 2;
let database: Awaited<ReturnType<typeof childDatabase>>;
let env: Record<string, string>;
let token: string;
const children = new Set<ChildProcess>();

before(async () => {
  database = await childDatabase();
  env = { ...database.env, JUCHU_SECRET_KEY: randomBytes(32).toString("base64") };
  token = await createAccountToken(env, { name: "停電CSV商店", email: "csvkill@example.com" });
});
after(async () => {
  for (const child of children) {
    child.kill("SIGKILL");
    await exited(child);
  }
  await database.close();
});

function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

/** The API as the merchant's browser calls it: JSON, or a CSV file's bytes. */
async function call(
  url: string,
  method: string,
  path: string,
  body?: { json: unknown } | { csv: Uint8Array },
) {
  const res = await fetch(url + path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": body && "csv" in body ? "text/csv" : "application/json",
    },
    ...(body ? { body: "csv" in body ? (body.csv as BodyInit) : JSON.stringify(body.json) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** The template's example line per order and item: every order has LINES_PER_ORDER lines. */
function file(): string {
  const [header, example = ""] = juchuTemplateCsv().replace("\uFEFF", "").split("\r\n");
  const lines = [header];
  for (let o = 1; o <= ORDERS; o++)
    for (let l = 1; l <= LINES_PER_ORDER; l++)
      lines.push(example.replace(/^1001/, `K-${o}`).replace("ITEM-001", `ITEM-${l}`));
  return `${lines.join("\r\n")}\r\n`;
}

test("a worker killed (kill -9) mid CSV import: restarted workers finish the run, every order once, the report whole", async (t) => {
  // PostgreSQL: the API in its own process, the worker in another. PGlite: one process holds the data
  // folder, so the process killed is the whole server and the next one opens the folder after it.
  const api = await bootServer({ ...env, JUCHU_ROLE: postgres ? "web" : "all", LOG_LEVEL: "info" });
  track(api.child);
  const startWorker = () =>
    track(spawnNode("server/main.ts", [], { ...env, JUCHU_ROLE: "worker", LOG_LEVEL: "info" }));
  const worker = postgres ? startWorker() : api.child;
  const batchCommitted = new Promise<void>((resolve) => {
    let out = "";
    worker.stdout?.on("data", (d) => {
      out += d;
      if (/csv-import \S+: committed to line/.test(out)) resolve();
    });
  });
  const shop = await call(api.url, "POST", "/api/shops", { json: { channel: "csv", name: "CSV停電店" } });
  assert.equal(shop.status, 201, JSON.stringify(shop.body));
  const shopId: string = shop.body.id;
  const bytes = new TextEncoder().encode(file());
  const upload = await call(api.url, "POST", `/api/csv-imports?shopId=${shopId}&profileId=juchu`, {
    csv: bytes,
  });
  assert.equal(upload.status, 202, JSON.stringify(upload.body));
  const runId: string = upload.body.id;

  // The kill lands as soon as the worker says its first batch of 500 is committed, while the next
  // ones are read and registered.
  await batchCommitted;
  worker.kill("SIGKILL");
  await exited(worker);

  // What the kill left, read by an API without workers, so nothing resumes meanwhile.
  const reader = postgres ? api : await bootServer({ ...env, JUCHU_ROLE: "web" });
  track(reader.child);
  const mid = (await call(reader.url, "GET", `/api/csv-imports/${runId}`)).body;
  const lines = ORDERS * LINES_PER_ORDER;
  assert.ok(["queued", "running"].includes(mid.status) && mid.rowsRead < lines, JSON.stringify(mid));
  t.diagnostic(`killed with ${mid.rowsRead} of ${lines} lines committed`);
  if (!postgres) {
    reader.child.kill("SIGTERM");
    await exited(reader.child);
  }

  const next = postgres ? api : await bootServer({ ...env, JUCHU_ROLE: "all" });
  track(next.child);
  if (postgres) startWorker();
  const deadline = Date.now() + 120_000;
  let run: Record<string, unknown>;
  for (;;) {
    run = (await call(next.url, "GET", `/api/csv-imports/${runId}`)).body;
    if (run.status === "succeeded" || run.status === "failed") break;
    assert.ok(Date.now() < deadline, `the run never finished: ${JSON.stringify(run)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.deepEqual(
    [
      run.status,
      run.rowsRead,
      Number(run.created) + Number(run.unchanged),
      run.skipped,
      run.failed,
      run.bytesRead,
    ],
    ["succeeded", lines, ORDERS, 0, 0, bytes.length],
  );

  // Every process stopped, the database is read directly.
  for (const child of [...children]) {
    child.kill("SIGTERM");
    await exited(child);
  }
  const direct = await openDatabase(
    postgres
      ? { kind: "postgres", url: env.DATABASE_URL ?? "" }
      : { kind: "pglite", dataDir: database.dataDir ?? "" },
  );
  try {
    const rows = async <T>(query: ReturnType<typeof sql>) =>
      ((await direct.db.execute(query)) as unknown as { rows: T[] }).rows;
    const orders = await rows<{ number: string; n: number }>(
      sql`select mall_order_number as number, count(*)::int as n from orders where shop_id = ${shopId} group by 1`,
    );
    assert.equal(orders.length, ORDERS, "every order of the file is there");
    assert.deepEqual(
      orders.filter((o) => o.n !== 1),
      [],
      "none twice",
    );
    const items = await rows<{ n: number }>(
      sql`select count(*)::int as n from order_items i join orders o on o.id = i.order_id where o.shop_id = ${shopId}`,
    );
    assert.equal(items[0]?.n, lines, "every order whole: each of its lines an item");
    // The report: one row per line, each naming the order its number became, and the run's counts
    // are the report's.
    const report = await rows<{
      outcome: string;
      lines: number;
      first: number;
      last: number;
      orders: number;
      matched: number;
    }>(sql`
      select r.outcome, count(*)::int as lines, min(r.line)::int as first, max(r.line)::int as last,
             count(distinct r.order_number)::int as orders,
             count(*) filter (where o.mall_order_number = r.order_number)::int as matched
      from csv_import_rows r left join orders o on o.id = r.order_id
      where r.run_id = ${runId} group by r.outcome order by r.outcome`);
    const total = report.reduce((n, r) => n + r.lines, 0);
    assert.equal(total, lines, JSON.stringify(report));
    assert.equal(Math.min(...report.map((r) => r.first)), 2);
    assert.equal(Math.max(...report.map((r) => r.last)), lines + 1);
    for (const r of report) {
      assert.ok(["created", "unchanged"].includes(r.outcome), JSON.stringify(r));
      assert.equal(r.matched, r.lines, `${r.outcome}: every line names its order`);
      assert.equal(r.orders, run[r.outcome], `${r.outcome}: the run's count is the report's`);
    }
    const left = await rows<{ n: number }>(
      sql`select count(*)::int as n from csv_import_chunks where run_id = ${runId}`,
    );
    assert.equal(left[0]?.n, 0, "the stored upload is gone once the run is done");
  } finally {
    await direct.close();
  }
});
