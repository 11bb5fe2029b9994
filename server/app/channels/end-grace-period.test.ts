import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import { orders } from "#server/db/schema.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { orderBody } from "#test/catalog-api.ts";
import { endGracePeriods } from "./end-grace-period.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const status = async (id: string) => (await t.api("GET", `/api/orders/${id}`)).body.status;

test("the sweep skips an order someone is changing and takes it at the next sweep; the others move on now", {
  // PGlite is one connection: a transaction held open would stop the sweep itself.
  skip: process.env.DATABASE_URL ? false : "needs a second connection",
}, async () => {
  const shopId = (await t.api("POST", "/api/shops", { channel: "rakuten", name: "楽天店" })).body.id;
  const ids: string[] = [];
  for (const n of [1, 2, 3]) {
    const body = orderBody(shopId, `SWEEP-${n}`, [{ mallItemCode: "x", quantity: 1 }]);
    ids.push((await t.api("POST", "/api/orders", body)).body.id);
  }
  const [busy, ...others] = ids as [string, ...string[]];
  t.clock.advance(31 * 60_000);
  let release = () => {};
  let locked = () => {};
  const isLocked = new Promise<void>((r) => {
    locked = r;
  });
  const holder = t.ctx.db.transaction(async (tx) => {
    await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, busy)).for("update");
    locked();
    await new Promise<void>((r) => {
      release = r;
    });
  });
  await isLocked;
  assert.equal(await endGracePeriods(t.ctx, shopId), 2, "not waiting for the busy one");
  release();
  await holder;
  for (const id of others) assert.equal(await status(id), "awaiting_confirmation");
  assert.equal(await status(busy), "new");
  assert.equal(await endGracePeriods(t.ctx, shopId), 1);
  assert.equal(await status(busy), "awaiting_confirmation");
  assert.equal(await endGracePeriods(t.ctx, shopId), 0, "nothing is moved twice");
});
