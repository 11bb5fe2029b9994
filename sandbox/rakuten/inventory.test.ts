import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { item, startTestSandbox, type TestSandbox } from "./test-support.ts";

let t: TestSandbox;
before(async () => {
  t = await startTestSandbox({ start: "2025-06-10T10:00:00+09:00", inventoryUpsertsPerSecond: 0 });
});
after(() => t.close());

const UPSERT = "/es/2.0/inventories/bulk-upsert";
const row = (manageNumber: string, variantId: string, quantity: number, mode = "ABSOLUTE") => ({
  manageNumber,
  variantId,
  mode,
  quantity,
});

test("bulk-upsert answers 204 with no body, and bulk-get reads the rows back in +09:00 time", async () => {
  const res = await t.rms(UPSERT, { inventories: [row("MNG1234", "sku1", 70), row("mng1234", "SKU2", 3)] });
  assert.deepEqual([res.status, res.text], [204, ""]);
  const relative = await t.rms("/es/2.1/inventories/bulk-upsert", {
    inventories: [row("mng1234", "sku1", -2, "RELATIVE")],
  });
  assert.equal(relative.status, 204);
  const read = await t.rms("/es/2.0/inventories/bulk-get", {
    inventories: [
      { manageNumber: "mng1234", variantId: "sku1" },
      { manageNumber: "mng1234", variantId: "sku2" },
      { manageNumber: "mng1234", variantId: "SKU2" },
    ],
  });
  assert.equal(read.status, 200);
  assert.deepEqual(read.body, {
    inventories: [
      {
        manageNumber: "mng1234",
        variantId: "sku1",
        quantity: 68,
        created: "2025-06-10T10:00:00+09:00",
        updated: "2025-06-10T10:00:00+09:00",
      },
      {
        manageNumber: "mng1234",
        variantId: "SKU2",
        quantity: 3,
        created: "2025-06-10T10:00:00+09:00",
        updated: "2025-06-10T10:00:00+09:00",
      },
    ],
  });
  const mall = await t.control("GET", "/_sandbox/inventory/365811");
  assert.deepEqual(
    mall.body.inventories.map((r: { variantId: string; quantity: number }) => [r.variantId, r.quantity]),
    [
      ["SKU2", 3],
      ["sku1", 68],
    ],
  );
});

test("more than 400 rows, a quantity outside 0–99999 or a bad mode are refused whole, in the errors body", async () => {
  const many = Array.from({ length: 401 }, (_, i) => row("bulk", `v${i}`, 1));
  const tooMany = await t.rms(UPSERT, { inventories: many });
  assert.deepEqual([tooMany.status, tooMany.body.errors[0].metadata.propertyPath], [400, "inventories"]);
  assert.equal((await t.rms(UPSERT, { inventories: many.slice(0, 400) })).status, 204);
  const bad = await t.rms(UPSERT, {
    inventories: [
      row("ok-item", "a", 1),
      row("x".repeat(33), "b", 1),
      { ...row("ok-item", "c", 1), mode: "SET" },
      row("ok-item", "d", 100_000),
    ],
  });
  assert.equal(bad.status, 400);
  assert.deepEqual(bad.body.errors, [
    {
      code: "IE0004",
      message: "Max length of manageNumber must be within 32 bytes.",
      metadata: { propertyPath: "inventories[1].manageNumber" },
    },
    {
      code: "IE0002",
      message: "mode has an invalid value : SET.",
      metadata: { propertyPath: "inventories[2].mode" },
    },
    {
      code: "IE0003",
      message: "quantity must be between 0 and 99999.",
      metadata: { propertyPath: "inventories[3].quantity" },
    },
  ]);
  const typed = await t.rms(UPSERT, { inventories: [{ ...row("ok-item", "a", 1), quantity: "a" }] });
  assert.equal(typed.body.errors[0].message, "quantity has an invalid value : a.");
  const read = await t.rms("/es/2.0/inventories/bulk-get", {
    inventories: [{ manageNumber: "ok-item", variantId: "a" }],
  });
  assert.deepEqual(read.body.inventories, [], "nothing of a refused request was written");
  const newRelative = await t.rms(UPSERT, { inventories: [row("fresh", "a", 5, "RELATIVE")] });
  assert.equal(newRelative.body.errors[0].metadata.propertyPath, "inventories[0].mode");
  const below = await t.rms(UPSERT, { inventories: [row("mng1234", "SKU2", -4, "RELATIVE")] });
  assert.equal(below.body.errors[0].code, "IE0003");
});

test("one bulk-upsert a second per shop: the second in the same second gets 429", async () => {
  const limited = await startTestSandbox({ start: "2025-06-10T10:00:00+09:00" });
  try {
    const send = () => limited.rms(UPSERT, { inventories: [row("tea", "default", 10)] });
    assert.equal((await send()).status, 204);
    limited.clock.advance(999);
    const refused = await send();
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get("retry-after"), "1");
    assert.equal(refused.body.Results.message, "Too Many Requests");
    limited.clock.advance(1);
    assert.equal((await send()).status, 204);
    await limited.control("PATCH", "/_sandbox/settings", { inventoryUpsertsPerSecond: 0 });
    assert.deepEqual([(await send()).status, (await send()).status], [204, 204]);
    const calls = await limited.control("GET", `/_sandbox/calls?path=${UPSERT}`);
    assert.deepEqual(
      calls.body.items.map((c: { status: number }) => c.status),
      [204, 429, 204, 204, 204],
    );
  } finally {
    await limited.close();
  }
});

test("a buyer's order takes the mall's stock and a settled cancel gives it back", async () => {
  await t.control("PUT", "/_sandbox/inventory/365811", {
    inventories: [{ manageNumber: "mug", variantId: "blue", quantity: 5 }],
  });
  const placed = await t.placeOrder({ packages: [{ items: [item("mug", 1200, 2, { variantId: "blue" })] }] });
  const stock = async () =>
    (
      await t.rms("/es/2.0/inventories/bulk-get", {
        inventories: [{ manageNumber: "mug", variantId: "blue" }],
      })
    ).body.inventories[0].quantity;
  assert.equal(await stock(), 3);
  await t.rms("/es/2.0/order/cancelOrder/", {
    orderNumber: placed.orderNumber,
    inventoryRestoreType: 1,
    changeReasonDetailApply: 1,
  });
  assert.equal(await stock(), 5);
  const kept = await t.placeOrder({ packages: [{ items: [item("mug", 1200, 1, { variantId: "blue" })] }] });
  await t.rms("/es/2.0/order/cancelOrder/", {
    orderNumber: kept.orderNumber,
    inventoryRestoreType: 2,
    changeReasonDetailApply: 1,
  });
  assert.equal(await stock(), 4, "inventoryRestoreType 2 keeps the stock down");
});
