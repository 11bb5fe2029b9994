import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import { startTestApp, type TestApp } from "#test/app.ts";
import { orderBody } from "#test/catalog-api.ts";

let t: TestApp;
let shopId: string;

before(async () => {
  t = await startTestApp();
  shopId = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
});
after(() => t.close());

test("a failed query answers 500 problem+json and is logged without the buyer's name, phone or address", async (c) => {
  // A constraint the code does not expect stands in for any bug that makes an insert fail.
  await t.database.db.execute(
    sql.raw(`alter table orders add constraint unexpected_check check (buyer_name <> '山田 太郎')`),
  );
  const logged: string[] = [];
  c.mock.method(console, "error", (...args: unknown[]) => {
    logged.push(
      args.map((a) => (a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : String(a))).join(" "),
    );
  });
  const res = await t.api(
    "POST",
    "/api/orders",
    orderBody(shopId, "PII-1", [{ mallItemCode: "x", quantity: 1 }], {
      buyer: { name: "山田 太郎", email: "taro.yamada@example.jp", phone: "090-1111-2222" },
      shipTo: {
        name: "山田 太郎",
        postalCode: "100-0001",
        prefecture: "東京都",
        address1: "千代田区千代田9-9-9",
        phone: "03-3333-4444",
      },
    }),
  );
  c.mock.restoreAll();
  await t.database.db.execute(sql.raw("alter table orders drop constraint unexpected_check"));

  assert.equal(res.status, 500);
  assert.match(res.contentType, /^application\/problem\+json/);
  assert.equal(res.body.code, "internal");
  const log = logged.join("\n");
  assert.match(log, /insert into "orders"/, "the failed query's text is logged");
  assert.match(log, /23514/, "the database's code is logged");
  for (const secret of ["山田", "taro.yamada", "090-1111-2222", "千代田9-9-9", "03-3333-4444", "PII-1"]) {
    assert.ok(!log.includes(secret), `${secret} in the log:\n${log}`);
  }
});

test("API answers are never cached nor sniffed, errors included; the HTML page keeps its own headers", async () => {
  for (const [path, status] of [
    ["/api/orders", 200],
    ["/api/orders/00000000-0000-4000-8000-000000000000", 404],
    ["/api/nothing-here", 404],
  ] as const) {
    const res = await fetch(t.url + path, { headers: { authorization: `Bearer ${t.owner.apiToken}` } });
    assert.equal(res.status, status);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff", path);
    assert.equal(res.headers.get("cache-control"), "no-store", path);
  }
  const unauthenticated = await fetch(`${t.url}/api/orders`);
  assert.equal(unauthenticated.headers.get("cache-control"), "no-store");
  const page = await fetch(`${t.url}/orders`);
  assert.notEqual(page.headers.get("cache-control"), "no-store");
});
