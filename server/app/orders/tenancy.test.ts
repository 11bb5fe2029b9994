import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { orderBody } from "#test/catalog-api.ts";
import { dispatchMailTriggers } from "../mail/dispatch-mails.ts";

let t: TestApp;

before(async () => {
  t = await startTestApp();
});
after(() => t.close());

/** A fresh account calling the API with its own token. */
async function account() {
  const { apiToken } = await t.newAccount();
  return (method: string, path: string, body?: unknown) => t.api(method, path, body, apiToken);
}

test("another account's mail category, used or not, is not found — its mails and settings stay", async () => {
  const a = await account();
  const shop = (await a("POST", "/api/shops", { channel: "manual", name: "A店" })).body.id;
  const used = (await a("POST", "/api/mail-templates/standard/cancelled/copy")).body;
  const unused = (await a("POST", "/api/mail-templates/standard/thanks/copy")).body;
  const items = [used, unused].map((c) => ({
    categoryId: c.categoryId,
    enabled: true,
    templateId: c.templateId,
  }));
  assert.equal((await a("PUT", `/api/shops/${shop}/mail-settings`, { items })).status, 200);
  const order = await a("POST", "/api/orders", orderBody(shop, "T-1", [{ mallItemCode: "x", quantity: 1 }]));
  assert.equal(order.status, 201, JSON.stringify(order.body));
  assert.equal((await a("POST", `/api/orders/${order.body.id}/cancel`, {})).status, 200);
  while ((await dispatchMailTriggers(t.ctx)) > 0);
  assert.equal(
    (await a("GET", `/api/mails?orderId=${order.body.id}`)).body.items.length,
    1,
    "the cancel mail",
  );

  const b = await account();
  for (const c of [used, unused]) {
    const refused = await b("DELETE", `/api/mail-categories/${c.categoryId}`);
    assert.equal(refused.status, 404, JSON.stringify(refused.body));
    assert.equal(refused.body.code, "mail_category.not_found");
  }
  const settings = (await a("GET", `/api/shops/${shop}/mail-settings`)).body.items;
  for (const c of [used, unused]) {
    assert.ok(
      settings.some(
        (s: { categoryId: string; enabled: boolean }) => s.categoryId === c.categoryId && s.enabled,
      ),
      "A's settings are intact",
    );
  }
  assert.equal((await a("DELETE", `/api/mail-categories/${used.categoryId}`)).status, 409, "A's own, in use");
  assert.equal(
    (await a("DELETE", `/api/mail-categories/${unused.categoryId}`)).status,
    204,
    "A's own, unused",
  );
});
