import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type RakutenSandbox, startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { MallError, type MallOrder } from "#server/ports/mall.ts";
import { sandboxControl } from "#test/rakuten.ts";
import { createRakutenClient } from "./client.ts";

/**
 * The real client against the real sandbox over loopback HTTP: what Juchu relies on RMS to do, checked
 * at the mall's side (its order view, inventory and call log) rather than by what the client says.
 */

// The mall's clock runs ten times faster than real time from 2025-06-10 10:00 JST, so its 1-a-second
// bulk-upsert limit is 100 ms of real time and the test needs no real second-long waits.
const SPEED = 10;
const START = Date.parse("2025-06-10T10:00:00+09:00");
const realStart = Date.now();
const mallNow = () => new Date(START + (Date.now() - realStart) * SPEED);

let sandbox: RakutenSandbox;
let mall: ReturnType<typeof sandboxControl>;

before(async () => {
  sandbox = await startRakutenSandbox({ now: mallNow });
  mall = sandboxControl(sandbox);
});
after(() => sandbox.close());

type Call = { path: string; at: string; shopId: string | null; summary: string; status: number | null };

/** A fresh mall shop per test, so counts and stock never mix, and a client holding its keys. */
async function newShop(options: { timeoutMs?: number } = {}) {
  const shop = await mall.createShop();
  const client = createRakutenClient({
    baseUrl: sandbox.url,
    credentials: { serviceSecret: shop.serviceSecret, licenseKey: shop.licenseKey },
    stockPushIntervalMs: 1000 / SPEED,
    ...options,
  });
  const callsTo = async (path: string) =>
    ((await mall.calls(path)).items as Call[]).filter((c) => c.shopId === shop.shopId);
  return { ...shop, client, callsTo };
}

const rejection = async (promise: Promise<unknown>): Promise<MallError> => {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof MallError, `a MallError, not ${String(error)}`);
    return error;
  }
  assert.fail("expected the call to be refused");
};

/** The mall's view of a placed order (orderNumber, basketIds, order …). */
const place = (shopId: string, body: Record<string, unknown>) =>
  mall.call("POST", `/shops/${shopId}/orders`, body);

const jst = (iso: string) => new Date(`${iso}+09:00`);
const SEARCH = "/es/2.0/order/searchOrder/";

test("searchOrderNumbers pages through more than 1,000 orders, each once, in order-date order", async () => {
  const shop = await newShop();
  const bulk = await mall.call("POST", `/shops/${shop.shopId}/orders/bulk`, {
    count: 2500,
    template: { orderedAt: "2025-06-01T00:00:00+09:00" },
    intervalSeconds: 60,
  });
  // Placed last (the highest serial) but ordered first: the order is by date, not by number.
  const early = await place(shop.shopId, { orderedAt: "2025-05-31T23:00:00+09:00" });
  const numbers = await shop.client.searchOrderNumbers({
    from: jst("2025-05-31T00:00:00"),
    to: jst("2025-06-03T00:00:00"),
  });
  assert.equal(numbers.length, 2501);
  assert.equal(new Set(numbers).size, 2501);
  assert.deepEqual(numbers, [early.orderNumber, ...bulk.orderNumbers]);
  assert.equal((await shop.callsTo(SEARCH)).length, 3, "pages of 1,000");
});

test("a window with no orders gives []", async () => {
  const shop = await newShop();
  await place(shop.shopId, { orderedAt: "2025-06-05T12:00:00+09:00" });
  const numbers = await shop.client.searchOrderNumbers({
    from: jst("2025-06-01T00:00:00"),
    to: jst("2025-06-02T00:00:00"),
  });
  assert.deepEqual(numbers, []);
});

test("getOrders of 250 numbers asks 100 at a time and maps every order", async () => {
  const shop = await newShop();
  const mixed = await place(shop.shopId, {
    orderedAt: "2025-06-09T09:30:00+09:00",
    packages: [
      {
        items: [
          {
            manageNumber: "c3ps390",
            itemName: "Tシャツ",
            price: 1200,
            units: 2,
            variantId: "11",
            merchantDefinedSkuId: "c3ps390M090",
            skuInfo: "サイズ:M\nカラー:黒",
          },
        ],
        postagePrice: -9999,
      },
      {
        items: [
          {
            manageNumber: "pa-pc3-",
            itemNumber: "PA-PC3-XXSBR",
            itemName: "ケース",
            price: 2598,
            units: 1,
            skuEra: false,
            selectedChoice: "機種:iphone X/XS\nカラー:Black+Red",
          },
        ],
        postagePrice: 550,
      },
    ],
  });
  const short = await place(shop.shopId, { serialDigits: 8 });
  const bulk = await mall.call("POST", `/shops/${shop.shopId}/orders/bulk`, { count: 248 });
  const numbers: string[] = [mixed.orderNumber, short.orderNumber, ...bulk.orderNumbers];
  assert.equal(numbers.length, 250);

  const orders = await shop.client.getOrders(numbers);
  assert.equal((await shop.callsTo("/es/2.0/order/getOrder/")).length, 3);
  assert.deepEqual(
    orders.map((o) => o.mallOrderNumber),
    numbers,
  );
  const byNumber = new Map(orders.map((o) => [o.mallOrderNumber, o]));
  const first = byNumber.get(mixed.orderNumber) as MallOrder;
  assert.equal(first.packages.length, 2);
  const [sized, old] = first.packages;
  assert.equal(sized?.shippingFee, null, "-9999 送料未確定 is null, never 0 or -9999");
  assert.equal(old?.shippingFee, 550);
  assert.equal(first.shippingFee, null);
  assert.equal(first.billedTotal, null);
  assert.equal(first.subtotal, 1200 * 2 + 2598);
  assert.equal(sized?.mallPackageId, String(mixed.basketIds[0]));
  assert.deepEqual(
    sized?.items.map((i) => [i.mallItemCode, i.mallSkuCode, i.mallVariantId, i.quantity, i.unitPrice]),
    [["c3ps390", "c3ps390M090", "11", 2, 1200]],
  );
  // Bought before the SKU migration: the variation text is the SKU key, and there is no variantId.
  assert.deepEqual(
    old?.items.map((i) => [i.mallItemCode, i.mallSkuCode, i.mallVariantId]),
    [["pa-pc3-", "機種:iphone X/XS\nカラー:Black+Red", undefined]],
  );

  const eight = byNumber.get(short.orderNumber) as MallOrder;
  assert.match(eight.mallOrderNumber, /^\d+-\d{8}-\d{8}$/);
  const plain = byNumber.get(bulk.orderNumbers[0]) as MallOrder;
  for (const o of [eight, plain]) {
    assert.equal(o.subtotal, 3300);
    assert.equal(o.shippingFee, 0);
    assert.equal(o.billedTotal, 3300);
    assert.equal(o.mallStatus.code, "100");
  }
});

test("getOrders leaves out numbers the mall does not know", async () => {
  const shop = await newShop();
  const known = await place(shop.shopId, {});
  const orders = await shop.client.getOrders([
    `${shop.shopId}-20250610-9999999999`,
    known.orderNumber,
    "100001-20250101-0000000001",
  ]);
  assert.deepEqual(
    orders.map((o) => o.mallOrderNumber),
    [known.orderNumber],
  );
  assert.deepEqual(await shop.client.getOrders([`${shop.shopId}-20250610-9999999998`]), []);
});

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
    carrierCode: "1001",
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

test("reportShipping adds a shipping, then updates that one; a carrier name is refused", async () => {
  const shop = await newShop();
  const placed = await place(shop.shopId, {});
  await shop.client.confirmOrders([placed.orderNumber]);
  const report = {
    mallOrderNumber: placed.orderNumber,
    mallPackageId: String(placed.basketIds[0]),
    carrierCode: "1001",
    trackingNumber: "1111-2222-3333",
    shippedOn: "2025-06-10",
  };
  const added = await shop.client.reportShipping(report);
  const shippingsAtMall = async () =>
    (await mall.view(placed.orderNumber)).order.PackageModelList[0].ShippingModelList as {
      shippingDetailId: number;
      shippingNumber: string;
    }[];
  const [atMall] = await shippingsAtMall();
  assert.equal(added.mallShippingId, String(atMall?.shippingDetailId));

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

  const error = await rejection(shop.client.reportShipping({ ...report, carrierCode: "ヤマト運輸" }));
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
  const shop = await newShop({ timeoutMs: 500 });
  const window = { from: jst("2025-06-01T00:00:00"), to: jst("2025-06-02T00:00:00") };
  t.after(() => mall.clearFaults());
  for (const [kind, code] of [
    ["status500", "rakuten.unavailable"],
    ["status503", "rakuten.unavailable"],
    ["timeout", "rakuten.timeout"],
    ["malformed_json", "rakuten.malformed_response"],
  ] as const) {
    await mall.fault({ path: SEARCH, kind });
    const error = await rejection(shop.client.searchOrderNumbers(window));
    assert.deepEqual([kind, error.code, error.retryable], [kind, code, true]);
  }
  assert.deepEqual(await shop.client.searchOrderNumbers(window), [], "the faults were used up");
});

test("a 429 at bulk-upsert is waited out: a client that pushes too fast still gets its stock through", async () => {
  const shop = await newShop();
  const hasty = createRakutenClient({
    baseUrl: sandbox.url,
    credentials: { serviceSecret: shop.serviceSecret, licenseKey: shop.licenseKey },
    stockPushIntervalMs: 0,
  });
  const updates = Array.from({ length: 800 }, (_, i) => ({
    mallItemCode: `fast-${i}`,
    mallVariantId: "v",
    quantity: 7,
  }));
  await hasty.pushStock(updates);
  const calls = await shop.callsTo("/es/2.0/inventories/bulk-upsert");
  assert.deepEqual(
    calls.map((c) => c.status),
    [204, 429, 204],
  );
  assert.equal((await mall.inventory(shop.shopId)).inventories.length, 800);
});

test("a search with more hits than RMS shows (15,000) is split until every order is seen", async () => {
  const shop = await newShop();
  const bulk = await mall.call("POST", `/shops/${shop.shopId}/orders/bulk`, {
    count: 15_500,
    template: { orderedAt: "2025-06-01T00:00:00+09:00" },
    intervalSeconds: 10,
  });
  const numbers = await shop.client.searchOrderNumbers({
    from: jst("2025-06-01T00:00:00"),
    to: jst("2025-06-03T23:59:59"),
  });
  assert.equal(numbers.length, 15_500);
  assert.deepEqual(numbers, bulk.orderNumbers);
});
