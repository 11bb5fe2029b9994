import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { TestApp } from "#test/app.ts";
import { connectRakutenShop, type SandboxControl, startRakutenTestApp } from "#test/rakuten.ts";
import { runShopImport } from "./import-shop.ts";

let app: TestApp;
let mall: SandboxControl;
let close: () => Promise<void>;

before(async () => {
  ({ app, mall, close } = await startRakutenTestApp({ mallTimeoutMs: 3000 }));
});
after(() => close());

const minutes = (n: number) => n * 60_000;

/** Every order of the shop, deleted ones included: what import must have brought in exactly once. */
async function numbersIn(shopId: string): Promise<string[]> {
  const res = await app.api("GET", `/api/orders?shopId=${shopId}&limit=500&includeDeleted=true`);
  return (res.body.items as { mallOrderNumber: string }[]).map((o) => o.mallOrderNumber).sort();
}

async function placeMany(mallShopId: string, count: number): Promise<string[]> {
  const placed = await mall.call("POST", `/shops/${mallShopId}/orders/bulk`, { count });
  return (placed.orderNumbers as string[]).sort();
}

for (const kind of ["status500", "status503", "timeout", "malformed_json"] as const) {
  test(`searchOrder failing with ${kind}: the poll is logged as failed, the cursor stays, the next poll gets every order`, async () => {
    const { shopId, mallShopId } = await connectRakutenShop(app, mall);
    const first = await runShopImport(app.ctx, shopId);
    assert.equal(first?.status, "succeeded", "a first poll sets the cursor");
    app.clock.advance(minutes(3));
    const placed = await placeMany(mallShopId, 3);
    await mall.fault({ path: "/es/2.0/order/searchOrder/", kind });
    const failed = await runShopImport(app.ctx, shopId);
    assert.equal(failed?.status, "failed");
    assert.match(failed?.errors[0]?.code ?? "", /^rakuten\./);
    assert.deepEqual(await numbersIn(shopId), []);

    app.clock.advance(minutes(3));
    const next = await runShopImport(app.ctx, shopId);
    assert.equal(next?.status, "succeeded", JSON.stringify(next?.errors));
    // The channel never answered, so the failed run cannot say what it would have searched: the
    // next one starts from the first run's cursor, the same window the failed one would have had.
    assert.ok(
      (next?.window.from.getTime() ?? Infinity) < (first?.window.to.getTime() ?? 0),
      "the failed window is searched again",
    );
    assert.deepEqual(await numbersIn(shopId), placed);
    await mall.clearFaults();
  });
}

test("getOrder failing after the first batch committed: nothing is lost or doubled, the cursor waits", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall);
  const placed = await placeMany(mallShopId, 250);
  // Faults fire in the order they were added: the first getOrder answers, the second is cut off.
  await mall.fault({ path: "/es/2.0/order/getOrder/", kind: "slow", delayMs: 0 });
  await mall.fault({ path: "/es/2.0/order/getOrder/", kind: "malformed_json" });
  const failed = await runShopImport(app.ctx, shopId);
  assert.equal(failed?.status, "failed");
  assert.equal(failed?.counts.created, 100, "the first batch of 100 is in");
  assert.equal(failed?.errors[0]?.code, "rakuten.malformed_response");
  assert.equal((await numbersIn(shopId)).length, 100);

  app.clock.advance(minutes(3));
  const next = await runShopImport(app.ctx, shopId);
  assert.equal(next?.status, "succeeded", JSON.stringify(next?.errors));
  assert.equal(next?.counts.created, 150);
  assert.deepEqual(await numbersIn(shopId), placed, "every order once");
  const log = await app.api("GET", `/api/shops/${shopId}/import-runs`);
  assert.deepEqual(
    log.body.items.map((r: { status: string }) => r.status),
    ["succeeded", "failed"],
  );
  await mall.clearFaults();
});

test("two polls of one shop at once: the second stands aside instead of importing the same orders", async () => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall);
  await placeMany(mallShopId, 5);
  await mall.fault({ path: "/es/2.0/order/searchOrder/", kind: "slow", delayMs: 300 });
  const [a, b] = await Promise.all([runShopImport(app.ctx, shopId), runShopImport(app.ctx, shopId)]);
  assert.equal([a, b].filter((r) => r === null).length, 1, "one of them found the shop taken");
  assert.equal((await numbersIn(shopId)).length, 5);
  await mall.clearFaults();
});
