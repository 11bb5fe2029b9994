import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq, sql } from "drizzle-orm";
import { shops } from "#server/db/schema.ts";
import { DEFAULT_CANCEL_PHRASES, DEFAULT_REPLY_TEMPLATE } from "#server/domain/inquiry-linkage.ts";
import { startTestApp, type TestApp } from "#test/app.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const newShop = async () =>
  (await t.api("POST", "/api/shops", { channel: "manual", name: "設定テスト店" })).body.id;

test("キャンセル連携 settings: off by default; PATCHed field by field, the template and phrases kept when switched off", async () => {
  const id = await newShop();
  const shown = (await t.api("GET", `/api/shops/${id}`)).body.settings.inquiryLinkage;
  assert.deepEqual(shown, {
    enabled: false,
    autoCancel: true,
    replyTemplate: DEFAULT_REPLY_TEMPLATE,
    cancelPhrases: [...DEFAULT_CANCEL_PHRASES],
  });
  const on = await t.api("PATCH", `/api/shops/${id}`, {
    settings: {
      inquiryLinkage: {
        enabled: true,
        replyTemplate: "{{購入者名}}様 {{対応結果}}",
        cancelPhrases: ["やめたい"],
      },
    },
  });
  assert.equal(on.status, 200, JSON.stringify(on.body));
  const off = await t.api("PATCH", `/api/shops/${id}`, { settings: { inquiryLinkage: { enabled: false } } });
  assert.deepEqual(off.body.settings.inquiryLinkage, {
    enabled: false,
    autoCancel: true,
    replyTemplate: "{{購入者名}}様 {{対応結果}}",
    cancelPhrases: ["やめたい"],
  });
});

test("キャンセル連携 settings: a bad template or phrase is 422 naming the field", async () => {
  const id = await newShop();
  for (const [linkage, path] of [
    [{ replyTemplate: "{{注文日時}}" }, "settings.inquiryLinkage.replyTemplate"],
    [{ cancelPhrases: [""] }, "settings.inquiryLinkage.cancelPhrases.0"],
    [{ autoCancel: "yes" }, "settings.inquiryLinkage.autoCancel"],
  ] as const) {
    const res = await t.api("PATCH", `/api/shops/${id}`, { settings: { inquiryLinkage: linkage } });
    assert.equal(res.status, 422, JSON.stringify(linkage));
    assert.equal(res.body.errors[0].path, path);
  }
});

test("a shop saved before the linkage existed shows its defaults and can turn it on", async () => {
  const id = await newShop();
  await t.ctx.db
    .update(shops)
    .set({ settings: sql`${shops.settings} - 'inquiryLinkage'` })
    .where(eq(shops.id, id));
  assert.equal((await t.api("GET", `/api/shops/${id}`)).body.settings.inquiryLinkage.enabled, false);
  const on = await t.api("PATCH", `/api/shops/${id}`, { settings: { inquiryLinkage: { enabled: true } } });
  assert.equal(on.status, 200);
  assert.equal(on.body.settings.inquiryLinkage.replyTemplate, DEFAULT_REPLY_TEMPLATE);
});
