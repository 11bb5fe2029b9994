import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { sql } from "drizzle-orm";
import { linkUnlinkedOrders, refreshStaleRanks } from "#server/app/customers/refresh-ranks.ts";
import { registerOrders } from "#server/app/orders/register-order.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { seedMappedProduct } from "#test/catalog.ts";
import { orderBody } from "#test/catalog-api.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

/** A fresh account per test: ranks, tags and customers are each account's own. */
async function merchant() {
  const account = await t.newAccount();
  const api = (m: string, p: string, b?: unknown) => t.api(m, p, b, account.apiToken);
  const shop = (await api("POST", "/api/shops", { channel: "manual", name: "テスト店" })).body.id;
  await seedMappedProduct(t, {
    accountId: account.accountId,
    shopId: shop,
    mallItemCode: "ITEM-1",
    sku: "SKU-1",
    onHand: 1000,
  });
  let n = 0;
  const order = async (
    buyer: { name: string; email: string; phone?: string },
    unitPrice = 1000,
    postalCode = "530-0001",
  ) => {
    t.clock.advance(60_000);
    const body = orderBody(shop, `C-${++n}`, [{ mallItemCode: "ITEM-1", quantity: 1, unitPrice }], {
      buyer,
      paid: true,
    });
    const res = await api("POST", "/api/orders", { ...body, shipTo: { ...body.shipTo, postalCode } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return (await api("GET", `/api/orders/${res.body.id}`)).body;
  };
  return { ...account, api, shop, order };
}

const GOLD = { name: "ゴールド", priority: 1, minOrderCount: 3, minAmount: 3000, periodDays: 365 };
const SILVER = { name: "シルバー", priority: 2, minOrderCount: 2, periodDays: 365 };

test("a buyer with enough past orders: the order gets the rank, the rank's tag, and {{顧客ランク}} renders", async () => {
  const m = await merchant();
  for (const rank of [GOLD, SILVER])
    assert.equal((await m.api("POST", "/api/customer-ranks", rank)).status, 201);
  const tag = await m.api("POST", "/api/tags", {
    name: "上得意",
    rule: { match: "all", conditions: [{ field: "customerRank", op: "in", values: ["ゴールド"] }] },
  });
  assert.equal(tag.status, 201, JSON.stringify(tag.body));

  const first = await m.order({ name: "山田 太郎", email: "taro@example.jp", phone: "090-1234-5678" });
  // The same person typed otherwise: the e-mail in capitals, the name with a full-width space.
  const second = await m.order({ name: "山田　太郎", email: "Taro@Example.JP" });
  // Another address, the same phone in full-width digits and +81.
  const third = await m.order({ name: "山田 太郎", email: "yamada@work.example", phone: "+81 90-1234-5678" });
  const stranger = await m.order({ name: "佐藤 花子", email: "hanako@example.com" }, 1000, "100-0001");

  assert.deepEqual(
    [first, second, third].map((o) => o.customerRank),
    [null, "シルバー", "ゴールド"],
    "the rank at ordering counts the order itself and the ones before it",
  );
  assert.equal(new Set([first, second, third].map((o) => o.customerId)).size, 1, "one customer");
  assert.notEqual(stranger.customerId, first.customerId);
  const tagNames = (o: { tags: { name: string }[] }) => o.tags.map((x) => x.name);
  assert.ok(tagNames(third).includes("上得意"), JSON.stringify(third.tags));
  assert.ok(!tagNames(second).includes("上得意"));

  const preview = await m.api("POST", "/api/mail-templates/preview", {
    subject: "{{購入者名}}様",
    body: "いつもありがとうございます。{{顧客ランク}}会員さま",
    orderId: third.id,
  });
  assert.equal(preview.status, 200, JSON.stringify(preview.body));
  assert.equal(preview.body.body, "いつもありがとうございます。ゴールド会員さま");

  const dryRun = await m.api("POST", "/api/tags/dry-run", {
    rule: { match: "all", conditions: [{ field: "customerRank", op: "in", values: ["シルバー"] }] },
  });
  assert.equal(dryRun.status, 200, JSON.stringify(dryRun.body));
  assert.deepEqual(
    dryRun.body.orders.map((o: { id: string }) => o.id),
    [second.id],
    "the dry run sees the rank each order was placed at",
  );

  const list = await m.api("GET", "/api/customers");
  assert.equal(list.status, 200);
  const yamada = list.body.items.find((c: { id: string }) => c.id === first.customerId);
  assert.deepEqual(
    { name: yamada.name, rank: yamada.rank, orderCount: yamada.orderCount, amount: yamada.amount },
    { name: "山田 太郎", rank: "ゴールド", orderCount: 3, amount: 3000 },
  );
  const found = async (query: string) =>
    (await m.api("GET", `/api/customers?${query}`)).body.items.map((c: { name: string }) => c.name);
  assert.deepEqual(await found(`q=${encodeURIComponent("山田太郎")}`), ["山田 太郎"]);
  assert.deepEqual(await found("q=09012345678"), ["山田 太郎"]);
  assert.deepEqual(await found("q=hanako"), ["佐藤 花子"]);
  assert.deepEqual(await found(`rank=${encodeURIComponent("ゴールド")}`), ["山田 太郎"]);
  assert.deepEqual(await found("rank="), ["佐藤 花子"], "an empty rank asks for customers without one");
  const paged = await m.api("GET", "/api/customers?limit=1");
  assert.equal(paged.body.items.length, 1);
  const next = await m.api("GET", `/api/customers?limit=1&cursor=${paged.body.nextCursor}`);
  assert.notEqual(next.body.items[0].id, paged.body.items[0].id, "the next page goes on");

  const detail = await m.api("GET", `/api/customers/${first.customerId}`);
  assert.equal(detail.status, 200);
  assert.deepEqual(
    detail.body.orders.map((o: { id: string; customerRank: string | null }) => [o.id, o.customerRank]),
    [
      [third.id, "ゴールド"],
      [second.id, "シルバー"],
      [first.id, null],
    ],
  );

  // A cancelled order no longer counts: the customer drops to シルバー, the order keeps its rank at ordering.
  assert.equal((await m.api("POST", `/api/orders/${third.id}/cancel`, {})).status, 200);
  assert.equal((await m.api("GET", `/api/customers/${first.customerId}`)).body.rank, "シルバー");
  assert.equal((await m.api("GET", `/api/orders/${third.id}`)).body.customerRank, "ゴールド");

  // Another account sees neither the customer nor the ranks.
  const other = await merchant();
  assert.equal((await other.api("GET", `/api/customers/${first.customerId}`)).status, 404);
  assert.deepEqual((await other.api("GET", "/api/customer-ranks")).body.items, []);
});

test("rank rules: refusals name the field and the rule; changes reach customers through the sweep", async () => {
  const m = await merchant();
  const none = await m.api("POST", "/api/customer-ranks", { name: "ゴールド", priority: 1, periodDays: 365 });
  assert.equal(none.status, 422);
  assert.deepEqual(none.body.errors, [
    { path: "minOrderCount", message: "購入回数か購入金額の少なくとも一方を指定してください" },
  ]);
  const gold = await m.api("POST", "/api/customer-ranks", { ...GOLD, minOrderCount: 1, minAmount: null });
  assert.equal(gold.status, 201);
  assert.equal(gold.body.description, "過去365日に1回以上");
  const twice = await m.api("POST", "/api/customer-ranks", { ...SILVER, name: "ゴールド" });
  assert.equal(twice.status, 422);
  assert.equal(twice.body.code, "customer_rank.name_taken");
  assert.equal(
    (await m.api("PUT", `/api/customer-ranks/${gold.body.id}`, { ...GOLD, periodDays: 0 })).status,
    422,
  );
  const emptyRank = await m.api("POST", "/api/tags", {
    name: "空",
    rule: { match: "all", conditions: [{ field: "customerRank", op: "in", values: [] }] },
  });
  assert.equal(emptyRank.status, 422);

  const o = await m.order({ name: "鈴木 一郎", email: "ichiro@example.jp" });
  assert.equal(o.customerRank, "ゴールド");
  // Two orders needed now: the customer's rank follows on the next sweep; the order keeps its own.
  const changed = await m.api("PUT", `/api/customer-ranks/${gold.body.id}`, {
    ...GOLD,
    minOrderCount: 2,
    minAmount: null,
  });
  assert.equal(changed.status, 200);
  assert.equal((await m.api("GET", `/api/customers/${o.customerId}`)).body.rank, "ゴールド");
  while ((await refreshStaleRanks(t.ctx)) > 0);
  assert.equal((await m.api("GET", `/api/customers/${o.customerId}`)).body.rank, null);
  assert.equal((await m.api("GET", `/api/orders/${o.id}`)).body.customerRank, "ゴールド");
  // Renamed: the tag rules naming it follow.
  const tag = await m.api("POST", "/api/tags", {
    name: "金",
    rule: { match: "all", conditions: [{ field: "customerRank", op: "in", values: ["ゴールド"] }] },
  });
  const renamed = await m.api("PUT", `/api/customer-ranks/${gold.body.id}`, { ...GOLD, name: "プラチナ" });
  assert.equal(renamed.status, 200);
  assert.deepEqual((await m.api("GET", `/api/tags/${tag.body.id}`)).body.rule.conditions[0].values, [
    "プラチナ",
  ]);
  assert.equal((await m.api("DELETE", `/api/customer-ranks/${gold.body.id}`)).status, 204);
  assert.equal((await m.api("DELETE", `/api/customer-ranks/${gold.body.id}`)).status, 404);
});

test("a rank's period runs out: the daily sweep takes the rank away a year on", async () => {
  const m = await merchant();
  await m.api("POST", "/api/customer-ranks", { ...SILVER, minOrderCount: 1, periodDays: 30 });
  const o = await m.order({ name: "高橋 次郎", email: "jiro@example.jp" });
  assert.equal((await m.api("GET", `/api/customers/${o.customerId}`)).body.rank, "シルバー");
  t.clock.advance(31 * 86_400_000);
  while ((await refreshStaleRanks(t.ctx)) > 0);
  assert.equal((await m.api("GET", `/api/customers/${o.customerId}`)).body.rank, null);
});

test("orders written before customers are linked oldest first, each with its rank at ordering", async () => {
  const m = await merchant();
  await m.api("POST", "/api/customer-ranks", SILVER);
  const placed = [];
  for (const email of ["a@example.jp", "b@example.jp", "A@example.jp"])
    placed.push(await m.order({ name: "伊藤 三郎", email }, 1000, "100-0002"));
  // As an installation from before customers has them: no customer, no rank.
  const ids = placed.map((o) => o.id);
  await t.database.db.execute(
    sql`update orders set customer_id = null, customer_rank = null where id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  while ((await linkUnlinkedOrders(t.ctx, 2)) > 0);
  const after = await Promise.all(ids.map(async (id) => (await m.api("GET", `/api/orders/${id}`)).body));
  assert.equal(new Set(after.map((o) => o.customerId)).size, 1, "name + postal code joins the other e-mail");
  assert.deepEqual(
    after.map((o) => o.customerRank),
    [null, "シルバー", "シルバー"],
  );
  assert.equal((await m.api("GET", `/api/customers/${after[0].customerId}`)).body.orderCount, 3);
});

test("one batch of one buyer's orders at one instant: each counts those before it, as if registered one by one", async () => {
  const m = await merchant();
  await m.api("POST", "/api/customer-ranks", GOLD);
  await m.api("POST", "/api/customer-ranks", SILVER);
  const bodies = [1, 2, 3].map((n) =>
    orderBody(m.shop, `BATCH-${n}`, [{ mallItemCode: "ITEM-1", quantity: 1, unitPrice: 1000 }], {
      buyer: { name: "松本 四郎", email: "shiro@example.jp" },
    }),
  );
  const outcomes = await registerOrders(t.ctx, { kind: "system" }, m.accountId, bodies);
  const ranks = [];
  for (const o of outcomes) {
    assert.ok("orderId" in o);
    ranks.push((await m.api("GET", `/api/orders/${o.orderId}`)).body.customerRank);
  }
  assert.deepEqual(ranks, [null, "シルバー", "ゴールド"]);
});
