import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq, sql } from "drizzle-orm";
import { allocations, stock } from "#server/db/schema.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { mapItem, newProduct, orderBody } from "#test/catalog-api.ts";

// On PostgreSQL (DATABASE_URL) these requests run as truly concurrent transactions on a pool; on
// PGlite they serialize, and the same outcome must hold.
let t: TestApp;
let shopId: string;

before(async () => {
  t = await startTestApp();
  shopId = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
});
after(() => t.close());

/** What the database holds for a product, summed from the allocation rows too, so both must agree. */
async function ledger(productId: string) {
  const [row] = await t.database.db.select().from(stock).where(eq(stock.productId, productId));
  const [held] = await t.database.db
    .select({ n: sql<number>`coalesce(sum(${allocations.allocated}), 0)::int` })
    .from(allocations)
    .where(eq(allocations.productId, productId));
  return { onHand: row?.onHand, allocated: row?.allocated, heldByOrders: held?.n };
}

const register = (mallOrderNumber: string, mallItemCode: string) =>
  t.api("POST", "/api/orders", orderBody(shopId, mallOrderNumber, [{ mallItemCode, quantity: 1 }]));

const everyAnswered = (responses: { status: number; body: unknown }[]) => {
  for (const r of responses) assert.ok(r.status < 300, `${r.status} ${JSON.stringify(r.body)}`);
};

test("eight orders racing for the last unit: exactly one gets it, nothing oversold", async () => {
  const p = await newProduct(t, "LAST-ONE", 1);
  await mapItem(t, shopId, "last-one", [{ productId: p, quantity: 1 }]);
  const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => register(`RACE-${i}`, "last-one")));
  everyAnswered(responses);
  const statuses = responses.map((r) => r.body.status).sort();
  assert.deepEqual(statuses, ["awaiting_shipment", ...Array(7).fill("confirmed")]);
  assert.deepEqual(await ledger(p), { onHand: 1, allocated: 1, heldByOrders: 1 });
});

test("orders and arrivals racing: stock is never oversold and every unit that came in is handed out", async () => {
  const p = await newProduct(t, "ARRIVING", 1);
  await mapItem(t, shopId, "arriving", [{ productId: p, quantity: 1 }]);
  const responses = await Promise.all([
    ...Array.from({ length: 6 }, (_, i) => register(`ARR-${i}`, "arriving")),
    t.api("POST", `/api/products/${p}/stock`, { delta: 1 }),
    t.api("POST", `/api/products/${p}/stock`, { delta: 1 }),
  ]);
  everyAnswered(responses);
  // An order that began waiting while an arrival held the stock row is served by the follow-up job.
  await t.runDueJobs("allocate-waiting-orders");
  assert.deepEqual(await ledger(p), { onHand: 3, allocated: 3, heldByOrders: 3 });
  const list = await t.api("GET", "/api/orders?q=arr-&limit=10");
  const ready = list.body.items.filter((o: { status: string }) => o.status === "awaiting_shipment");
  assert.equal(ready.length, 3);
});

test("set items and arrivals of both parts racing never deadlock", async () => {
  const a = await newProduct(t, "PART-A", 2);
  const b = await newProduct(t, "PART-B", 0);
  await mapItem(t, shopId, "set-ab", [
    { productId: a, quantity: 1 },
    { productId: b, quantity: 1 },
  ]);
  await mapItem(t, shopId, "only-b", [{ productId: b, quantity: 1 }]);
  // Some orders wait on both parts first, so the arrivals race with orders already waiting too.
  everyAnswered(await Promise.all([register("SET-W1", "set-ab"), register("SET-W2", "only-b")]));
  const responses = await Promise.all([
    ...Array.from({ length: 4 }, (_, i) => register(`SET-${i}`, i % 2 ? "set-ab" : "only-b")),
    t.api("POST", `/api/products/${b}/stock`, { delta: 3 }),
    t.api("POST", `/api/products/${a}/stock`, { delta: 1 }),
    t.api("POST", `/api/products/${b}/stock`, { delta: 1 }),
  ]);
  everyAnswered(responses);
  await t.runDueJobs("allocate-waiting-orders");
  assert.deepEqual(await ledger(a), { onHand: 3, allocated: 3, heldByOrders: 3 }, "three sets want A");
  assert.deepEqual(await ledger(b), { onHand: 4, allocated: 4, heldByOrders: 4 }, "six orders want B");
});
