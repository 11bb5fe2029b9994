import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const own = {
  name: "自社カート",
  encoding: "shift_jis",
  headerRow: true,
  dateFormat: "yyyy/MM/dd",
  columns: {
    orderNumber: ["注文ID"],
    buyerName: ["姓", "名"],
    buyerEmail: ["メール"],
    shipToName: ["届け先"],
    shipToPostalCode: ["〒"],
    shipToAddress1: ["住所"],
    shipToPhone: ["電話"],
    paymentMethod: ["支払"],
    itemCode: ["品番"],
    itemName: ["品名"],
    unitPrice: ["単価"],
    quantity: ["数"],
  },
};

test("the merchant's own profiles: created, listed after the built-in ones, changed, deleted; built-ins stay", async () => {
  const created = await t.api("POST", "/api/csv-order-profiles", own);
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const list = (await t.api("GET", "/api/csv-order-profiles")).body;
  assert.deepEqual(
    list.items.map((p: { id: string; builtIn: boolean }) => [p.builtIn ? p.id : "own", p.builtIn]),
    [
      ["juchu", true],
      ["futureshop", true],
      ["own", false],
    ],
  );
  assert.equal(
    list.fields.find((f: { field: string }) => f.field === "shipToPostalCode").label,
    "送付先郵便番号",
  );
  const changed = await t.api("PUT", `/api/csv-order-profiles/${created.body.id}`, {
    ...own,
    name: "自社カート2",
  });
  assert.equal(changed.body.name, "自社カート2");
  const builtIn = await t.api("PUT", "/api/csv-order-profiles/futureshop", own);
  assert.deepEqual([builtIn.status, builtIn.body.rule], [409, "built_in_profiles_read_only"]);
  assert.equal((await t.api("DELETE", `/api/csv-order-profiles/${created.body.id}`)).status, 200);
  const other = await t.newAccount();
  const hidden = await t.api("GET", `/api/csv-order-profiles`, undefined, other.apiToken);
  assert.equal(hidden.body.items.length, 2);
});

test("a profile without a required column, or with names where numbers are needed, is refused by field", async () => {
  const { orderNumber: _, ...columns } = own.columns;
  const missing = await t.api("POST", "/api/csv-order-profiles", { ...own, columns });
  assert.equal(missing.status, 422);
  assert.ok(missing.body.errors.some((e: { path: string }) => e.path === "columns.orderNumber"));
  const numbers = await t.api("POST", "/api/csv-order-profiles", { ...own, headerRow: false });
  assert.equal(numbers.status, 422);
  assert.match(numbers.body.errors[0].message, /列番号/);
});

test("the Juchu template downloads with its Japanese header; a postal code gives its address", async () => {
  const res = await fetch(`${t.url}/api/csv-order-template.csv`, {
    headers: { authorization: `Bearer ${t.owner.apiToken}` },
  });
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
  assert.match(text, /^\uFEFF注文番号,注文日時,購入者名,/);
  const found = await t.api("GET", "/api/postal-codes/100-0001");
  assert.deepEqual(found.body.items, [{ prefecture: "東京都", city: "千代田区", town: "千代田" }]);
});

test("an upload to another account's shop is not found; an empty file is refused", async () => {
  const other = await t.newAccount();
  const shop = (await t.api("POST", "/api/shops", { channel: "csv", name: "CSV" }, other.apiToken)).body.id;
  const send = (shopId: string, body: string) =>
    fetch(`${t.url}/api/csv-imports?shopId=${shopId}&profileId=juchu`, {
      method: "POST",
      headers: { authorization: `Bearer ${t.owner.apiToken}`, "content-type": "text/csv" },
      body,
    });
  assert.equal((await send(shop, "a\r\n")).status, 404);
  const mine = (await t.api("POST", "/api/shops", { channel: "csv", name: "CSV" })).body.id;
  const empty = await send(mine, "");
  assert.equal(empty.status, 422);
  assert.equal(((await empty.json()) as { code: string }).code, "csv_import.empty");
});
