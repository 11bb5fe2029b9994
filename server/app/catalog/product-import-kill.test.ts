import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { openDatabase } from "#server/db/database.ts";
import { exited } from "#test/lifecycle-processes.ts";
import { bootServer, childDatabase, createAccountToken, spawnNode } from "#test/process.ts";

const postgres = Boolean(process.env.DATABASE_URL);
/** Items of one SKU each: a 商品行 and a SKU行 apiece, batches of 1,000 products (2,000 lines). */
const ITEMS = 20_000;
let database: Awaited<ReturnType<typeof childDatabase>>;
let env: Record<string, string>;
let token: string;
const children = new Set<ChildProcess>();

before(async () => {
  database = await childDatabase();
  env = { ...database.env, JUCHU_SECRET_KEY: randomBytes(32).toString("base64") };
  token = await createAccountToken(env, { name: "停電商品商店", email: "productkill@example.com" });
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

/** An item export of ITEMS single-SKU items, Shift_JIS as RMS writes it. */
function file(): Uint8Array {
  const lines = ["コントロールカラム,商品管理番号（商品URL）,商品名,SKU管理番号,システム連携用SKU番号"];
  for (let i = 1; i <= ITEMS; i++) lines.push(`u,item-${i},商品${i}号,,`, `u,item-${i},,sku-${i},K-${i}`);
  return iconv.encode(`${lines.join("\r\n")}\r\n`, "cp932");
}

test("a worker killed (kill -9) mid product import: whole batches only, the restarted run completes, every product once", async (t) => {
  // As the order CSV kill test: on PostgreSQL the worker is its own process; on PGlite the killed
  // process is the whole server, and the next one opens the data folder after it.
  const api = await bootServer({ ...env, JUCHU_ROLE: postgres ? "web" : "all", LOG_LEVEL: "info" });
  track(api.child);
  const startWorker = () =>
    track(spawnNode("server/main.ts", [], { ...env, JUCHU_ROLE: "worker", LOG_LEVEL: "info" }));
  const worker = postgres ? startWorker() : api.child;
  const batchCommitted = new Promise<void>((resolve) => {
    let out = "";
    worker.stdout?.on("data", (d) => {
      out += d;
      if (/product-import \S+: committed to line/.test(out)) resolve();
    });
  });
  const shop = await call(api.url, "POST", "/api/shops", {
    json: { channel: "rakuten", name: "楽天停電店" },
  });
  assert.equal(shop.status, 201, JSON.stringify(shop.body));
  const shopId: string = shop.body.id;
  const bytes = file();
  const upload = await call(api.url, "POST", `/api/product-imports?shopId=${shopId}`, { csv: bytes });
  assert.equal(upload.status, 202, JSON.stringify(upload.body));
  const runId: string = upload.body.id;

  await batchCommitted;
  worker.kill("SIGKILL");
  await exited(worker);

  const reader = postgres ? api : await bootServer({ ...env, JUCHU_ROLE: "web" });
  track(reader.child);
  const mid = (await call(reader.url, "GET", `/api/product-imports/${runId}`)).body;
  const lines = ITEMS * 2;
  assert.ok(["queued", "running"].includes(mid.status) && mid.rowsRead < lines, JSON.stringify(mid));
  assert.equal(mid.rowsRead % 2000, 0, "only whole batches were committed");
  t.diagnostic(`killed with ${mid.rowsRead} of ${lines} lines committed`);
  if (!postgres) {
    reader.child.kill("SIGTERM");
    await exited(reader.child);
  }

  const next = postgres ? api : await bootServer({ ...env, JUCHU_ROLE: "all" });
  track(next.child);
  if (postgres) startWorker();
  const deadline = Date.now() + 180_000;
  let run: Record<string, unknown>;
  for (;;) {
    run = (await call(next.url, "GET", `/api/product-imports/${runId}`)).body;
    if (run.status === "succeeded" || run.status === "failed") break;
    assert.ok(Date.now() < deadline, `the run never finished: ${JSON.stringify(run)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.deepEqual(
    [run.status, run.mode, run.rowsRead, run.created, run.unchanged, run.failed, run.bytesRead],
    ["succeeded", "master", lines, ITEMS, 0, 0, bytes.length],
  );

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
    const one = async (query: ReturnType<typeof sql>) =>
      ((await direct.db.execute(query)) as unknown as { rows: Record<string, number>[] }).rows[0] ?? {};
    assert.deepEqual(
      await one(sql`select count(*)::int as products, count(distinct sku)::int as skus,
                      count(*) filter (where name = '商品' || substr(sku, 3) || '号')::int as named
                    from products where sku like 'K-%'`),
      { products: ITEMS, skus: ITEMS, named: ITEMS },
    );
    assert.deepEqual(
      await one(sql`select count(*)::int as mappings, count(c.product_id)::int as components
                    from product_mappings m left join product_mapping_components c on c.mapping_id = m.id
                    where m.shop_id = ${shopId}`),
      { mappings: ITEMS, components: ITEMS },
    );
    assert.deepEqual(
      await one(sql`select count(*)::int as rows, count(distinct line)::int as lines,
                      count(*) filter (where outcome = 'created')::int as created
                    from product_import_rows where run_id = ${runId}`),
      { rows: ITEMS, lines: ITEMS, created: ITEMS },
    );
    assert.deepEqual(
      await one(sql`select count(*)::int as n from product_import_chunks where run_id = ${runId}`),
      {
        n: 0,
      },
    );
  } finally {
    await direct.close();
  }
});
