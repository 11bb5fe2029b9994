import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import { juchuTemplateCsv } from "#server/channels/csv/profiles.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { runCsvImport } from "./run-import.ts";

let t: TestApp;
let shopId: string;

before(async () => {
  t = await startTestApp();
  shopId = (await t.api("POST", "/api/shops", { channel: "csv", name: "futureshop店" })).body.id;
});
after(() => t.close());

const fixture = (name: string) =>
  readFile(new URL(`../../../test/fixtures/csv-orders/${name}`, import.meta.url));

async function upload(body: BodyInit, profileId: string, shop = shopId) {
  const res = await fetch(
    `${t.url}/api/csv-imports?shopId=${shop}&profileId=${profileId}&fileName=orders.csv`,
    {
      method: "POST",
      headers: { authorization: `Bearer ${t.owner.apiToken}`, "content-type": "text/csv" },
      body,
      ...({ duplex: "half" } as object),
    },
  );
  // biome-ignore lint/suspicious/noExplicitAny: the test reads what the API answered.
  return { status: res.status, body: (await res.json()) as any };
}

/**
 * A GET after a long in-process run: the server may have closed the idle keep-alive socket while the
 * event loop was busy, and fetch reuses it once before it notices (ECONNRESET). A GET is safe to repeat.
 */
async function get(path: string) {
  try {
    return await t.api("GET", path);
  } catch {
    return t.api("GET", path);
  }
}

async function countOrders(shop = shopId): Promise<number> {
  const r = await t.database.db.execute(sql`select count(*)::int as n from orders where shop_id = ${shop}`);
  return (r as unknown as { rows: { n: number }[] }).rows[0]?.n ?? -1;
}

/** The Juchu template's example line with its order number and item changed: n lines per order. */
function templateFile(orders: number, linesPerOrder: number, remarks = ""): string {
  const [header, example = ""] = juchuTemplateCsv().replace("\uFEFF", "").split("\r\n");
  const lines = [header];
  for (let o = 1; o <= orders; o++)
    for (let l = 1; l <= linesPerOrder; l++)
      lines.push(
        example
          .replace(/^1001/, `T-${o}`)
          .replace("ITEM-001", `ITEM-${l}`)
          .replace(/,,ITEM/, `,${remarks},ITEM`),
      );
  return `${lines.join("\r\n")}\r\n`;
}

test("a futureshop export (Shift_JIS) registers its orders once: the same file again changes nothing", async () => {
  const bytes = await fixture("futureshop.sjis.csv");
  const first = await upload(bytes, "futureshop");
  assert.equal(first.status, 202, JSON.stringify(first.body));
  assert.equal(first.body.status, "queued");
  assert.equal(first.body.totalBytes, bytes.length);
  assert.equal(await t.runDueJobs("csv-import"), 1);
  const run = (await get(`/api/csv-imports/${first.body.id}`)).body;
  assert.deepEqual(
    [run.status, run.encoding, run.rowsRead, run.created, run.unchanged, run.failed, run.bytesRead],
    ["succeeded", "shift_jis", 3, 2, 0, 0, bytes.length],
  );
  const list = (await t.api("GET", `/api/orders?shopId=${shopId}`)).body;
  assert.deepEqual(list.items.map((o: { mallOrderNumber: string }) => o.mallOrderNumber).sort(), [
    "FS-0001",
    "FS-0002",
  ]);
  const order = (
    await t.api(
      "GET",
      `/api/orders/${list.items.find((o: { mallOrderNumber: string }) => o.mallOrderNumber === "FS-0001").id}`,
    )
  ).body;
  assert.equal(order.source, "csv");
  assert.equal(order.total, 3600);
  assert.equal(order.shipTo.address2, "皇居前ビル3F");

  const again = await upload(bytes, "futureshop");
  await t.runDueJobs("csv-import");
  const second = (await get(`/api/csv-imports/${again.body.id}`)).body;
  assert.deepEqual([second.created, second.unchanged, second.failed], [0, 2, 0]);
  assert.equal(await countOrders(), 2);
  const rows = (await t.api("GET", `/api/csv-imports/${again.body.id}/rows`)).body;
  assert.deepEqual(
    rows.items.map((r: { line: number; outcome: string; orderId: string }) => [
      r.line,
      r.outcome,
      r.orderId === order.id,
    ]),
    [
      [2, "unchanged", true],
      [3, "unchanged", true],
      [4, "unchanged", false],
    ],
  );
});

test("bad lines are reported with line, field and rule, and never block the good orders", async () => {
  const res = await upload(await fixture("bad-rows.csv"), "juchu");
  await t.runDueJobs("csv-import");
  const run = (await get(`/api/csv-imports/${res.body.id}`)).body;
  assert.deepEqual([run.created, run.failed, run.failedRows], [1, 2, 3]);
  const failed = (await t.api("GET", `/api/csv-imports/${res.body.id}/rows?outcome=failed`)).body;
  assert.deepEqual(failed.items[0], {
    line: 2,
    orderNumber: "B-1",
    outcome: "failed",
    orderId: null,
    field: "shipToPostalCode",
    fieldLabel: "送付先郵便番号",
    rule: "postal_code_7_digits",
    message: "2行目: 送付先郵便番号: 郵便番号が7桁ではありません",
  });
  const report = await fetch(`${t.url}/api/csv-imports/${res.body.id}/report.csv`, {
    headers: { authorization: `Bearer ${t.owner.apiToken}` },
  });
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await report.arrayBuffer());
  assert.match(report.headers.get("content-type") ?? "", /text\/csv/);
  assert.equal(text.split("\r\n")[0], "\uFEFF行,注文番号,結果,項目,ルール,内容");
  assert.match(
    text,
    /\r\n2,B-1,エラー,送付先郵便番号,postal_code_7_digits,2行目: 送付先郵便番号: 郵便番号が7桁ではありません\r\n/,
  );
  assert.match(text, /\r\n5,B-3,登録,,,\r\n/);
});

test("a cancelled number is skipped with its rule; a file the profile cannot read fails the run by name", async () => {
  const file = templateFile(1, 1).replace(/T-1/, "C-1");
  await upload(file, "juchu");
  await t.runDueJobs("csv-import");
  const list = (await t.api("GET", `/api/orders?shopId=${shopId}&q=C-1`)).body;
  await t.api("POST", `/api/orders/${list.items[0].id}/cancel`, {});
  const again = await upload(file, "juchu");
  await t.runDueJobs("csv-import");
  const rows = (await t.api("GET", `/api/csv-imports/${again.body.id}/rows`)).body;
  assert.deepEqual([rows.items[0].outcome, rows.items[0].rule], ["skipped", "cancelled_number_stays_taken"]);

  const wrong = await upload(file, "futureshop");
  await t.runDueJobs("csv-import");
  const run = (await get(`/api/csv-imports/${wrong.body.id}`)).body;
  assert.equal(run.status, "failed");
  assert.match(run.error, /取込設定「futureshop 受注データ」の列がファイルにありません: 受注コード/);
});

test("a run killed after registering a batch, before its report, resumes without doubling an order", async () => {
  const shop = (await t.api("POST", "/api/shops", { channel: "csv", name: "再開テスト" })).body.id;
  const res = await upload(templateFile(50, 2), "juchu", shop);
  await assert.rejects(
    runCsvImport(t.ctx, res.body.id, {
      batchSize: 20,
      afterRegistered: (n) => {
        if (n === 2) throw new Error("killed");
      },
    }),
    /killed/,
  );
  const mid = (await get(`/api/csv-imports/${res.body.id}`)).body;
  assert.deepEqual([mid.status, mid.created, mid.rowsRead], ["running", 20, 40]);
  assert.equal(await countOrders(shop), 40, "the second batch was registered before the kill");

  await runCsvImport(t.ctx, res.body.id, { batchSize: 20 });
  const done = (await get(`/api/csv-imports/${res.body.id}`)).body;
  assert.equal(done.status, "succeeded");
  assert.equal(await countOrders(shop), 50);
  assert.equal(done.created + done.unchanged, 50);
  assert.equal(done.rowsRead, 100);
  const dup = await t.database.db.execute(
    sql`select mall_order_number from orders where shop_id = ${shop} group by 1 having count(*) > 1`,
  );
  assert.equal((dup as unknown as { rows: unknown[] }).rows.length, 0);
  const rows = (await t.api("GET", `/api/csv-imports/${res.body.id}/rows?limit=500`)).body;
  assert.equal(rows.total, 100, "one report row per line, the resumed batch's once");
});

test("5,000 lines stream over HTTP past the 1 MB body limit, stored while the client is still sending", async () => {
  const shop = (await t.api("POST", "/api/shops", { channel: "csv", name: "大量テスト" })).body.id;
  const bytes = new TextEncoder().encode(templateFile(500, 10, "のし不要・".repeat(20)));
  assert.ok(bytes.length > 2 * 1024 * 1024, `${bytes.length} bytes`);
  const half = 1024 * 1024 + 4096;
  let release: () => void = () => {};
  const stored = new Promise<void>((resolve) => {
    release = resolve;
  });
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(bytes.subarray(0, half));
      // The rest is sent only once the server has written the first megabyte to the database.
      for (let i = 0; i < 200; i++) {
        const r = await t.database.db.execute(sql`select count(*)::int as n from csv_import_chunks`);
        if (((r as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0) > 0) break;
        await new Promise((w) => setTimeout(w, 25));
      }
      release();
      controller.enqueue(bytes.subarray(half));
      controller.close();
    },
  });
  const res = await upload(body, "juchu", shop);
  await stored;
  assert.equal(res.status, 202, JSON.stringify(res.body));
  assert.equal(res.body.totalBytes, bytes.length);
  const started = performance.now();
  await t.runDueJobs("csv-import");
  const seconds = (performance.now() - started) / 1000;
  const run = (await get(`/api/csv-imports/${res.body.id}`)).body;
  assert.deepEqual([run.status, run.rowsRead, run.created, run.failed], ["succeeded", 5000, 500, 0]);
  console.log(
    `csv import: 5000 rows / 500 orders in ${seconds.toFixed(1)} s = ${(5000 / seconds).toFixed(0)} rows/s`,
  );
});
