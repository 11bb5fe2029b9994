import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSuite, logInAsOwner, type SessionClient, setUpOwner } from "./harness.ts";
import { order, SENCHA, seedBasics } from "./seed.ts";

const e2e = browserSuite();

/** The dispatcher runs on a 15-second tick: the mail shows up a couple of ticks later. */
async function waitForMail(api: SessionClient, orderId: string): Promise<{ id: string; status: string }> {
  // Until it happens, however slow the machine: the runner's timeout ends a hang.
  for (;;) {
    const { items } = await api.call("GET", `/api/mails?orderId=${orderId}`);
    const settled = items.find((m: { status: string }) => m.status !== "queued" && m.status !== "sending");
    if (settled) return settled;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

test("a copied サンクスメール, switched on for a shop, is kept as 未送信 while no SMTP is set", async () => {
  const api = await setUpOwner(e2e.url);
  const s = await seedBasics(api);
  await api.call("PATCH", `/api/shops/${s.manualShop}`, { settings: { gracePeriodMinutes: 0 } });

  await e2e.page.goto(e2e.url);
  await logInAsOwner(e2e.page);
  await e2e.page.getByRole("link", { name: "メール設定" }).click();
  await e2e.page.getByRole("heading", { name: "メールカテゴリー" }).waitFor();
  await e2e.page.getByRole("link", { name: "メールテンプレート" }).click();
  await e2e.page.getByRole("button", { name: "「サンクスメール」をコピー" }).click();
  await e2e.page.getByRole("heading", { name: "テンプレート「サンクスメール」" }).waitFor();
  await e2e.page
    .getByRole("table", { name: "テンプレート一覧" })
    .getByText("サンクスメール")
    .first()
    .waitFor();

  await e2e.page.getByRole("link", { name: "ショップ別設定" }).click();
  await e2e.page.getByLabel("ショップ", { exact: true }).selectOption(s.manualShop);
  await e2e.page.getByLabel("サンクスメールを送信する").check();
  assert.notEqual(await e2e.page.getByLabel("サンクスメールのテンプレート").inputValue(), "");
  await e2e.page.getByRole("button", { name: "保存する" }).click();
  await e2e.page.getByText("ショップのメール設定を保存しました。").waitFor();

  const created = await api.call("POST", "/api/orders", {
    ...order(s.manualShop, "E2E-MAIL-1", [SENCHA], { buyer: 6 }),
    paid: true,
  });
  const mail = await waitForMail(api, created.id);
  assert.equal(mail.status, "kept");

  await e2e.page.getByRole("link", { name: "メールログ" }).click();
  await e2e.page.getByRole("heading", { name: "メールログ" }).waitFor();
  const row = e2e.page.locator(`tr[data-mail-id="${mail.id}"]`);
  await row.locator(".mail-status-kept", { hasText: "未送信(SMTP未設定・保存のみ)" }).waitFor();
  await row.getByText("ご注文ありがとうございます(注文番号: E2E-MAIL-1)").waitFor();
  await row.getByRole("link", { name: "E2E-MAIL-1" }).waitFor();
  await row.getByRole("button", { name: "ご注文ありがとうございます" }).click();
  await e2e.page.locator(".mail-body", { hasText: "山本 由美 様" }).waitFor();

  // The order's own page lists the same mail.
  await row.getByRole("link", { name: "E2E-MAIL-1" }).click();
  const section = e2e.page.getByRole("region", { name: "メール" });
  await section.locator(".mail-status-kept").waitFor();
  await section.getByRole("button", { name: "再送" }).waitFor();
});

test("saving a template with an unknown placeholder shows the valid ones under the body", async () => {
  await e2e.page.getByRole("link", { name: "メール設定" }).click();
  await e2e.page.getByRole("link", { name: "メールテンプレート" }).click();
  await e2e.page
    .getByRole("table", { name: "テンプレート一覧" })
    .getByRole("button", { name: "編集" })
    .click();
  const body = e2e.page.getByLabel("本文");
  await body.fill("{{購入者名}} 様\n{{存在しない}}\n");
  await e2e.page.getByRole("button", { name: "保存する" }).click();
  const error = e2e.page.locator(".field-invalid .field-error", {
    hasText: "「{{存在しない}}」は使えない差し込み項目です",
  });
  await error.waitFor();
  assert.match((await error.textContent()) ?? "", /使えるもの: .*\{\{注文番号\}\}/);

  // A placeholder button puts its name where the cursor is.
  await body.fill("こんにちは");
  await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(0, 0));
  await e2e.page.getByRole("button", { name: /\{\{注文番号\}\}/ }).click();
  assert.equal(await body.inputValue(), "{{注文番号}}こんにちは");
});

test("a product's own category asks for its 優先度 and the list shows it", async () => {
  await e2e.page.getByRole("link", { name: "メール設定" }).click();
  await e2e.page.getByRole("link", { name: "メールカテゴリー" }).click();
  await e2e.page.getByRole("heading", { name: "メールカテゴリー" }).waitFor();
  await e2e.page.getByRole("button", { name: "カテゴリーを追加" }).click();
  await e2e.page.getByLabel("カテゴリー名").fill("煎茶を買った方へ");
  assert.equal(await e2e.page.getByLabel("優先度").count(), 0, "asked only once a product is chosen");
  await e2e.page.getByLabel("対象商品").selectOption({ label: "TEA-100 静岡煎茶 100g" });
  await e2e.page.getByLabel("優先度").fill("7");
  await e2e.page.getByRole("button", { name: "保存する" }).click();
  await e2e.page.getByText("カテゴリーを保存しました。").waitFor();
  await e2e.page
    .getByRole("row", { name: /煎茶を買った方へ/ })
    .getByText("静岡煎茶 100g(優先度 7)")
    .waitFor();
});
