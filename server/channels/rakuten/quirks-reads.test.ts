import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { MallOrder } from "#server/ports/mall.ts";
import { jst, SEARCH, startContractMall } from "#test/channels/rakuten-contract.ts";

/** RMS quirks (beside the shared suites of contract.test.ts). The RMS client's reads against the sandbox: searchOrder paging and splitting, getOrder chunks and mapping. */

let contract: Awaited<ReturnType<typeof startContractMall>>;
let mall: typeof contract.mall;
let newShop: typeof contract.newShop;
let place: typeof contract.place;

before(async () => {
  contract = await startContractMall();
  ({ mall, newShop, place } = contract);
});
after(() => contract.close());

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

test("a search with more hits than RMS shows (15,000) is split until every order is seen", async () => {
  const shop = await newShop();
  const bulk = await mall.call("POST", `/shops/${shop.shopId}/orders/bulk`, {
    count: 15_500,
    template: { orderedAt: "2025-06-01T00:00:00+09:00" },
    // Several orders in some seconds: the halves of a split window must still meet at a whole second.
    intervalSeconds: 0.7,
  });
  const numbers = await shop.client.searchOrderNumbers({
    from: jst("2025-06-01T00:00:00"),
    to: jst("2025-06-03T23:59:59"),
  });
  assert.equal(numbers.length, 15_500);
  assert.deepEqual(numbers, bulk.orderNumbers);
});
