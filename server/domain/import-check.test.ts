import assert from "node:assert/strict";
import { test } from "node:test";
import {
  checkImportedOrder,
  type ImportCheckInput,
  mailsFor,
  type ShopMailCategory,
} from "./import-check.ts";

const PARCEL = { carrier: null, calendarShipDate: "2026-12-08", expectedDeliveryDate: "2026-12-09" };
const ORDER: ImportCheckInput = {
  warehouse: { name: "自社倉庫" },
  shipment: PARCEL,
  desiredDeliveryDate: "2026-12-10",
  desiredTimeSlot: "14:00-16:00",
  remarks: "[配送日時指定:]\n2026-12-10(木)\n14:00-16:00",
  sender: { name: "テスト商店", postalCode: "100-0001", prefecture: "東京都", address1: "千代田区1-1" },
  paymentMethod: "credit_card",
  mallPaymentLabel: "クレジットカード",
  items: [{ name: "マグ", selectedChoice: "名入れ:あり(+500円)", optionAmount: 500, quantity: 2 }],
  parts: { subtotal: 4000, shippingFee: 600, fees: 0, couponDiscount: 100, pointsUsed: 50 },
  mallTotal: 4450,
  mails: ["注文確認メール"],
};

const check = (o: Partial<ImportCheckInput>, field: string) =>
  checkImportedOrder({ ...ORDER, ...o }).find((c) => c.field === field);

test("an order imported as expected: every field green, in the seed's order 1–10", () => {
  const checks = checkImportedOrder(ORDER);
  assert.deepEqual(
    checks.map((c) => c.label),
    [
      "物流会社",
      "配送会社",
      "出荷予定日",
      "お届け希望日",
      "送付元住所",
      "備考欄の希望日時",
      "決済方法",
      "オプション金額",
      "請求金額",
      "送信されるメール",
    ],
  );
  assert.deepEqual(
    checks.filter((c) => !c.ok),
    [],
  );
  assert.equal(check({}, "carrier")?.value, "倉庫の既定(自社倉庫)");
  assert.equal(check({}, "remarksWish")?.value, "2026-12-10 14:00-16:00");
  assert.equal(check({}, "optionAmount")?.value, "1,000円");
  assert.equal(check({}, "billedTotal")?.value, "4,450円");
});

// biome-ignore format: a table, one row per line
const cases: [string, Partial<ImportCheckInput>, string, boolean, RegExp][] = [
  ["no warehouse", { warehouse: null, shipment: null }, "warehouse", false, /倉庫が決まっていません/],
  ["carrier from the products' delivery conditions", { shipment: { ...PARCEL, carrier: "sagawa" } }, "carrier", true, /配送条件/],
  ["no 出荷予定日 from the calendar", { shipment: { ...PARCEL, calendarShipDate: null } }, "shipDate", false, /決まっていません/],
  ["お届け希望日 before お届け予定日", { desiredDeliveryDate: "2026-12-08" }, "desiredDelivery", false, /お届け予定日\(2026-12-09\)より前/],
  ["お届け希望日 on お届け予定日", { desiredDeliveryDate: "2026-12-09" }, "desiredDelivery", true, /以降/],
  ["no お届け希望日", { desiredDeliveryDate: null }, "desiredDelivery", true, /指定はありません/],
  ["no 送付元住所", { sender: null }, "sender", false, /設定されていません/],
  ["a date in the remarks not read", { desiredDeliveryDate: null, desiredTimeSlot: null, remarks: "12月24日の午前中に届けてください" }, "remarksWish", false, /なっていません/],
  ["remarks without a wish", { desiredDeliveryDate: null, desiredTimeSlot: null, remarks: "よろしくお願いします" }, "remarksWish", true, /指定はありません/],
  ["payment not mapped", { paymentMethod: "other", mallPaymentLabel: "謎の決済" }, "payment", false, /対応づけられていません/],
  ["a priced choice with no オプション金額", { items: [{ name: "マグ", selectedChoice: "名入れ:あり(+500円)", optionAmount: 0, quantity: 1 }] }, "optionAmount", false, /0円です\(マグ\)/],
  ["a choice with no price", { items: [{ name: "マグ", selectedChoice: "色:青", optionAmount: 0, quantity: 1 }] }, "optionAmount", true, /ありません/],
  ["billed total differs from the mall's", { mallTotal: 4500 }, "billedTotal", false, /4,500円\)と50円違います/],
  ["postage undetermined", { parts: { ...ORDER.parts, shippingFee: null } }, "billedTotal", false, /未確定/],
  ["no automatic mail", { mails: [] }, "mails", false, /ありません/],
];
for (const [name, input, field, ok, why] of cases) {
  test(`checkImportedOrder: ${name}`, () => {
    const c = check(input, field);
    assert.equal(c?.ok, ok, JSON.stringify(c));
    assert.match(c?.why ?? "", why);
  });
}

const category = (
  name: string,
  triggerStatus: string,
  productId: string | null = null,
): ShopMailCategory => ({
  id: name,
  name,
  triggerKind: "order",
  triggerStatus,
  delayMinutes: 0,
  productId,
  priority: 0,
  createdAt: new Date("2026-01-01"),
});

test("mailsFor: per status change, a product's own thanks mail replaces the general one", () => {
  const categories = [
    category("注文確認", "new"),
    category("マグのお礼", "new", "p-mug"),
    category("発送完了", "shipped"),
  ];
  assert.deepEqual(
    mailsFor(categories, new Set(["p-mug"])).map((c) => c.name),
    ["マグのお礼", "発送完了"],
  );
  assert.deepEqual(
    mailsFor(categories, new Set()).map((c) => c.name),
    ["注文確認", "発送完了"],
  );
});
