import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { manualClock } from "#sandbox/kit/test-support.ts";
import { startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { sandboxControl } from "#test/rakuten.ts";
import { createRakutenClient } from "./client.ts";
import { jst, rejection, SEARCH, startContractMall } from "./contract-support.ts";

/** The RMS client's writes and failures against the sandbox: 注文確認, cancel, shipping, stock, auth and faults. */

let contract: Awaited<ReturnType<typeof startContractMall>>;
let sandbox: typeof contract.sandbox;
let mall: typeof contract.mall;
let newShop: typeof contract.newShop;
let place: typeof contract.place;

before(async () => {
  contract = await startContractMall();
  ({ sandbox, mall, newShop, place } = contract);
});
after(() => contract.close());

test("confirmOrders moves 100 on at the mall; confirming it again is harmless", async () => {
  const shop = await newShop();
  const { orderNumber } = await place(shop.shopId, {});
  assert.equal((await mall.view(orderNumber)).orderProgress, 100);
  await shop.client.confirmOrders([orderNumber]);
  assert.ok((await mall.view(orderNumber)).orderProgress >= 200);
  await shop.client.confirmOrders([orderNumber]);
});

test("an ERROR on HTTP 200 is a MallError: confirmOrder of a cancelled order", async () => {
  const shop = await newShop();
  const { orderNumber } = await place(shop.shopId, {});
  await mall.cancel(orderNumber);
  const error = await rejection(shop.client.confirmOrders([orderNumber]));
  assert.equal(error.code, "ORDER_EXT_API_CONFIRM_ORDER_ERROR_102");
  assert.equal(error.retryable, false);
});

test("cancelOrder with reason 1 cancels at the mall; after a shipping date it is refused with RMS's code", async () => {
  const shop = await newShop();
  const { orderNumber } = await place(shop.shopId, {});
  await shop.client.cancelOrder({ mallOrderNumber: orderNumber, reasonCode: "1" });
  assert.ok([800, 900].includes((await mall.view(orderNumber)).orderProgress));

  const mug = { manageNumber: "mug", itemName: "マグ", price: 1000, units: 1 };
  // Two packages, one shipped: still 300, but a 発送日 is registered.
  const two = await place(shop.shopId, {
    packages: [mug, mug].map((item) => ({ items: [item] })),
  });
  await shop.client.confirmOrders([two.orderNumber]);
  await shop.client.reportShipping({
    mallOrderNumber: two.orderNumber,
    mallPackageId: String(two.basketIds[0]),
    carrier: "yamato",
    trackingNumber: "1234-5678-9012",
    shippedOn: "2025-06-10",
  });
  assert.equal((await mall.view(two.orderNumber)).orderProgress, 300);
  const error = await rejection(
    shop.client.cancelOrder({ mallOrderNumber: two.orderNumber, reasonCode: "1" }),
  );
  assert.equal(error.code, "ORDER_EXT_API_CANCEL_ORDER_ERROR_103");
  assert.equal(error.retryable, false);
});

test("reportShipping adds a shipping in RMS carrier codes, then updates that one; a bad number is refused", async () => {
  const shop = await newShop();
  const placed = await place(shop.shopId, {});
  await shop.client.confirmOrders([placed.orderNumber]);
  const report = {
    mallOrderNumber: placed.orderNumber,
    mallPackageId: String(placed.basketIds[0]),
    carrier: "sagawa" as const,
    trackingNumber: "1111-2222-3333",
    shippedOn: "2025-06-10",
  };
  const added = await shop.client.reportShipping(report);
  const shippingsAtMall = async () =>
    (await mall.view(placed.orderNumber)).order.PackageModelList[0].ShippingModelList as {
      shippingDetailId: number;
      shippingNumber: string;
      deliveryCompany: string;
    }[];
  const [atMall] = await shippingsAtMall();
  assert.equal(added.mallShippingId, String(atMall?.shippingDetailId));
  assert.equal(atMall?.deliveryCompany, "1002", "佐川急便 in RMS codes");

  const again = await shop.client.reportShipping({
    ...report,
    trackingNumber: "4444-5555-6666",
    mallShippingId: added.mallShippingId,
  });
  assert.equal(again.mallShippingId, added.mallShippingId);
  assert.deepEqual(
    (await shippingsAtMall()).map((s) => [String(s.shippingDetailId), s.shippingNumber]),
    [[added.mallShippingId, "4444-5555-6666"]],
    "updated, not added a second time",
  );

  const error = await rejection(shop.client.reportShipping({ ...report, trackingNumber: "9".repeat(121) }));
  assert.equal(error.code, "ORDER_EXT_API_UPDATE_ORDERSHIPPING_ERROR_011");
  assert.equal(error.retryable, false);
  assert.equal((await shippingsAtMall()).length, 1);
});

test("pushStock of 900 SKUs sends 3 bulk-upserts of ≤400 within the mall's rate limit", async () => {
  const shop = await newShop();
  const updates = Array.from({ length: 900 }, (_, i) => ({
    mallItemCode: `item-${Math.floor(i / 3)}`,
    mallVariantId: `v${i % 3}`,
    quantity: i % 50,
  }));
  await shop.client.pushStock(updates);
  const calls = await shop.callsTo("/es/2.0/inventories/bulk-upsert");
  assert.deepEqual(
    calls.map((c) => [c.status, c.summary]),
    [
      [204, "inventories[400]"],
      [204, "inventories[400]"],
      [204, "inventories[100]"],
    ],
    "no 429 with the mall's limit of one a second on",
  );
  for (let i = 1; i < calls.length; i++) {
    const gap = Date.parse(calls[i]?.at ?? "") - Date.parse(calls[i - 1]?.at ?? "");
    assert.ok(gap >= 1000, `calls ${i} and ${i + 1} are ${gap} ms of mall time apart`);
  }
  const inventory = (await mall.inventory(shop.shopId)).inventories as {
    manageNumber: string;
    variantId: string;
    quantity: number;
  }[];
  assert.equal(inventory.length, 900);
  const held = new Map(inventory.map((s) => [`${s.manageNumber}/${s.variantId}`, s.quantity]));
  for (const u of updates) assert.equal(held.get(`${u.mallItemCode}/${u.mallVariantId}`), u.quantity);
});

test("wrong credentials: rakuten.auth_failed, not retryable", async () => {
  const shop = await newShop();
  const client = createRakutenClient({
    baseUrl: sandbox.url,
    credentials: { serviceSecret: shop.serviceSecret, licenseKey: "SL_wrong" },
  });
  const error = await rejection(client.getOrders([`${shop.shopId}-20250610-0000000001`]));
  assert.equal(error.code, "rakuten.auth_failed");
  assert.equal(error.retryable, false);
});

test("faults: 500 and 503 are rakuten.unavailable, a timeout rakuten.timeout, cut-off JSON rakuten.malformed_response — all retryable", async (t) => {
  const shop = await newShop();
  // Only the call that never answers gets a short timeout: a slow machine never turns the others into one.
  const impatient = await newShop({ timeoutMs: 500 });
  const window = { from: jst("2025-06-01T00:00:00"), to: jst("2025-06-02T00:00:00") };
  t.after(() => mall.clearFaults());
  for (const [kind, code] of [
    ["status500", "rakuten.unavailable"],
    ["status503", "rakuten.unavailable"],
    ["timeout", "rakuten.timeout"],
    ["malformed_json", "rakuten.malformed_response"],
  ] as const) {
    await mall.fault({ path: SEARCH, kind });
    const client = kind === "timeout" ? impatient.client : shop.client;
    const error = await rejection(client.searchOrderNumbers(window));
    assert.deepEqual([kind, error.code, error.retryable], [kind, code, true]);
  }
  assert.deepEqual(await shop.client.searchOrderNumbers(window), [], "the faults were used up");
});

test("a 429 at bulk-upsert is waited out: a client that pushes too fast still gets its stock through", async () => {
  // The mall's clock moves only when the client waits, so the second push lands in the same mall
  // second however slowly this machine runs, and the client's wait is what lets the third through.
  const clock = manualClock("2025-06-10T10:00:00+09:00");
  const still = await startRakutenSandbox({ now: clock.now });
  try {
    const stillMall = sandboxControl(still);
    const shop = await stillMall.createShop();
    const hasty = createRakutenClient({
      baseUrl: still.url,
      credentials: { serviceSecret: shop.serviceSecret, licenseKey: shop.licenseKey },
      stockPushIntervalMs: 0,
      sleep: async (ms) => clock.advance(ms),
    });
    const updates = Array.from({ length: 800 }, (_, i) => ({
      mallItemCode: `fast-${i}`,
      mallVariantId: "v",
      quantity: 7,
    }));
    await hasty.pushStock(updates);
    const calls = await stillMall.calls("/es/2.0/inventories/bulk-upsert");
    assert.deepEqual(
      calls.items.map((c) => c.status),
      [204, 429, 204],
    );
    assert.equal((await stillMall.inventory(shop.shopId)).inventories.length, 800);
  } finally {
    await still.close();
  }
});
