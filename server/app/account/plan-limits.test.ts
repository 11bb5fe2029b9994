import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq, sql } from "drizzle-orm";
import { shops } from "#server/db/schema.ts";
import type { PlanCode } from "#server/domain/plans.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { enqueueDueInquiryImports, runInquiryImport } from "../inquiries/import-inquiries.ts";
import { createAccount } from "./create-account.ts";
import { setAccountPlan } from "./set-account-plan.ts";

// Limits that live in the data, not in a route: the number of shops, a warehouse linked through its
// own API, the scheduler's inquiry polls. Each account here is fresh, so the counts are its own.

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

async function accountOn(plan: PlanCode) {
  const { accountId, apiToken } = await t.newAccount();
  await setAccountPlan(t.ctx.db, { account: accountId, plan });
  const api = (method: string, path: string, body?: unknown) => t.api(method, path, body, apiToken);
  return { accountId, api };
}

test("a shop beyond the plan's limit is refused with plan.limit_reached naming a bigger plan, and none is made", async () => {
  const a = await accountOn("light");
  const first = await a.api("POST", "/api/shops", { channel: "manual", name: "一号店" });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  const second = await a.api("POST", "/api/shops", { channel: "manual", name: "二号店" });
  assert.equal(second.status, 403, JSON.stringify(second.body));
  assert.equal(second.body.code, "plan.limit_reached");
  assert.equal(second.body.rule, "plan.shop_limit");
  assert.match(second.body.detail, /ライト.*1件まで.*スタンダード以上/);
  assert.equal((await a.api("GET", "/api/shops")).body.items.length, 1);

  await setAccountPlan(t.ctx.db, { account: a.accountId, plan: "standard" });
  assert.equal((await a.api("POST", "/api/shops", { channel: "manual", name: "二号店" })).status, 201);
  const plan = (await a.api("GET", "/api/plan")).body;
  assert.deepEqual(plan.current, {
    code: "standard",
    label: "スタンダード",
    features: ["mail_automation"],
    shopLimit: 3,
  });
  assert.deepEqual(plan.usage, { shops: 2 });
  assert.ok(plan.plans.some((p: { code: string; shopLimit: number | null }) => p.shopLimit === null));
  assert.ok(plan.features.some((f: { code: string; label: string }) => f.label === "メール自動送信"));
});

test("shops created at once on the last free place: one is made, the other refused", async () => {
  const a = await accountOn("light");
  const tries = await Promise.all(
    ["A", "B", "C"].map((n) => a.api("POST", "/api/shops", { channel: "manual", name: `同時${n}` })),
  );
  assert.deepEqual(tries.map((r) => r.status).sort(), [201, 403, 403]);
  assert.equal((await a.api("GET", "/api/shops")).body.items.length, 1);
});

test("a warehouse linked through its own API needs warehouse_linkage; the own stock room does not", async () => {
  const a = await accountOn("standard");
  const kinds = (await a.api("GET", "/api/warehouse-kinds")).body.items;
  const linked = kinds.find((k: { capabilities: { linkage: boolean } }) => k.capabilities.linkage);
  assert.ok(linked, "a registered kind with linkage");
  const credentials = Object.fromEntries(
    linked.credentials.map((f: { key: string }) => [f.key, "k".repeat(32)]),
  );
  const refused = await a.api("POST", "/api/warehouses", {
    name: "外部倉庫",
    kind: linked.kind,
    credentials,
  });
  assert.equal(refused.status, 403, JSON.stringify(refused.body));
  assert.equal(refused.body.code, "plan.feature_not_included");
  assert.equal(refused.body.rule, "plan.warehouse_linkage");
  assert.match(refused.body.detail, /スタンダード.*自動化プラン以上/);
  assert.equal((await a.api("GET", "/api/warehouses")).body.items.length, 1, "only the own stock room");
  const own = await a.api("POST", "/api/warehouses", { name: "第二倉庫", kind: "self" });
  assert.equal(own.status, 201, JSON.stringify(own.body));

  await setAccountPlan(t.ctx.db, { account: a.accountId, plan: "automation" });
  const made = await a.api("POST", "/api/warehouses", { name: "外部倉庫", kind: linked.kind, credentials });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  // Back on a plan without the linkage: the warehouse is kept and renamed, but not reconnected.
  await setAccountPlan(t.ctx.db, { account: a.accountId, plan: "standard" });
  const renamed = await a.api("PATCH", `/api/warehouses/${made.body.id}`, { name: "外部倉庫(旧)" });
  assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
  const reconnect = await a.api("PATCH", `/api/warehouses/${made.body.id}`, { credentials });
  assert.equal(reconnect.status, 403);
  assert.equal(reconnect.body.rule, "plan.warehouse_linkage");
});

test("the scheduler polls no inquiries for an account without inquiry_linkage, and a poll already queued does not run", async () => {
  const a = await accountOn("standard");
  const channel = t.ctx.channels.list.find((c) => c.capabilities.inquiries);
  assert.ok(channel, "a channel that answers buyer messages");
  const shopId = (await a.api("POST", "/api/shops", { channel: "manual", name: "問い合わせ店" })).body.id;
  // Straight into the row: the channel's connection does not matter to the scheduler.
  await t.ctx.db
    .update(shops)
    .set({
      channel: channel.code,
      settings: sql`${shops.settings} || '{"importEnabled": true}'::jsonb`,
    })
    .where(eq(shops.id, shopId));
  const queuedFor = async () =>
    (await t.queuedJobs("inquiry-import")).filter((j) => j.data.shopId === shopId).length;

  t.clock.advance(60_000);
  await enqueueDueInquiryImports(t.ctx);
  assert.equal(await queuedFor(), 0, "not on a plan without the linkage");
  assert.equal(await runInquiryImport(t.ctx, shopId), null, "a poll already queued does nothing");

  await setAccountPlan(t.ctx.db, { account: a.accountId, plan: "automation" });
  await enqueueDueInquiryImports(t.ctx);
  assert.equal(await queuedFor(), 1, "due at once when the plan has it again");
});

test("the operator's plan change names the account by id or by a user's e-mail; unknown ones are refused", async () => {
  const email = `plan-${Date.now()}@example.jp`;
  const { accountId } = await createAccount(t.ctx, { name: "プラン商店", email, password: "long enough pw" });
  const byEmail = await setAccountPlan(t.ctx.db, { account: email.toUpperCase(), plan: "business" });
  assert.deepEqual(
    [byEmail.accountId, byEmail.before, byEmail.after],
    [accountId, "self_hosted", "business"],
  );
  await assert.rejects(setAccountPlan(t.ctx.db, { account: accountId, plan: "gold" }), {
    code: "validation.failed",
  });
  await assert.rejects(setAccountPlan(t.ctx.db, { account: "nobody@example.jp", plan: "light" }), {
    code: "account.not_found",
  });
});
