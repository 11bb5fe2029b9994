import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { sql } from "drizzle-orm";
import { BULK_RUN_ATTEMPTS, BULK_RUN_BATCH } from "#server/app/orders/run-bulk-order-run.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { newOrder, orderBody } from "#test/catalog-api.ts";

let t: TestApp;
let manualShop: string;
let rakutenShop: string;

before(async () => {
  t = await startTestApp();
  manualShop = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  rakutenShop = (await t.api("POST", "/api/shops", { channel: "rakuten", name: "楽天店" })).body.id;
});
after(() => t.close());

const order = (shopId: string, n: string) =>
  newOrder(t, orderBody(shopId, n, [{ mallItemCode: "nobody-mapped-this", quantity: 1 }]));

test("a bulk cancel of a whole filter: batches across pages, refusals counted per rule, others untouched", async () => {
  const n = BULK_RUN_BATCH * 2 + 50;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    t.clock.advance(1_000);
    ids.push((await order(manualShop, `ALL-${String(i).padStart(3, "0")}`)).id);
  }
  // Two at the warehouse (出荷作業中) and three in the mall's grace period: each refused by its rule.
  const atWarehouse = ids.slice(10, 12);
  await t.database.db.execute(
    sql`update orders set status = 'shipping' where id in (${sql.join(atWarehouse, sql`, `)})`,
  );
  await t.database.db.execute(
    sql`update shipments set status = 'shipping' where order_id in (${sql.join(atWarehouse, sql`, `)})`,
  );
  for (let i = 0; i < 3; i++) await order(rakutenShop, `ALL-R${i}`);
  const notMatching = await order(manualShop, "OTHER-1");
  const other = await t.newAccount();
  const otherShop = (await t.api("POST", "/api/shops", { channel: "manual", name: "他社" }, other.apiToken))
    .body.id;
  const foreign = (
    await t.api(
      "POST",
      "/api/orders",
      orderBody(otherShop, "ALL-999", [{ mallItemCode: "x", quantity: 1 }]),
      other.apiToken,
    )
  ).body;

  const count = await t.api("GET", "/api/order-bulk-runs/count?q=ALL-");
  assert.deepEqual(count.body, { count: n + 3 });
  const started = await t.api("POST", "/api/order-bulk-runs", {
    action: "cancel",
    filter: { q: "ALL-" },
    reason: "在庫切れ",
  });
  assert.equal(started.status, 202, JSON.stringify(started.body));
  assert.deepEqual([started.body.status, started.body.total, started.body.processed], ["queued", n + 3, 0]);
  const began = performance.now();
  await t.runDueJobs("bulk-order-run");
  const ms = performance.now() - began;
  console.log(`bulk cancel of ${n + 3} orders: ${Math.round(ms)} ms`);
  // Embedded PGlite blocked the event loop for the job: idle sockets close before the next request.
  await delay(50);

  const run = (await t.api("GET", `/api/order-bulk-runs/${started.body.id}`)).body;
  assert.deepEqual([run.status, run.processed, run.succeeded, run.refused], ["succeeded", n + 3, n - 2, 5]);
  const byRule = Object.fromEntries(
    run.refusals.map((g: { rule: string; count: number; orders: { mallOrderNumber: string }[] }) => [
      g.rule,
      [g.count, g.orders.map((o) => o.mallOrderNumber)],
    ]),
  );
  assert.deepEqual(byRule, {
    in_grace_period: [3, ["ALL-R0", "ALL-R1", "ALL-R2"]],
    shipment_in_progress: [2, ["ALL-010", "ALL-011"]],
  });
  const shipping = run.refusals.find((g: { rule: string }) => g.rule === "shipment_in_progress");
  assert.equal(shipping.code, "order.cancel_not_allowed");
  assert.match(shipping.detail, /出荷作業中の注文はキャンセルできません/);

  const statuses = await t.database.db.execute(
    sql`select status, count(*)::int as n from orders where account_id = ${t.owner.accountId} group by status order by status`,
  );
  assert.deepEqual((statuses as unknown as { rows: unknown[] }).rows, [
    { status: "awaiting_confirmation", n: 1 },
    { status: "cancelled", n: n - 2 },
    { status: "new", n: 3 },
    { status: "shipping", n: 2 },
  ]);
  const untouched = await t.api("GET", `/api/orders/${notMatching.id}`);
  assert.equal(untouched.body.status, "awaiting_confirmation");
  const foreignAfter = await t.api("GET", `/api/orders/${foreign.id}`, undefined, other.apiToken);
  assert.equal(foreignAfter.body.status, "awaiting_confirmation", "another account's order is untouched");
  const cancelled = await t.api("GET", `/api/orders/${ids[0]}`);
  assert.ok(
    cancelled.body.events.some(
      (e: { message: string; actor: string }) =>
        e.message.includes("在庫切れ") && e.actor.startsWith("token:"),
    ),
    "each order's timeline carries the reason",
  );
  const hidden = await t.api("GET", `/api/order-bulk-runs/${run.id}`, undefined, other.apiToken);
  assert.equal(hidden.status, 404);
});

test("a run that needs a tag is refused without one; a bad filter is refused naming its field", async () => {
  const noTag = await t.api("POST", "/api/order-bulk-runs", { action: "attachTag", filter: {} });
  assert.equal(noTag.status, 422);
  assert.equal(noTag.body.errors[0].path, "tagId");
  const badFilter = await t.api("POST", "/api/order-bulk-runs", {
    action: "markPaid",
    filter: { plannedShipFrom: "tomorrow" },
  });
  assert.equal(badFilter.status, 422);
  assert.equal(badFilter.body.errors[0].path, "filter.plannedShipFrom");
});

test("a run whose job keeps failing ends failed with the reason after its last attempt", async () => {
  for (let i = 0; i < 3; i++) await order(manualShop, `FAIL-${i}`);
  // A real failure in the database: recording a batch's progress is refused, as a full disk would.
  await t.database.db.execute(sql`create function refuse_bulk_progress() returns trigger language plpgsql as $$
    begin raise exception 'could not extend file: No space left on device'; end $$`);
  await t.database.db.execute(sql`create trigger refuse_bulk_progress before update on bulk_order_runs
    for each row when (new.processed <> old.processed) execute function refuse_bulk_progress()`);
  try {
    const started = await t.api("POST", "/api/order-bulk-runs", {
      action: "markPaid",
      filter: { q: "FAIL-" },
    });
    for (let attempt = 1; attempt < BULK_RUN_ATTEMPTS; attempt++)
      await assert.rejects(t.runDueJobs("bulk-order-run"));
    assert.equal(await t.runDueJobs("bulk-order-run"), 1, "the last attempt completes its job");
    await delay(50);
    const run = (await t.api("GET", `/api/order-bulk-runs/${started.body.id}`)).body;
    assert.equal(run.status, "failed");
    assert.equal(
      run.error,
      `${BULK_RUN_ATTEMPTS}回試みましたが途中で止まりました(could not extend file: No space left on device)。それまでの注文は処理済みです。`,
    );
    assert.deepEqual(await t.queuedJobs("bulk-order-run"), []);
  } finally {
    await t.database.db.execute(sql`drop trigger refuse_bulk_progress on bulk_order_runs`);
  }
});
