import assert from "node:assert/strict";
import { test } from "node:test";
import type { ContractSetUp } from "./driver.ts";

/** The OrderSink contract: 注文確認, shipping reports and cancels, skipped where the channel lacks them. */
export function orderSinkContract(name: string, setUp: ContractSetUp): void {
  test(`${name} OrderSink: confirming an order twice is as good as once`, async (t) => {
    const { sink, source, driver, definition } = await setUp();
    const { capabilities } = definition;
    if (!capabilities.confirm?.required) return t.skip(`${name} takes no 注文確認`);
    assert.ok(sink && source);
    const [number] = await driver.placeOrders(1);
    assert.ok(number);
    await sink.confirmOrders([number]);
    await sink.confirmOrders([number]);
    const [read] = await source.getOrders([number]);
    assert.equal(read?.mallStatus.cancelled, false);
  });

  test(`${name} OrderSink: reporting a parcel again with its id amends it, never adds a second`, async (t) => {
    const { sink, source, driver, definition } = await setUp();
    const { capabilities } = definition;
    if (!capabilities.reportShipping) return t.skip(`${name} takes no shipping reports`);
    assert.ok(sink && source);
    const [number] = await driver.placeOrders(1);
    assert.ok(number);
    if (capabilities.confirm?.required) await sink.confirmOrders([number]);
    const [order] = await source.getOrders([number]);
    const packageId = order?.packages[0]?.mallPackageId;
    assert.ok(packageId);
    const report = {
      mallOrderNumber: number,
      mallPackageId: packageId,
      carrier: "yamato" as const,
      trackingNumber: "1111-2222-3333",
      shippedOn: (await driver.now()).toISOString().slice(0, 10),
    };
    const first = await sink.reportShipping(report);
    const again = await sink.reportShipping({
      ...report,
      trackingNumber: "4444-5555-6666",
      mallShippingId: first.mallShippingId,
    });
    assert.equal(again.mallShippingId, first.mallShippingId);
    assert.deepEqual(await driver.shippingsAt(number, packageId), [
      { id: first.mallShippingId, trackingNumber: "4444-5555-6666" },
    ]);
  });

  test(`${name} OrderSink: a cancel with the channel's first reason shows at the channel`, async (t) => {
    const { sink, source, driver, definition } = await setUp();
    const { capabilities } = definition;
    if (!capabilities.cancel) return t.skip(`${name} takes no cancels`);
    assert.ok(sink && source);
    const [number] = await driver.placeOrders(1);
    assert.ok(number);
    if (capabilities.confirm?.required) await sink.confirmOrders([number]);
    await sink.cancelOrder({ mallOrderNumber: number, reasonCode: definition.cancelReasons[0]?.code ?? "" });
    const [read] = await source.getOrders([number]);
    assert.equal(read?.mallStatus.cancelled, true);
  });
}
