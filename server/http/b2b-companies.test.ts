import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq } from "drizzle-orm";
import { accounts } from "#server/db/schema.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { buyerBrowser, companyWithBuyer } from "#test/buyer-api.ts";
import { personWith } from "#test/people.ts";

let t: TestApp;

before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const company = (code: string, extra: Record<string, unknown> = {}) => ({
  name: `株式会社${code}`,
  code,
  paymentTerms: "invoice",
  ...extra,
});

test("the first 取引先 sets the desk up: one shop of channel b2b, settings off by default", async () => {
  assert.equal((await t.api("GET", "/api/b2b/settings")).body.shopId, null);
  const first = await t.api("POST", "/api/b2b/companies", company("DESK-1"));
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.equal(first.body.closingDay, 31, "掛け払い without a 締め日 closes at month end");
  assert.equal(first.body.paymentTermsLabel, "掛け払い");
  await t.api("POST", "/api/b2b/companies", company("DESK-2"));
  const settings = (await t.api("GET", "/api/b2b/settings")).body;
  assert.deepEqual(
    { ...settings, shopId: typeof settings.shopId },
    { shopId: "string", allowCancelRequests: false, showStock: false, invoiceRegistrationNumber: null },
  );
  const shops = (await t.api("GET", "/api/shops")).body.items.filter(
    (s: { channel: string }) => s.channel === "b2b",
  );
  assert.deepEqual(
    shops.map((s: { id: string }) => s.id),
    [settings.shopId],
  );
});

test("取引先: bad input names the field; a code is one per account; 前払い keeps no 締め日", async () => {
  const cases: [Record<string, unknown>, number, string][] = [
    [company("BAD-DAY", { closingDay: 29 }), 422, "closingDay"],
    [company("BAD-TERMS", { paymentTerms: "cash" }), 422, "paymentTerms"],
    [company("", {}), 422, "code"],
  ];
  for (const [body, status, field] of cases) {
    const res = await t.api("POST", "/api/b2b/companies", body);
    assert.equal(res.status, status, JSON.stringify(res.body));
    assert.ok(
      res.body.errors.some((e: { path: string }) => e.path === field),
      `${field}: ${JSON.stringify(res.body.errors)}`,
    );
  }
  await t.api("POST", "/api/b2b/companies", company("TWICE"));
  const again = await t.api("POST", "/api/b2b/companies", company("TWICE"));
  assert.equal(again.status, 422);
  assert.equal(again.body.code, "b2b.company_code_taken");
  const other = await t.newAccount("よその商店");
  assert.equal((await t.api("POST", "/api/b2b/companies", company("TWICE"), other.apiToken)).status, 201);

  const prepaid = await t.api(
    "POST",
    "/api/b2b/companies",
    company("PRE", { paymentTerms: "prepaid", closingDay: 20 }),
  );
  assert.equal(prepaid.body.closingDay, null);
  const changed = await t.api("PATCH", `/api/b2b/companies/${prepaid.body.id}`, {
    paymentTerms: "invoice",
    closingDay: 15,
  });
  assert.equal(changed.status, 200);
  assert.deepEqual([changed.body.paymentTerms, changed.body.closingDay], ["invoice", 15]);

  const registration = await t.api("PUT", "/api/b2b/settings", { invoiceRegistrationNumber: "T123" });
  assert.equal(registration.status, 422);
  assert.equal(registration.body.errors[0].path, "invoiceRegistrationNumber");
  const ok = await t.api("PUT", "/api/b2b/settings", { invoiceRegistrationNumber: "T1234567890123" });
  assert.equal(ok.body.invoiceRegistrationNumber, "T1234567890123");
});

test("another merchant's 取引先 is not found on any of its routes", async () => {
  const other = await t.newAccount("別の卸");
  const theirs = await companyWithBuyer(t, "THEIRS", { token: other.apiToken });
  const calls: [string, string, unknown?][] = [
    ["GET", `/api/b2b/companies/${theirs.companyId}`],
    ["PATCH", `/api/b2b/companies/${theirs.companyId}`, { name: "乗っ取り" }],
    ["GET", `/api/b2b/companies/${theirs.companyId}/ship-to`],
    ["PATCH", `/api/b2b/companies/${theirs.companyId}/ship-to/${theirs.shipToId}`, { label: "x" }],
    ["DELETE", `/api/b2b/companies/${theirs.companyId}/ship-to/${theirs.shipToId}`],
    ["GET", `/api/b2b/companies/${theirs.companyId}/buyers`],
    ["PATCH", `/api/b2b/companies/${theirs.companyId}/buyers/${theirs.buyerId}`, { disabled: true }],
    ["GET", `/api/b2b/companies/${theirs.companyId}/mail-destinations`],
    ["GET", `/api/b2b/prices?companyId=${theirs.companyId}`],
  ];
  for (const [method, path, body] of calls) {
    const res = await t.api(method, path, body);
    assert.equal(res.status, 404, `${method} ${path}: ${JSON.stringify(res.body)}`);
  }
  const mine = await t.api("POST", "/api/b2b/companies", company("MINE"));
  const moved = await t.api("PATCH", `/api/b2b/companies/${mine.body.id}/ship-to/${theirs.shipToId}`, {
    label: "x",
  });
  assert.equal(moved.status, 404, "an entry is reached only through its own company");
  assert.equal((await theirs.browser.call("GET", "/api/buyer/ship-to")).body.items[0].label, "本社");
});

test("area b2b: 閲覧のみ reads, スタッフ writes; a plan without b2b_desk refuses every route", async () => {
  const viewer = await personWith(t, "viewer");
  assert.equal((await viewer.call("GET", "/api/b2b/companies")).status, 200);
  const refused = await viewer.call("POST", "/api/b2b/companies", company("VIEW"));
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, "auth.forbidden");
  const staff = await personWith(t, "staff");
  assert.equal((await staff.call("POST", "/api/b2b/companies", company("STAFF"))).status, 201);

  const light = await t.newAccount("ライト商店");
  await t.database.db.update(accounts).set({ plan: "light" }).where(eq(accounts.id, light.accountId));
  for (const [method, path] of [
    ["GET", "/api/b2b/companies"],
    ["GET", "/api/b2b/settings"],
    ["POST", "/api/b2b/mail-orders"],
  ] as const) {
    const res = await t.api(method, path, method === "POST" ? {} : undefined, light.apiToken);
    assert.equal(res.status, 403, `${method} ${path}`);
    assert.equal(res.body.code, "plan.feature_not_included");
  }
});

test("buyer log-in: own cookie, CSRF on changes, disabled buyers are out at once, e-mails unique among live buyers", async () => {
  const a = await companyWithBuyer(t, "LOGIN");
  const stranger = buyerBrowser(t);
  const wrong = await stranger.call("POST", "/api/buyer/session", { email: a.email, password: "nope nope" });
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.code, "auth.invalid_credentials");
  const fresh = buyerBrowser(t);
  const signedIn = await fresh.call("POST", "/api/buyer/session", {
    email: a.email.toUpperCase(),
    password: "buyer password 1",
  });
  assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
  assert.equal(signedIn.body.company.name, "株式会社LOGIN");
  assert.match(fresh.cookie(), /^juchu_buyer_session=/);

  const noCsrf = await fetch(`${t.url}/api/buyer/orders`, {
    method: "POST",
    headers: { cookie: fresh.cookie(), "content-type": "application/json" },
    body: JSON.stringify({ shipToId: a.shipToId, lines: [] }),
  });
  assert.equal(noCsrf.status, 403);
  assert.equal(((await noCsrf.json()) as { code: string }).code, "auth.csrf_failed");

  const merchantCookie = await fetch(`${t.url}/api/orders`, {
    headers: { cookie: `juchu_session=${fresh.cookie().split("=")[1]}` },
  });
  assert.equal(merchantCookie.status, 401, "a buyer's token is no merchant session");

  const again = await t.api("POST", `/api/b2b/companies/${a.companyId}/buyers`, {
    email: a.email,
    name: "二人目",
  });
  assert.equal(again.status, 422);
  assert.equal(again.body.code, "b2b.buyer_email_taken");

  const off = await t.api("PATCH", `/api/b2b/companies/${a.companyId}/buyers/${a.buyerId}`, {
    disabled: true,
  });
  assert.equal(off.body.statusLabel, "無効");
  assert.equal((await fresh.call("GET", "/api/buyer/orders")).status, 401);
  assert.equal((await a.browser.call("GET", "/api/buyer/catalogue")).status, 401);
  const back = await stranger.call("POST", "/api/buyer/session", {
    email: a.email,
    password: "buyer password 1",
  });
  assert.equal(back.status, 401);
});

test("a buyer invitation works once and for 7 days", async () => {
  const c = await t.api("POST", "/api/b2b/companies", company("INVITE"));
  const invited = await t.api("POST", `/api/b2b/companies/${c.body.id}/buyers`, {
    email: "late-buyer@example.com",
    name: "遅い人",
  });
  assert.equal(invited.body.buyer.statusLabel, "招待中");
  assert.equal(invited.body.invitation.mailed, false);
  const token = String(invited.body.invitation.url).split("/").at(-1);
  const shown = await buyerBrowser(t).call("GET", `/api/buyer/invitations/${token}`);
  assert.deepEqual([shown.status, shown.body.companyName], [200, "株式会社INVITE"]);
  t.clock.advance(7 * 24 * 60 * 60 * 1000 + 1000);
  const late = await buyerBrowser(t).call("POST", `/api/buyer/invitations/${token}/acceptance`, {
    password: "buyer password 1",
  });
  assert.equal(late.status, 404);
});
