import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { sql } from "drizzle-orm";
import iconv from "iconv-lite";
import { EXPORT_PAGE_SIZE } from "#server/app/orders/run-order-export.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { newOrder, orderBody } from "#test/catalog-api.ts";

let t: TestApp;
let shop: string;

before(async () => {
  t = await startTestApp();
  shop = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  const order = (n: string, buyer: string, remarks?: string) => {
    t.clock.advance(60_000);
    return newOrder(
      t,
      orderBody(shop, n, [{ mallItemCode: "x", quantity: 1 }], {
        buyer: { name: buyer, email: "x@example.com" },
        ...(remarks ? { remarks } : {}),
      }),
    );
  };
  await order("E-1", "髙橋 一郎", "のし: 御礼, 「赤」");
  await order("E-2", "鈴木 花子");
  await order("E-3", "髙橋 次郎");
});
after(() => t.close());

/**
 * Embedded PGlite runs in this thread: a long statement blocks the event loop past the server's
 * keep-alive timeout, and a request sent at once could reuse the socket the server is closing
 * (ECONNRESET). A moment lets the server's timer close it first, so the next request opens a new one.
 */
const idleSocketsClosed = () => delay(50);

async function exportAndDownload(body: Record<string, unknown>, token?: string) {
  t.clock.advance(1_000);
  const started = await t.api("POST", "/api/order-exports", body, token);
  assert.equal(started.status, 202, JSON.stringify(started.body));
  assert.equal(started.body.status, "queued");
  await t.runDueJobs("order-export");
  await idleSocketsClosed();
  const done = await t.api("GET", `/api/order-exports/${started.body.id}`, undefined, token);
  assert.equal(done.body.status, "succeeded");
  const file = await fetch(`${t.url}${done.body.downloadPath}`, {
    headers: { authorization: `Bearer ${token ?? t.owner.apiToken}` },
  });
  assert.equal(file.status, 200);
  const bytes = Buffer.from(await file.arrayBuffer());
  assert.equal(bytes.length, done.body.bytes);
  return { export: done.body, bytes, contentType: file.headers.get("content-type") };
}

test("Shift_JIS export of a filter: chosen columns in their order, CP932 names, quoted remarks", async () => {
  const {
    export: e,
    bytes,
    contentType,
  } = await exportAndDownload({
    filter: { q: "髙橋", sort: "orderedAt" },
    columns: ["orderNumber", "buyerName", "remarks", "status"],
    encoding: "shift_jis",
  });
  assert.match(contentType ?? "", /Shift_JIS/);
  assert.deepEqual([e.total, e.rowsWritten], [2, 2]);
  const text = iconv.decode(bytes, "cp932");
  assert.equal(
    text,
    "注文番号,購入者名,備考,ステータス\r\n" +
      'E-1,髙橋 一郎,"のし: 御礼, 「赤」",確認待\r\n' +
      "E-3,髙橋 次郎,,確認待\r\n",
  );
});

test("UTF-8 with a BOM for Excel; without one on request; another account's orders never appear", async () => {
  const withBom = await exportAndDownload({
    filter: {},
    columns: ["orderNumber"],
    encoding: "utf8",
    bom: true,
  });
  assert.deepEqual([...withBom.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  assert.equal(withBom.bytes.subarray(3).toString("utf8"), "注文番号\r\nE-3\r\nE-2\r\nE-1\r\n");
  const other = await t.newAccount();
  const plain = await exportAndDownload(
    { filter: {}, columns: ["orderNumber"], encoding: "utf8" },
    other.apiToken,
  );
  assert.equal(plain.bytes.toString("utf8"), "注文番号\r\n");
  const missing = await t.api("GET", `/api/order-exports/${withBom.export.id}`, undefined, other.apiToken);
  assert.equal(missing.status, 404);
});

test("bad columns, encodings and filters are refused as problem+json naming the field", async () => {
  const bad = await t.api("POST", "/api/order-exports", {
    filter: { plannedShipFrom: "tomorrow" },
    columns: ["orderNumber", "password"],
    encoding: "euc-jp",
  });
  assert.equal(bad.status, 422);
  const paths = bad.body.errors.map((e: { path: string }) => e.path).sort();
  assert.deepEqual(paths, ["columns.1", "encoding", "filter.plannedShipFrom"]);
  assert.match(
    bad.body.errors.find((e: { path: string }) => e.path === "encoding").message,
    /shift_jis, utf8/,
  );
  const none = await t.api("POST", "/api/order-exports", { filter: {}, columns: [], encoding: "utf8" });
  assert.equal(none.body.errors[0].message, "出力する列を1つ以上選んでください");
  const recent = await t.api("GET", "/api/order-exports");
  assert.ok(recent.body.columns.some((c: { key: string; label: string }) => c.label === "出荷予定日"));
  assert.deepEqual(recent.body.items[0].columns, ["orderNumber"], "the last choice comes first");
});

test("a big export is written in keyset pages with its progress, every order exactly once", async () => {
  const account = await t.newAccount();
  const bigShop = (await t.api("POST", "/api/shops", { channel: "manual", name: "大口" }, account.apiToken))
    .body;
  const n = EXPORT_PAGE_SIZE * 2 + 345;
  await t.database.db.execute(
    sql`insert into orders (id, account_id, shop_id, mall_order_number, source, status, ordered_at, grace_until,
          buyer_name, buyer_email, ship_to, payment_method, subtotal, search_text)
        select gen_random_uuid(), ${account.accountId}, ${bigShop.id}, 'B-' || g, 'manual', 'completed',
          timestamptz '2030-01-01 00:00+09' + (g / 3) * interval '1 minute', now(), '購入者' || g, 'b@example.jp',
          '{"name":"購入者","postalCode":"100-0001","prefecture":"東京都","address1":"千代田区1","phone":"0312345678"}',
          'credit_card', 1000, 'b-' || g
        from generate_series(1, ${n}::int) g`,
  );
  await idleSocketsClosed();
  const started = await t.api(
    "POST",
    "/api/order-exports",
    { filter: {}, columns: ["orderNumber", "orderedAt"], encoding: "shift_jis" },
    account.apiToken,
  );
  assert.equal(started.body.total, n);
  await t.runDueJobs("order-export");
  await idleSocketsClosed();
  const done = (await t.api("GET", `/api/order-exports/${started.body.id}`, undefined, account.apiToken))
    .body;
  assert.deepEqual([done.status, done.rowsWritten, done.total], ["succeeded", n, n]);
  const pieces = (await t.database.db.execute(
    sql`select count(*)::int as n from order_export_chunks where export_id = ${done.id}`,
  )) as unknown as { rows: { n: number }[] };
  assert.equal(pieces.rows[0]?.n, 3, "one piece per page");
  const file = await fetch(`${t.url}${done.downloadPath}`, {
    headers: { authorization: `Bearer ${account.apiToken}` },
  });
  const lines = iconv
    .decode(Buffer.from(await file.arrayBuffer()), "cp932")
    .trimEnd()
    .split("\r\n");
  assert.equal(lines[0], "注文番号,注文日時");
  const numbers = lines.slice(1).map((l) => l.split(",")[0]);
  assert.equal(new Set(numbers).size, n);
  // Newest first, as the list: equal times (three orders a minute) are kept apart by id, never lost.
  assert.equal(
    lines[1]?.split(",")[1],
    `2030/01/01 ${String(Math.floor(n / 3 / 60)).padStart(2, "0")}:${String(Math.floor(n / 3) % 60).padStart(2, "0")}:00`,
  );
});
