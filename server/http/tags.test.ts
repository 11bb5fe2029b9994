import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { SYSTEM_TAGS } from "#server/domain/system-tags.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { seedMappedProduct } from "#test/catalog.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

type Api = TestApp["api"];
type Merchant = {
  accountId: string;
  api: (m: string, p: string, b?: unknown) => ReturnType<Api>;
  shop: string;
};

/**
 * A fresh account per test: every custom tag's rule runs on every order of its account, so tags one
 * test makes must not tag another test's orders. "ITEM-1" is mapped to SKU-1 with plenty of stock.
 */
async function merchant(channel: "manual" | "rakuten" = "manual"): Promise<Merchant> {
  const account = await t.newAccount();
  const api = (m: string, p: string, b?: unknown) => t.api(m, p, b, account.apiToken);
  const shop = (await api("POST", "/api/shops", { channel, name: "テスト店" })).body.id;
  await seedMappedProduct(t, {
    accountId: account.accountId,
    shopId: shop,
    mallItemCode: "ITEM-1",
    sku: "SKU-1",
    onHand: 1000,
  });
  return { accountId: account.accountId, api, shop };
}

type OrderOptions = {
  remarks?: string;
  buyer?: string;
  email?: string;
  shipToName?: string;
  prefecture?: string;
  paymentMethod?: string;
  unitPrice?: number;
  item?: string;
};

/** A postal code of each prefecture the tests use: one that disagrees gets 住所エラー. */
const POSTAL_CODES: Record<string, string> = {
  東京都: "100-0001",
  大阪府: "530-0001",
  北海道: "060-0001",
};

async function newOrder(m: Merchant, number: string, o: OrderOptions = {}) {
  // Each order a minute after the last, so "newest first" and buyer counts are unambiguous.
  t.clock.advance(60_000);
  const buyer = o.buyer ?? "山田 太郎";
  const res = await m.api("POST", "/api/orders", {
    shopId: m.shop,
    mallOrderNumber: number,
    buyer: { name: buyer, email: o.email ?? "taro@example.com", phone: "03-1234-5678" },
    shipTo: {
      name: o.shipToName ?? buyer,
      postalCode: POSTAL_CODES[o.prefecture ?? "東京都"],
      prefecture: o.prefecture ?? "東京都",
      address1: "千代田区千代田1-1",
      phone: "03-1234-5678",
    },
    paymentMethod: o.paymentMethod ?? "credit_card",
    items: [
      { mallItemCode: o.item ?? "ITEM-1", name: "定番商品", unitPrice: o.unitPrice ?? 1000, quantity: 1 },
    ],
    shippingFee: 500,
    ...(o.remarks !== undefined ? { remarks: o.remarks } : {}),
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

async function newTag(m: Merchant, body: Record<string, unknown>) {
  t.clock.advance(1000);
  const res = await m.api("POST", "/api/tags", body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

const tagNames = (order: { tags: { name: string }[] }) => order.tags.map((x) => x.name).sort();
const eventTypes = (order: { events: { type: string }[] }) => order.events.map((e) => e.type);
const MOVED_ON = ["confirmed", "awaiting_shipment"];

const remarksHold = {
  name: "備考確認",
  color: "#F0AD4E",
  hold: true,
  rule: { match: "all", conditions: [{ field: "remarks", op: "not_empty" }] },
};

test("custom tags: create, list beside the system tags, read, change and delete", async () => {
  const m = await merchant();
  const created = await newTag(m, remarksHold);
  assert.equal(created.kind, "custom");
  assert.equal(created.systemCode, null);
  assert.equal(created.color, "#f0ad4e");
  assert.equal(created.hold, true);
  assert.deepEqual(created.rule, remarksHold.rule);
  assert.equal(created.ruleDescription, "備考あり");
  assert.match(created.createdAt, /\+09:00$/);

  const plain = await newTag(m, { name: "ギフト" });
  assert.equal(plain.hold, false);
  assert.equal(plain.rule, null);
  assert.equal(plain.ruleDescription, null);
  assert.match(plain.color, /^#[0-9a-f]{6}$/);

  const list = await m.api("GET", "/api/tags");
  assert.equal(list.status, 200);
  const system = list.body.items.filter((x: { kind: string }) => x.kind === "system");
  assert.equal(system.length, Object.keys(SYSTEM_TAGS).length);
  assert.ok(
    system.some((x: { systemCode: string; hold: boolean }) => x.systemCode === "unmapped_item" && x.hold),
  );
  assert.deepEqual(
    list.body.items.filter((x: { kind: string }) => x.kind === "custom").map((x: { name: string }) => x.name),
    ["備考確認", "ギフト"],
  );

  const patched = await m.api("PATCH", `/api/tags/${created.id}`, {
    name: "大口注文",
    color: "#123abc",
    rule: {
      match: "any",
      conditions: [
        { field: "total", op: "gte", value: 30000 },
        { field: "prefecture", op: "in", values: ["沖縄県", "北海道"] },
      ],
    },
  });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  assert.equal(patched.body.name, "大口注文");
  assert.equal(patched.body.hold, true, "what the patch leaves out stays");
  assert.equal(
    patched.body.ruleDescription,
    "合計金額が30,000円以上 または 都道府県が沖縄県・北海道のいずれか",
  );
  const cleared = await m.api("PATCH", `/api/tags/${created.id}`, { rule: null });
  assert.equal(cleared.body.rule, null);
  assert.equal(cleared.body.ruleDescription, null);
  assert.equal((await m.api("PATCH", `/api/tags/${created.id}`, {})).body.name, "大口注文");
  assert.equal((await m.api("GET", `/api/tags/${created.id}`)).body.name, "大口注文");

  const deleted = await m.api("DELETE", `/api/tags/${plain.id}`);
  assert.deepEqual(deleted.body, { id: plain.id, detachedOrders: 0, releasedOrders: 0 });
  assert.equal((await m.api("GET", `/api/tags/${plain.id}`)).status, 404);

  const doc = await m.api("GET", "/api/openapi.json");
  assert.ok(doc.body.paths["/api/tags"] && doc.body.paths["/api/tags/{id}/dry-run"]);
  assert.match(doc.body.paths["/api/tags/{id}"].patch.description, /付け直しません/);
});

test("refusals name their rule and the field at fault", async () => {
  const m = await merchant();
  const tag = await newTag(m, { name: "要確認" });
  const other = await newTag(m, { name: "その他" });

  for (const [method, path, body] of [
    ["POST", "/api/tags", { name: "要確認" }],
    ["POST", "/api/tags", { name: "未マッピング商品" }],
    ["PATCH", `/api/tags/${other.id}`, { name: " 要確認 " }],
  ] as const) {
    const res = await m.api(method, path, body);
    assert.equal(res.status, 409, `${method} ${path}`);
    assert.match(res.contentType, /application\/problem\+json/);
    assert.equal(res.body.code, "tag.name_taken");
    assert.deepEqual(
      res.body.errors.map((e: { path: string }) => e.path),
      ["name"],
    );
  }
  assert.equal(
    (await m.api("PATCH", `/api/tags/${tag.id}`, { name: "要確認" })).status,
    200,
    "its own name is no clash",
  );

  const system = (await m.api("GET", "/api/tags")).body.items.find(
    (x: { systemCode: string }) => x.systemCode === "withdrawn",
  );
  for (const [method, body] of [
    ["PATCH", { hold: false }],
    ["DELETE", undefined],
  ] as const) {
    const res = await m.api(method, `/api/tags/${system.id}`, body);
    assert.equal(res.status, 409);
    assert.equal(res.body.code, "tag.system_tag_readonly");
  }
  assert.equal((await m.api("GET", `/api/tags/${system.id}`)).body.hold, true);

  const invalid = await m.api("POST", "/api/tags", {
    name: "",
    color: "red",
    rule: {
      match: "all",
      conditions: [
        { field: "prefecture", op: "in", values: ["東京都", "東京"] },
        { field: "total", op: "gte", value: -1 },
        { field: "weight", op: "gte", value: 1 },
      ],
    },
  });
  assert.equal(invalid.status, 422);
  assert.equal(invalid.body.code, "validation.failed");
  const paths = invalid.body.errors.map((e: { path: string }) => e.path);
  for (const p of [
    "name",
    "color",
    "rule.conditions.0.values.1",
    "rule.conditions.1.value",
    "rule.conditions.2.field",
  ]) {
    assert.ok(paths.includes(p), `${p} in ${paths.join(", ")}`);
  }
  const message = invalid.body.errors.find(
    (e: { path: string }) => e.path === "rule.conditions.0.values.1",
  ).message;
  assert.match(message, /都道府県名が正しくありません: 東京/);

  const badPatch = await m.api("PATCH", `/api/tags/${tag.id}`, { rule: { match: "all", conditions: [] } });
  assert.equal(badPatch.status, 422);
  assert.deepEqual(
    badPatch.body.errors.map((e: { path: string }) => e.path),
    ["rule.conditions"],
  );
  assert.equal((await m.api("PATCH", "/api/tags/not-a-uuid", { hold: true })).status, 422);
  assert.equal((await m.api("DELETE", `/api/tags/${crypto.randomUUID()}`)).body.code, "tag.not_found");
});

test("another account's tag answers 404, never data", async () => {
  const mine = await merchant();
  const theirs = await merchant();
  const tag = await newTag(theirs, remarksHold);
  const order = await newOrder(mine, "ISO-1");
  for (const [method, path, body] of [
    ["GET", `/api/tags/${tag.id}`, undefined],
    ["PATCH", `/api/tags/${tag.id}`, { name: "乗っ取り" }],
    ["DELETE", `/api/tags/${tag.id}`, undefined],
    ["POST", `/api/tags/${tag.id}/dry-run`, {}],
    ["POST", `/api/orders/${order.id}/tags`, { tagId: tag.id }],
  ] as const) {
    const res = await mine.api(method, path, body);
    assert.equal(res.status, 404, `${method} ${path}`);
    assert.equal(res.body.code, "tag.not_found");
  }
  const list = (await mine.api("GET", "/api/tags")).body.items;
  assert.ok(!list.some((x: { id: string }) => x.id === tag.id));
  assert.equal((await theirs.api("GET", `/api/tags/${tag.id}`)).body.name, "備考確認");
});

test("when the grace period ends, a matching holding tag keeps the order in 確認待; a non-holding one lets it go on", async () => {
  const m = await merchant("rakuten");
  const hold = await newTag(m, remarksHold);
  await newTag(m, {
    name: "東京",
    rule: { match: "all", conditions: [{ field: "prefecture", op: "in", values: ["東京都"] }] },
  });
  const withRemarks = await newOrder(m, "R-1", { remarks: "のし希望" });
  const without = await newOrder(m, "R-2", { remarks: "　" });
  assert.equal(withRemarks.status, "new");
  assert.deepEqual(withRemarks.tags, [], "rules wait for the grace period");

  t.clock.advance(30 * 60_000);
  assert.equal(await t.runDueJobs("grace-period-over"), 1, "one sweep job for the shop");
  const held = (await m.api("GET", `/api/orders/${withRemarks.id}`)).body;
  assert.equal(held.status, "awaiting_confirmation");
  assert.deepEqual(tagNames(held), ["備考確認", "東京"]);
  const moved = (await m.api("GET", `/api/orders/${without.id}`)).body;
  assert.ok(MOVED_ON.includes(moved.status), moved.status);
  assert.deepEqual(tagNames(moved), ["東京"]);

  const released = await m.api("DELETE", `/api/orders/${withRemarks.id}/tags/${hold.id}`);
  assert.equal(released.status, 200);
  assert.ok(MOVED_ON.includes(released.body.status), released.body.status);
  assert.deepEqual(tagNames(released.body), ["東京"]);
});

test("a holding tag attached by hand pulls a 確認済 order back to 確認待", async () => {
  const m = await merchant();
  const hold = await newTag(m, { name: "電話確認", hold: true });
  // Bank transfer not yet paid: the order waits in 確認済.
  const order = await newOrder(m, "M-1", { paymentMethod: "bank_transfer" });
  assert.equal(order.status, "confirmed");
  const res = await m.api("POST", `/api/orders/${order.id}/tags`, { tagId: hold.id });
  assert.equal(res.status, 200);
  assert.equal(res.body.status, "awaiting_confirmation");
  const back = await m.api("DELETE", `/api/orders/${order.id}/tags/${hold.id}`);
  assert.equal(back.body.status, "confirmed");
});

test("deleting a holding tag detaches it everywhere and releases the orders it alone held", async () => {
  const m = await merchant();
  const hold = await newTag(m, remarksHold);
  const second = await newTag(m, {
    name: "代引確認",
    hold: true,
    rule: { match: "all", conditions: [{ field: "paymentMethod", op: "in", values: ["cash_on_delivery"] }] },
  });
  const alone = await newOrder(m, "D-1", { remarks: "日曜不可" });
  const both = await newOrder(m, "D-2", { remarks: "日曜不可", paymentMethod: "cash_on_delivery" });
  const moving = await newOrder(m, "D-3");
  const attached = await m.api("POST", `/api/orders/${moving.id}/tags`, { tagId: second.id });
  assert.equal(attached.body.status, "awaiting_confirmation", "pulled back from 出荷待ち");
  assert.equal(alone.status, "awaiting_confirmation");
  assert.deepEqual(tagNames(both), ["代引確認", "備考確認"]);

  const res = await m.api("DELETE", `/api/tags/${hold.id}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.deepEqual(res.body, { id: hold.id, detachedOrders: 2, releasedOrders: 1 });

  const freed = (await m.api("GET", `/api/orders/${alone.id}`)).body;
  assert.ok(MOVED_ON.includes(freed.status), freed.status);
  assert.deepEqual(freed.tags, []);
  const note = freed.events.find((e: { type: string }) => e.type === "tag_removed");
  assert.match(note.message, /備考確認.*削除/);
  assert.ok(eventTypes(freed).lastIndexOf("status_changed") > eventTypes(freed).indexOf("tag_removed"));
  const still = (await m.api("GET", `/api/orders/${both.id}`)).body;
  assert.equal(still.status, "awaiting_confirmation", "the other holding tag still holds it");
  assert.deepEqual(tagNames(still), ["代引確認"]);
  assert.ok(eventTypes(still).includes("tag_removed"));
});

test("taking the hold off a tag releases the orders it alone held; the tag stays on them", async () => {
  const m = await merchant();
  const hold = await newTag(m, remarksHold);
  const order = await newOrder(m, "U-1", { remarks: "ギフト包装" });
  assert.equal(order.status, "awaiting_confirmation");
  const cancelled = await newOrder(m, "U-2", { remarks: "キャンセル予定" });
  await m.api("POST", `/api/orders/${cancelled.id}/cancel`, {});

  const res = await m.api("PATCH", `/api/tags/${hold.id}`, { hold: false });
  assert.equal(res.status, 200);
  assert.equal(res.body.hold, false);
  const freed = (await m.api("GET", `/api/orders/${order.id}`)).body;
  assert.ok(MOVED_ON.includes(freed.status), freed.status);
  assert.deepEqual(tagNames(freed), ["備考確認"]);
  assert.ok(eventTypes(freed).includes("tag_hold_released"));
  const untouched = (await m.api("GET", `/api/orders/${cancelled.id}`)).body;
  assert.equal(untouched.status, "cancelled");
  assert.ok(!eventTypes(untouched).includes("tag_hold_released"));

  const later = await newOrder(m, "U-3", { remarks: "ギフト包装" });
  assert.ok(MOVED_ON.includes(later.status), "the rule still tags, but no longer holds");
  assert.deepEqual(tagNames(later), ["備考確認"]);
});

test("a dry run counts what each kind of rule matches among the last orders, and agrees with the live rules", async () => {
  const m = await merchant();
  const rules = {
    total: { match: "all", conditions: [{ field: "total", op: "gte", value: 10000 }] },
    prefecture: {
      match: "all",
      conditions: [{ field: "prefecture", op: "in", values: ["大阪府", "北海道"] }],
    },
    payment: { match: "all", conditions: [{ field: "paymentMethod", op: "in", values: ["bank_transfer"] }] },
    sku: { match: "all", conditions: [{ field: "sku", op: "contains", value: "SKU-1" }] },
    repeat: { match: "all", conditions: [{ field: "buyerOrderCount", op: "gte", value: 2 }] },
    giftee: { match: "all", conditions: [{ field: "shipToDiffersFromBuyer", op: "is", value: true }] },
    any: {
      match: "any",
      conditions: [
        { field: "total", op: "gte", value: 10000 },
        { field: "remarks", op: "contains", value: "ｷﾞﾌﾄ" },
      ],
    },
  } as const;
  // Saved as non-holding tags before the orders come in, so each order gets exactly what the rules say.
  const saved: Record<string, string> = {};
  for (const [name, rule] of Object.entries(rules)) saved[name] = (await newTag(m, { name, rule })).id;

  const big = await newOrder(m, "DR-1", { unitPrice: 12000, email: "a@example.com" });
  const osaka = await newOrder(m, "DR-2", {
    prefecture: "大阪府",
    paymentMethod: "bank_transfer",
    email: "a@example.com",
  });
  const gift = await newOrder(m, "DR-3", {
    prefecture: "北海道",
    shipToName: "佐藤 花子",
    remarks: "ギフト",
    item: "UNMAPPED-9",
    email: "c@example.com",
  });
  const gone = await newOrder(m, "DR-4", { unitPrice: 50000, item: "UNMAPPED-9", email: "d@example.com" });
  assert.equal(
    (await m.api("DELETE", `/api/orders/${gone.id}`)).status,
    200,
    "deleted orders are not examined",
  );

  const expected: Record<keyof typeof rules, string[]> = {
    total: [big.id],
    prefecture: [gift.id, osaka.id],
    payment: [osaka.id],
    sku: [osaka.id, big.id],
    repeat: [osaka.id],
    giftee: [gift.id],
    any: [gift.id, big.id],
  };
  for (const [name, rule] of Object.entries(rules) as [keyof typeof rules, unknown][]) {
    const res = await m.api("POST", "/api/tags/dry-run", { rule });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.examined, 3, name);
    assert.equal(res.body.matched, expected[name].length, name);
    assert.deepEqual(
      res.body.orders.map((o: { id: string }) => o.id),
      expected[name],
      name,
    );
    const live = await m.api("GET", `/api/orders?tag=${saved[name]}`);
    assert.deepEqual(
      live.body.items.map((o: { id: string }) => o.id),
      expected[name],
      `${name}: the rule tagged the same orders`,
    );
    const again = await m.api("POST", `/api/tags/${saved[name]}/dry-run`);
    assert.equal(again.status, 200);
    assert.equal(again.body.matched, expected[name].length, `${name} saved`);
  }

  const latest = await m.api("POST", "/api/tags/dry-run", { rule: rules.sku, limit: 2 });
  assert.equal(latest.body.examined, 2);
  assert.deepEqual(
    latest.body.orders.map((o: { id: string }) => o.id),
    [osaka.id],
  );
  assert.deepEqual(latest.body.orders[0], {
    id: osaka.id,
    mallOrderNumber: "DR-2",
    orderedAt: osaka.orderedAt,
    buyerName: "山田 太郎",
    total: 1500,
    status: "confirmed",
    statusLabel: "確認済",
  });
  assert.equal(latest.body.description, "商品コード「SKU-1」を含む");
  assert.equal(latest.body.summary, "直近2件の注文のうち1件が条件に一致しました");
});

test("a dry run refuses an invalid rule or limit, and a saved tag without a rule", async () => {
  const m = await merchant();
  const bad = await m.api("POST", "/api/tags/dry-run", {
    rule: {
      match: "all",
      conditions: [{ field: "paymentMethod", op: "in", values: ["credit_card", "bitcoin"] }],
    },
    limit: 5001,
  });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.code, "validation.failed");
  assert.deepEqual(bad.body.errors.map((e: { path: string }) => e.path).sort(), [
    "limit",
    "rule.conditions.0.values.1",
  ]);
  const missing = await m.api("POST", "/api/tags/dry-run", {});
  assert.deepEqual(
    missing.body.errors.map((e: { path: string }) => e.path),
    ["rule"],
  );
  const manual = await newTag(m, { name: "手動" });
  const noRule = await m.api("POST", `/api/tags/${manual.id}/dry-run`, { limit: 10 });
  assert.equal(noRule.status, 409);
  assert.equal(noRule.body.code, "tag.rule_missing");
  const empty = await m.api("POST", "/api/tags/dry-run", { rule: remarksHold.rule });
  assert.deepEqual(
    { examined: empty.body.examined, matched: empty.body.matched, orders: empty.body.orders },
    { examined: 0, matched: 0, orders: [] },
  );
});
