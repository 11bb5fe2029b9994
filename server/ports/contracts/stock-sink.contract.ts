import assert from "node:assert/strict";
import { test } from "node:test";
import type { ContractSetUp } from "./driver.ts";

/** The StockSink contract: what is pushed is what the channel shows, absolute, never added up. */
export function stockSinkContract(name: string, setUp: ContractSetUp): void {
  test(`${name} StockSink: a push sets the quantity, and the next one replaces it`, async (t) => {
    const { stock, driver, definition } = await setUp();
    const { capabilities } = definition;
    if (!capabilities.stock) return t.skip(`${name} takes no stock`);
    assert.ok(stock);
    const sku = { mallItemCode: "contract-item", mallVariantId: "v1" };
    await stock.pushStock([{ ...sku, quantity: 7 }]);
    assert.equal(await driver.stockAt(sku.mallItemCode, sku.mallVariantId), 7);
    await stock.pushStock([{ ...sku, quantity: 3 }]);
    assert.equal(await driver.stockAt(sku.mallItemCode, sku.mallVariantId), 3);
  });
}
