import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import { runShopImport } from "#server/app/channels/import-shop.ts";
import type { TestApp } from "#test/app.ts";
import { newOrder, orderBody } from "#test/catalog-api.ts";
import { connectRakutenShop, type SandboxControl, startRakutenTestApp } from "#test/rakuten.ts";
import { reindexOrderSearch } from "./reindex-search.ts";

let app: TestApp;
let mall: SandboxControl;
let close: () => Promise<void>;
let mallOrderId: string;
let manualId: string;

before(async () => {
  ({ app, mall, close } = await startRakutenTestApp());
  const shopId = (await app.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  manualId = (
    await newOrder(
      app,
      orderBody(shopId, "TEL-1", [{ mallItemCode: "mug", quantity: 1 }], {
        buyer: { name: "𠮷田 一郎", email: "y@example.jp", phone: "090-1111-2222" },
      }),
    )
  ).id;
  const rakuten = await connectRakutenShop(app, mall);
  await mall.placeOrder(rakuten.mallShopId, {
    buyer: { familyName: "渡辺", firstName: "結衣", familyNameKana: "ワタナベ", firstNameKana: "ユイ" },
  });
  await runShopImport(app.ctx, rakuten.shopId);
  mallOrderId = (await app.api("GET", `/api/orders?shopId=${rakuten.shopId}`)).body.items[0].id;
});
after(() => close());

const found = async (typed: string): Promise<string[]> =>
  (await app.api("GET", `/api/orders?q=${encodeURIComponent(typed)}`)).body.items.map(
    (o: { id: string }) => o.id,
  );
/** As an order stored before the search columns existed: nothing to find it by. */
const forget = () => app.database.db.execute(sql`update orders set search_text = '', search_keys = '{}'`);
/** What each order is found by: its search lines and keys, in no particular order. */
const columns = async () =>
  (
    (await app.database.db.execute(
      sql`select id, search_text, search_keys from orders order by id`,
    )) as unknown as { rows: { id: string; search_text: string; search_keys: string[] }[] }
  ).rows.map((r) => ({ id: r.id, lines: r.search_text.split("\n").sort(), keys: [...r.search_keys].sort() }));

test("reindex: old orders are found again — by name, phone and, read back from the mall, by カナ", async () => {
  await forget();
  assert.deepEqual(await found("ワタナベ"), []);
  assert.deepEqual(await found("𠮷田"), []);
  const batches: number[] = [];
  const report = await reindexOrderSearch(app.ctx, (n) => batches.push(n));
  assert.deepEqual(report, { orders: 2, kanaRead: 1, kanaUnread: 0 });
  assert.deepEqual(batches, [2]);
  for (const typed of ["ワタナベ", "わたなべゆい", "ﾜﾀﾅﾍﾞ", "渡辺結衣"])
    assert.deepEqual(await found(typed), [mallOrderId], typed);
  for (const typed of ["𠮷田", "𠮷田一郎", "09011112222"])
    assert.deepEqual(await found(typed), [manualId], typed);

  const once = await columns();
  await reindexOrderSearch(app.ctx);
  assert.deepEqual(await columns(), once, "a rerun changes nothing");
});

test("reindex with the mall down: the order keeps the カナ its columns hold, the others are done", async () => {
  const before = await columns();
  await mall.fault({ path: "/es/2.0/order/getOrder/", kind: "status503", times: 20 });
  const report = await reindexOrderSearch(app.ctx);
  assert.deepEqual(report, { orders: 2, kanaRead: 0, kanaUnread: 1 });
  assert.deepEqual(await columns(), before);
  assert.deepEqual(await found("ワタナベ"), [mallOrderId]);
});
