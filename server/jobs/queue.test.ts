import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { and, eq, sql } from "drizzle-orm";
import { tags } from "#server/db/schema.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { orderBody } from "#test/catalog-api.ts";
import { eachJob } from "./batch.ts";
import { handleGracePeriodOver } from "./grace-period-over.ts";
import { bossErrorLine } from "./queue.ts";
import { settledOneByOne, WORK_OPTIONS } from "./workers.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test("a job enqueued in a business transaction exists exactly when that transaction commits", async () => {
  await t.ctx.db.transaction(async (tx) => {
    await t.ctx.jobs.enqueue(tx, "allocate-waiting-orders", { marker: "committed" });
  });
  await assert.rejects(
    t.ctx.db.transaction(async (tx) => {
      await t.ctx.jobs.enqueue(tx, "allocate-waiting-orders", { marker: "rolled-back" });
      throw new Error("the business change failed");
    }),
    /the business change failed/,
  );
  const queued = (await t.queuedJobs("allocate-waiting-orders")).map((j) => j.data.marker);
  assert.deepEqual(queued, ["committed"]);
});

test("a handler that crashes leaves its job for a retry and the order untouched", async () => {
  const shopId = (await t.api("POST", "/api/shops", { channel: "rakuten", name: "楽天店" })).body.id;
  const order = (
    await t.api("POST", "/api/orders", orderBody(shopId, "CRASH-1", [{ mallItemCode: "x", quantity: 1 }]))
  ).body;
  t.clock.advance(31 * 60_000);
  // The crash: the system tag the check needs is gone, so the job fails after it already moved the
  // order to 確認待 inside its transaction.
  const [unmapped] = await t.database.db
    .delete(tags)
    .where(and(eq(tags.accountId, t.owner.accountId), eq(tags.systemCode, "unmapped_item")))
    .returning();
  assert.ok(unmapped);
  await assert.rejects(t.runDueJobs("grace-period-over"), /has no system tag unmapped_item/);
  await t.database.db.insert(tags).values(unmapped);
  assert.equal((await t.api("GET", `/api/orders/${order.id}`)).body.status, "new");
  const retry = await t.database.db.execute(
    // pg-boss keeps a failed job for its next attempt, with backoff, until retryLimit is spent.
    sql`select state, retry_count from pgboss.job where name = 'grace-period-over'`,
  );
  const rows = (retry as unknown as { rows: { state: string; retry_count: number }[] }).rows;
  assert.deepEqual(
    rows.map((r) => r.state),
    ["retry"],
  );
  await t.database.db.execute(
    sql`update pgboss.job set start_after = now() where name = 'grace-period-over'`,
  );
  const [job] = await t.jobs.boss.fetch<{ shopId: string }>("grace-period-over");
  assert.ok(job);
  assert.deepEqual(await handleGracePeriodOver(t.ctx, [job.data]), [null]);
  await t.jobs.boss.complete("grace-period-over", job.id);
  assert.equal((await t.api("GET", `/api/orders/${order.id}`)).body.status, "awaiting_confirmation");
});

test("one failing job of a fetch is retried alone: the others of its batch are done once", async () => {
  const ran: string[] = [];
  const handle = eachJob(async (_ctx, data: { marker: string }) => {
    ran.push(data.marker);
    if (data.marker === "bad") throw new Error("this one only");
  });
  await t.ctx.db.transaction(async (tx) => {
    for (const marker of ["a", "bad", "b"]) await t.ctx.jobs.enqueue(tx, "mall-cancel-withdraw", { marker });
  });
  await t.jobs.boss.work("mall-cancel-withdraw", WORK_OPTIONS, settledOneByOne(t.ctx, handle));
  for (let waited = 0; ran.length < 3 && waited < 10_000; waited += 50)
    await new Promise((r) => setTimeout(r, 50));
  await t.jobs.boss.offWork("mall-cancel-withdraw", { wait: true });
  assert.deepEqual(ran.sort(), ["a", "b", "bad"], "one fetch took all three");
  const states = await t.database.db.execute(
    sql`select data->>'marker' as marker, state, split_part(output->>'message', E'\n', 1) as why from pgboss.job where name = 'mall-cancel-withdraw' order by 1`,
  );
  assert.deepEqual((states as unknown as { rows: unknown[] }).rows, [
    { marker: "a", state: "completed", why: null },
    { marker: "b", state: "completed", why: null },
    { marker: "bad", state: "retry", why: "Error: this one only" },
  ]);
});

test("pg-boss's copy of a worker's database error is logged with its code, message and queue", async () => {
  const error: Error = await t.database.db.execute(sql`select 1 / 0`).then(
    () => assert.fail("1 / 0 answered"),
    (e: Error) => e,
  );
  // What pg-boss's manager emits for a worker's failure: not an Error, a spread copy naming its queue.
  const line = bossErrorLine({ ...error, message: error.message, stack: error.stack, queue: "send-mail" });
  assert.match(line, /^pg-boss \(send-mail\):\n/);
  assert.match(line, /database error 22012: division by zero/);
  assert.doesNotMatch(line, /\[object Object\]/);
});
