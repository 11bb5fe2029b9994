import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { type BuyerBrowser, companyWithBuyer } from "#test/buyer-api.ts";
import { newProduct } from "#test/catalog-api.ts";
import { operationsOf, sampleOf } from "#test/openapi-samples.ts";

let t: TestApp;
let b: BuyerBrowser;
/** What only company A (of this merchant) or the other merchant's company may see. */
const foreign: Record<string, string> = {};

before(async () => {
  t = await startTestApp();
  const onlyA = await newProduct(t, "ISO-A-ONLY", 20);
  const shared = await newProduct(t, "ISO-SHARED", 20);
  const a = await companyWithBuyer(t, "ISO-A");
  const own = await companyWithBuyer(t, "ISO-B");
  b = own.browser;
  await t.api("PUT", "/api/b2b/prices", {
    items: [
      { productId: onlyA, companyId: a.companyId, unitPrice: 7771, minQuantity: 1, lotQuantity: 1 },
      { productId: shared, companyId: a.companyId, unitPrice: 7772, minQuantity: 1, lotQuantity: 1 },
      { productId: shared, companyId: own.companyId, unitPrice: 500, minQuantity: 1, lotQuantity: 1 },
    ],
  });
  const orderA = await a.browser.call("POST", "/api/buyer/orders", {
    shipToId: a.shipToId,
    lines: [{ productId: onlyA, quantity: 1 }],
  });
  assert.equal(orderA.status, 201, JSON.stringify(orderA.body));

  const other = await t.newAccount("よその商店");
  const theirProduct = await newProduct(t, "ISO-M2", 20, other.apiToken);
  const m2 = await companyWithBuyer(t, "ISO-M2", { token: other.apiToken });
  await t.api(
    "PUT",
    "/api/b2b/prices",
    {
      items: [
        { productId: theirProduct, companyId: m2.companyId, unitPrice: 7773, minQuantity: 1, lotQuantity: 1 },
      ],
    },
    other.apiToken,
  );
  const orderM2 = await m2.browser.call("POST", "/api/buyer/orders", {
    shipToId: m2.shipToId,
    lines: [{ productId: theirProduct, quantity: 1 }],
  });
  assert.equal(orderM2.status, 201, JSON.stringify(orderM2.body));
  Object.assign(foreign, {
    orderA: orderA.body.id,
    numberA: orderA.body.orderNumber,
    shipToA: a.shipToId,
    companyA: a.companyId,
    nameA: "株式会社ISO-A",
    onlyA,
    priceA: "7771",
    sharedPriceA: "7772",
    orderM2: orderM2.body.id,
    numberM2: orderM2.body.orderNumber,
    shipToM2: m2.shipToId,
    nameM2: "株式会社ISO-M2",
    productM2: theirProduct,
    priceM2: "7773",
  });
});
after(() => t.close());

const leaks = (body: unknown) => {
  const text = JSON.stringify(body);
  return Object.entries(foreign)
    .filter(([, v]) => text.includes(v))
    .map(([k]) => k);
};

test("every buyer route, called as company B with company A's and another merchant's ids: 404 or refused, never their data", async () => {
  const spec = (await b.call("GET", "/api/buyer/openapi.json")).body;
  const operations = operationsOf(spec).filter(
    // Signing in and out and invitations name no company's data; the session is needed to the end.
    (op) => !op.path.endsWith("/session") && !op.path.includes("/invitations/"),
  );
  assert.ok(operations.length >= 6, `only ${operations.length} buyer routes to walk`);
  for (const target of ["A", "M2"] as const) {
    const ids: Record<string, string> = {
      id: foreign[`order${target}`] ?? "",
      shipToId: foreign[`shipTo${target}`] ?? "",
      productId: target === "A" ? (foreign.onlyA ?? "") : (foreign.productM2 ?? ""),
    };
    for (const op of operations) {
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? ids.id ?? "");
      const body =
        op.body && op.body !== "csv" ? sampleOf(op.body, (field) => ids[field] ?? ids.id ?? "") : undefined;
      const res = await b.call(op.method, path, body);
      const where = `${op.method} ${path} (${target})`;
      assert.ok(res.status < 500, `${where}: ${res.status}`);
      if (op.path.includes("{") || body !== undefined) {
        assert.ok(
          [404, 422].includes(res.status),
          `${where} answered ${res.status}: ${JSON.stringify(res.body)}`,
        );
      } else assert.equal(res.status, 200, `${where}: ${JSON.stringify(res.body)}`);
      assert.deepEqual(leaks(res.body), [], `${where} showed another company's data`);
    }
  }
  const mine = await b.call("GET", "/api/buyer/orders");
  assert.deepEqual(mine.body.items, [], "nothing was ordered on another company's ids");
});

test("B's catalogue, ship-to book and history hold only B's own prices, addresses and orders", async () => {
  const catalogue = await b.call("GET", "/api/buyer/catalogue");
  assert.deepEqual(
    catalogue.body.items.map((i: { sku: string; unitPrice: number }) => [i.sku, i.unitPrice]),
    [["ISO-SHARED", 500]],
  );
  const book = await b.call("GET", "/api/buyer/ship-to");
  assert.equal(book.body.items.length, 1);
  assert.deepEqual(leaks(book.body), []);
  const search = await b.call("GET", "/api/buyer/catalogue?q=ISO-A-ONLY");
  assert.deepEqual(search.body.items, []);
});

test("the buyer routes stay out of the merchant's document, and a merchant token opens none of them", async () => {
  const merchant = (await t.api("GET", "/api/openapi.json")).body;
  assert.deepEqual(
    Object.keys(merchant.paths).filter((p) => p.startsWith("/api/buyer")),
    [],
  );
  const withToken = await t.api("GET", "/api/buyer/orders");
  assert.equal(withToken.status, 401);
});
