import assert from "node:assert/strict";
import { test } from "node:test";
import { type BilledOrder, billedTotalGap, gapMessage, juchuTotal } from "./billed-total.ts";

const order = (o: Partial<BilledOrder>): BilledOrder => ({
  items: [{ unitPrice: 3000, optionAmount: 0, quantity: 1 }],
  shippingFee: 500,
  fees: 0,
  couponDiscount: 0,
  pointsUsed: 0,
  total: 3500,
  ...o,
});

test("billedTotalGap: Σ (単価 + オプション金額) × 数量 + 送料 + 手数料 − クーポン − ポイント against the mall's", () => {
  const line = (unitPrice: number, optionAmount: number, quantity: number) => ({
    unitPrice,
    optionAmount,
    quantity,
  });
  const table: [string, Partial<BilledOrder>, { juchu: number; mall: number; difference: number } | null][] =
    [
      ["plain, agreeing", {}, null],
      ["surcharge in the mall's bill", { items: [line(3000, 330, 2)], total: 7160 }, null],
      [
        "surcharge not billed by the mall yet",
        { items: [line(3000, 330, 2)], total: 6500 },
        { juchu: 7160, mall: 6500, difference: 660 },
      ],
      [
        "a discount option the mall did not take off",
        { items: [line(3000, -100, 1)] },
        { juchu: 3400, mall: 3500, difference: -100 },
      ],
      [
        "fees, coupons and points",
        { items: [line(1000, 110, 3)], fees: 330, couponDiscount: 300, pointsUsed: 200, total: 3660 },
        null,
      ],
      ["several lines", { items: [line(1000, 0, 1), line(2000, 550, 1)], total: 4050 }, null],
      ["postage undetermined: 金額未確定 holds it", { shippingFee: null, total: null }, null],
      ["the mall's bill undetermined", { total: null }, null],
      ["fees undetermined", { fees: null, total: 3500 }, null],
    ];
  for (const [name, o, gap] of table) assert.deepEqual(billedTotalGap(order(o)), gap, name);
});

test("juchuTotal: null while a part is undetermined", () => {
  assert.equal(juchuTotal(order({ shippingFee: null })), null);
  assert.equal(juchuTotal(order({ fees: null })), null);
  assert.equal(juchuTotal(order({})), 3500);
});

test("gapMessage: both amounts and the difference", () => {
  assert.equal(
    gapMessage({ juchu: 7160, mall: 6500, difference: 660 }),
    "請求金額不一致: Juchuの計算 7,160円 / モールの請求金額 6,500円 (差額 +660円)。オプション金額をモールの請求に反映するか、金額を確認してください",
  );
  assert.match(gapMessage({ juchu: 3400, mall: 3500, difference: -100 }), /差額 −100円/);
});
