import assert from "node:assert/strict";
import { test } from "node:test";
import { ORDER_STATUSES } from "../order-status.ts";
import { Refusal } from "../refusal.ts";
import { type BuyerPrice, buyerOrderStatus, priceFor, priceLines } from "./price-list.ts";

const price = (unitPrice: number, minQuantity = 1, lotQuantity = 1): BuyerPrice => ({
  unitPrice,
  minQuantity,
  lotQuantity,
});

test("a company's own price wins over its rank's; neither → not orderable", () => {
  const cases: [BuyerPrice | undefined, BuyerPrice | undefined, number | null][] = [
    [price(800), price(900), 800],
    [undefined, price(900), 900],
    [price(800), undefined, 800],
    [undefined, undefined, null],
  ];
  for (const [own, rank, expected] of cases) {
    assert.equal(priceFor(own, rank)?.unitPrice ?? null, expected);
  }
});

test("lines: minimum, 発注単位 and unknown products, each on its own field, all at once", () => {
  const prices = new Map([
    ["a", price(500, 10, 5)],
    ["b", price(300, 1, 12)],
  ]);
  const cases: { lines: { productId: string; quantity: number }[]; code: string; paths: string[] }[] = [
    { lines: [{ productId: "a", quantity: 15 }], code: "ok", paths: [] },
    {
      lines: [{ productId: "a", quantity: 5 }],
      code: "b2b_order.below_minimum",
      paths: ["lines.0.quantity"],
    },
    {
      lines: [{ productId: "a", quantity: 12 }],
      code: "b2b_order.not_a_lot_multiple",
      paths: ["lines.0.quantity"],
    },
    {
      lines: [
        { productId: "a", quantity: 10 },
        { productId: "b", quantity: 13 },
        { productId: "x", quantity: 1 },
      ],
      code: "b2b_order.not_a_lot_multiple",
      paths: ["lines.1.quantity", "lines.2.productId"],
    },
    {
      lines: [{ productId: "x", quantity: 1 }],
      code: "b2b_order.unknown_product",
      paths: ["lines.0.productId"],
    },
    {
      lines: [
        { productId: "b", quantity: 12 },
        { productId: "b", quantity: 24 },
      ],
      code: "b2b_order.duplicate_product",
      paths: ["lines.1.productId"],
    },
    { lines: [], code: "b2b_order.no_lines", paths: ["lines"] },
  ];
  for (const c of cases) {
    const result = priceLines(c.lines, prices);
    if (c.code === "ok") {
      assert.ok(!(result instanceof Refusal));
      assert.deepEqual(result[0], {
        productId: "a",
        quantity: 15,
        unitPrice: 500,
        minQuantity: 10,
        lotQuantity: 5,
      });
      continue;
    }
    assert.ok(result instanceof Refusal, JSON.stringify(c.lines));
    assert.equal(result.code, c.code);
    assert.deepEqual(
      result.errors?.map((e) => e.path),
      c.paths,
    );
  }
});

test("注文状況: every order status folds into one of the buyer's four", () => {
  const seen = ORDER_STATUSES.map((s) => [s, buyerOrderStatus(s)]);
  assert.deepEqual(Object.fromEntries(seen), {
    new: "received",
    awaiting_confirmation: "received",
    confirmed: "received",
    awaiting_shipment: "received",
    shipping: "preparing",
    shipped: "shipped",
    completed: "shipped",
    cancelled: "cancelled",
  });
});
