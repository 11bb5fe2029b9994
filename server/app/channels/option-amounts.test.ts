import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import iconv from "iconv-lite";
import { inspectPdf } from "#server/adapters/documents/test-pdf.ts";
import type { TestApp } from "#test/app.ts";
import { seedMappedProduct } from "#test/catalog.ts";
import { connectRakutenShop, type SandboxControl, sku, startRakutenTestApp } from "#test/rakuten.ts";
import { runShopImport } from "./import-shop.ts";

let app: TestApp;
let mall: SandboxControl;
let close: () => Promise<void>;

before(async () => {
  ({ app, mall, close } = await startRakutenTestApp());
});
after(() => close());

type Tag = { systemCode: string | null };
type Event = { type: string; message: string; detail: unknown };

async function onlyOrder(shopId: string) {
  const list = await app.api("GET", `/api/orders?shopId=${shopId}`);
  assert.equal(list.status, 200);
  assert.equal(list.body.items.length, 1);
  return (await app.api("GET", `/api/orders/${list.body.items[0].id}`)).body;
}

const mismatch = (order: { tags: Tag[] }) => order.tags.some((t) => t.systemCode === "total_mismatch");

test("an option's surcharge not in the mall's bill holds the order with both amounts; billed at the mall, it goes on", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall, { gracePeriodMinutes: 0 });
  await seedMappedProduct(app, {
    accountId: app.owner.accountId,
    shopId,
    sku: "MUG-W",
    mallItemCode: "mug",
    onHand: 5,
  });
  const placed = await mall.placeOrder(mallShopId, {
    packages: [
      {
        items: [
          { ...sku("mug", "white", 1500, 2), selectedChoice: "ラッピング:希望する(+330円)\nのし:なし" },
        ],
        postagePrice: 500,
      },
    ],
  });
  await runShopImport(app.ctx, shopId);
  const held = await onlyOrder(shopId);
  assert.deepEqual(
    [held.items[0].unitPrice, held.items[0].optionAmount, held.items[0].quantity],
    [1500, 330, 2],
    "the surcharge apart from the mall's price",
  );
  assert.equal(held.total, 3500, "the mall's 請求金額 as it bills it");
  assert.equal(held.status, "awaiting_confirmation");
  assert.ok(mismatch(held), "請求金額不一致 holds it");
  const said = (held.events as Event[]).find((e) => e.type === "total_mismatch");
  assert.match(said?.message ?? "", /Juchuの計算 4,160円 \/ モールの請求金額 3,500円 \(差額 \+660円\)/);
  assert.deepEqual(said?.detail, { juchu: 4160, mall: 3500, difference: 660 });
  assert.ok(
    held.holds.some((h: { why: string }) => /一致しません/.test(h.why)),
    "the hold says why",
  );

  // The shop puts the surcharge into the price in RMS (金額変更): the next import sees it billed.
  const [basketId] = (await mall.view(placed.orderNumber)).basketIds;
  await mall.change(placed.orderNumber, { packages: [{ basketId, items: [{ price: 1830 }] }] });
  app.clock.advance(3 * 60_000);
  await runShopImport(app.ctx, shopId);
  const released = await onlyOrder(shopId);
  assert.equal(released.total, 4160);
  assert.deepEqual([released.items[0].unitPrice, released.items[0].optionAmount], [1500, 330]);
  assert.ok(!mismatch(released), "agreeing now: the tag is off");
  assert.ok(
    !released.tags.some((t: Tag) => t.systemCode === "mall_order_changed"),
    "a price risen by exactly the surcharge is not a changed item",
  );
  assert.equal(released.status, "awaiting_shipment", "paid by card, allocated: on by itself");
  const pdf = await fetch(`${app.url}/api/orders/${released.id}/delivery-note.pdf`, {
    headers: { authorization: `Bearer ${app.owner.apiToken}` },
  });
  assert.equal(pdf.status, 200);
  const [page = ""] = (await inspectPdf(new Uint8Array(await pdf.arrayBuffer()))).pages;
  for (const expected of ["オプション金額 +¥330", "¥3,660", "¥4,160"])
    assert.ok(page.includes(expected), `納品書 lacks ${expected}:\n${page}`);
});

test("an order whose options carry no surcharge, or a bill that agrees, is not held", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall, { gracePeriodMinutes: 0 });
  await seedMappedProduct(app, {
    accountId: app.owner.accountId,
    shopId,
    sku: "CUP-W",
    mallItemCode: "cup",
    onHand: 5,
  });
  await mall.placeOrder(mallShopId, {
    packages: [{ items: [{ ...sku("cup", "white", 1200, 1), selectedChoice: "のし:なし" }] }],
  });
  await runShopImport(app.ctx, shopId);
  const order = await onlyOrder(shopId);
  assert.equal(order.items[0].optionAmount, 0);
  assert.ok(!mismatch(order));
  assert.equal(order.status, "awaiting_shipment");
});

async function uploadTable(shopId: string, text: string) {
  const res = await fetch(`${app.url}/api/shops/${shopId}/option-surcharges.csv`, {
    method: "POST",
    headers: { authorization: `Bearer ${app.owner.apiToken}`, "content-type": "text/csv" },
    body: new Uint8Array(iconv.encode(text, "cp932")),
  });
  return { status: res.status, body: await res.json() };
}

test("オプション金額表 by CSV: fills an option its words leave without an amount; a fix releases the held order", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall, { gracePeriodMinutes: 0 });
  await seedMappedProduct(app, {
    accountId: app.owner.accountId,
    shopId,
    sku: "PEN-B",
    mallItemCode: "pen",
    onHand: 5,
  });
  const uploaded = await uploadTable(
    shopId,
    "商品管理番号,項目名,選択肢,金額\r\npen,名入れ,あり,550\r\n,ラッピング,希望する,330\r\npen,刻印,あり,三百円\r\n",
  );
  assert.equal(uploaded.status, 200);
  assert.deepEqual(
    uploaded.body.rows.map((r: { line: number; outcome: string }) => [r.line, r.outcome]),
    [
      [2, "set"],
      [3, "set"],
      [4, "error"],
    ],
  );
  assert.deepEqual(uploaded.body.rows[2].problems, [
    { field: "金額", rule: "integer", message: "「三百円」は円の整数ではありません" },
  ]);
  const listed = await app.api("GET", `/api/shops/${shopId}/option-surcharges`);
  assert.deepEqual(listed.body.items, [
    { mallItemCode: "", name: "ラッピング", choice: "希望する", amount: 330 },
    { mallItemCode: "pen", name: "名入れ", choice: "あり", amount: 550 },
  ]);

  await mall.placeOrder(mallShopId, {
    packages: [
      { items: [{ ...sku("pen", "black", 2000, 1), selectedChoice: "名入れ:あり\nラッピング:希望する" }] },
    ],
  });
  await runShopImport(app.ctx, shopId);
  const held = await onlyOrder(shopId);
  assert.equal(
    held.items[0].optionAmount,
    880,
    "名入れ from the item's entry, ラッピング from the shop-wide one",
  );
  assert.ok(mismatch(held), "the mall billed neither");

  // The shop charges for neither after all: the table says so and the held order goes on.
  const fixed = await uploadTable(
    shopId,
    "商品管理番号,項目名,選択肢,金額\r\npen,名入れ,あり,0\r\n,ラッピング,希望する,\r\n",
  );
  assert.deepEqual(
    [fixed.body.set, fixed.body.removed, fixed.body.failed, fixed.body.released],
    [1, 1, 0, 1],
  );
  const released = await onlyOrder(shopId);
  assert.equal(released.items[0].optionAmount, 0);
  assert.ok(!mismatch(released));
  assert.equal(released.status, "awaiting_shipment");

  const csv = await fetch(`${app.url}/api/shops/${shopId}/option-surcharges.csv`, {
    headers: { authorization: `Bearer ${app.owner.apiToken}` },
  });
  assert.equal(csv.headers.get("content-type"), "text/csv; charset=Shift_JIS");
  assert.equal(
    iconv.decode(Buffer.from(await csv.arrayBuffer()), "cp932"),
    "商品管理番号,項目名,選択肢,金額\r\npen,名入れ,あり,0\r\n",
  );
});

test("オプション金額表 CSV refusals: a wrong header names the file; another account's shop is not found", async () => {
  const { shopId } = await connectRakutenShop(app, mall);
  const wrong = await uploadTable(shopId, "項目名,選択肢,金額\r\nのし,あり,110\r\n");
  assert.equal(wrong.status, 422);
  assert.deepEqual(wrong.body.errors, [
    { path: "file", message: "見出しは「商品管理番号,項目名,選択肢,金額」の4列にしてください" },
  ]);
  const other = await app.newAccount("別の店");
  const foreign = await app.api("GET", `/api/shops/${shopId}/option-surcharges`, undefined, other.apiToken);
  assert.equal(foreign.status, 404);
});
