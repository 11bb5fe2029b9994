import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { TestApp } from "#test/app.ts";
import { mapItem, newProduct } from "#test/catalog-api.ts";
import { connectRakutenShop, type SandboxControl, startRakutenTestApp } from "#test/rakuten.ts";
import { runShopImport } from "./import-shop.ts";

/**
 * 住所エラー follows what the mall says of the ship-to after import too: a ship-to the buyer corrects
 * in RMS takes the hold off by itself, and a gift's address that arrives wrong puts it on.
 */

let app: TestApp;
let mall: SandboxControl;
let close: () => Promise<void>;
let shopId: string;
let mallShopId: string;

before(async () => {
  ({ app, mall, close } = await startRakutenTestApp());
  ({ shopId, mallShopId } = await connectRakutenShop(app, mall, { gracePeriodMinutes: 0 }));
  await mapItem(app, shopId, "tea", [{ productId: await newProduct(app, "TEA", 10), quantity: 1 }]);
});
after(() => close());

const person = (zipCode: string, prefecture: string) => ({
  familyName: "住所",
  firstName: "確認",
  familyNameKana: "ジュウショ",
  firstNameKana: "カクニン",
  zipCode,
  prefecture,
  city: "大阪市北区",
  subAddress: "梅田1-1",
  phoneNumber: "06-1234-5678",
});
const tea = { manageNumber: "tea", itemName: "煎茶", price: 1000, units: 1 };

async function imported(orderNumber: string) {
  app.clock.advance(3 * 60_000);
  const run = await runShopImport(app.ctx, shopId);
  const list = await app.api("GET", `/api/orders?shopId=${shopId}&q=${orderNumber}`);
  const id = list.body.items[0]?.id;
  assert.ok(id, `${orderNumber} was not imported: ${JSON.stringify(run)}`);
  return (await app.api("GET", `/api/orders/${id}`)).body;
}
const codes = (order: { tags: { systemCode: string | null }[] }) => order.tags.map((t) => t.systemCode);

test("a ship-to the buyer corrects at the mall takes 住所エラー off by itself, and the order moves on", async () => {
  const placed = await mall.placeOrder(mallShopId, {
    packages: [{ sender: person("100-0001", "大阪府"), items: [tea] }],
  });
  const held = await imported(placed.orderNumber);
  assert.equal(held.status, "awaiting_confirmation");
  assert.deepEqual(codes(held), ["address_error"]);

  await mall.change(placed.orderNumber, { sender: person("530-0001", "大阪府") });
  const fixed = await imported(placed.orderNumber);
  assert.deepEqual(codes(fixed), [], JSON.stringify(fixed.events.slice(-3)));
  assert.notEqual(fixed.status, "awaiting_confirmation");
  assert.ok(fixed.events.some((e: { message: string }) => e.message === "タグ「住所エラー」を外しました"));
});

test("a ship-to the mall changes into a wrong one before the warehouse request puts 住所エラー on", async () => {
  const placed = await mall.placeOrder(mallShopId, {
    packages: [{ sender: person("530-0001", "大阪府"), items: [tea] }],
  });
  const right = await imported(placed.orderNumber);
  assert.deepEqual(codes(right), []);
  assert.notEqual(right.status, "awaiting_confirmation");

  await mall.change(placed.orderNumber, { sender: person("060-0001", "大阪府") });
  const wrong = await imported(placed.orderNumber);
  assert.deepEqual(codes(wrong), ["address_error"]);
  assert.equal(wrong.status, "awaiting_confirmation", "the hold pulls it back before the warehouse has it");
  assert.match(wrong.events.find((e: { type: string }) => e.type === "address_error").message, /060-0001/);
});

test("a social gift whose address arrives wrong is held under 住所エラー once its own hold is gone", async () => {
  const placed = await mall.placeOrder(mallShopId, { socialGift: true, packages: [{ items: [tea] }] });
  const waiting = await imported(placed.orderNumber);
  assert.deepEqual(codes(waiting), ["gift_address_pending"]);

  await mall.change(placed.orderNumber, { sender: person("100-0001", "大阪府") });
  const arrived = await imported(placed.orderNumber);
  assert.deepEqual(codes(arrived), ["address_error"]);
  assert.equal(arrived.status, "awaiting_confirmation");
});
