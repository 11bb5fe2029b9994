import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSuite, logIn, SessionClient, setUpOwner } from "./harness.ts";
import { seedBasics, seedTestOrders } from "./seed.ts";

/** 閲覧のみ end to end: a viewer reads the orders and the settings, with no button that changes anything. */
const e2e = browserSuite();
const VIEWER = { email: "viewer@example.com", name: "経理 太郎", password: "viewer password 1" };

test("a viewer sees the order list and an order without any action, and settings without their forms", async () => {
  const owner = await setUpOwner(e2e.url);
  await seedTestOrders(owner, await seedBasics(owner));
  const invited = await owner.call("POST", "/api/users/invitations", { ...VIEWER, role: "viewer" });
  const token = new URL(invited.invitation.url).pathname.split("/").at(-1);
  const accepted = await fetch(`${e2e.url}/api/invitations/${token}/acceptance`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ password: VIEWER.password }),
  });
  assert.equal(accepted.status, 201);
  await SessionClient.logIn(e2e.url, VIEWER.email, VIEWER.password);

  const page = e2e.page;
  await page.goto(`${e2e.url}/orders`);
  await logIn(page, VIEWER.email, VIEWER.password);
  await page.getByRole("heading", { name: "受注一覧" }).waitFor();
  await page.locator('tr[data-order-number="E2E-1001"]').waitFor();

  const menu = page.getByRole("navigation", { name: "メインメニュー" });
  for (const hidden of ["受注登録", "CSV受注取込"]) {
    assert.equal(await menu.getByRole("link", { name: hidden }).count(), 0, hidden);
  }
  assert.equal(await page.locator("table.orders-table input[type=checkbox]").count(), 0);
  assert.equal(await page.getByRole("button", { name: "この条件を保存" }).count(), 0);

  await page.getByRole("link", { name: "E2E-1001" }).click();
  await page.getByRole("heading", { name: /注文 E2E-1001/ }).waitFor();
  await page.getByRole("heading", { name: "履歴" }).waitFor();
  for (const action of ["注文をキャンセル", "注文を削除", "受注を修正", "入金を記録"]) {
    assert.equal(await page.getByRole("button", { name: action }).count(), 0, action);
  }

  // 受注登録 by its address: said plainly, not a form whose every send is refused.
  await page.goto(`${e2e.url}/orders/new`);
  await page
    .getByRole("note")
    .getByText(/この画面を使う権限がありません/)
    .waitFor();
  assert.equal(await page.getByRole("button", { name: "登録する" }).count(), 0);

  await menu.getByRole("link", { name: "ショップ設定" }).click();
  await page.getByRole("heading", { name: "ショップ設定" }).waitFor();
  await page
    .getByRole("heading", { name: "手入力店" })
    .or(page.locator(".shop-list li").first())
    .first()
    .waitFor();
  assert.equal(await page.getByRole("button", { name: "登録" }).count(), 0);
  await page.getByRole("button", { name: "設定を見る" }).first().click();
  const shopForm = page.getByRole("form", { name: / の設定$/ });
  await shopForm.waitFor();
  assert.ok(
    await shopForm.getByLabel("ショップ名").isDisabled(),
    "a viewer reads the settings, never types into them",
  );

  await page.getByRole("link", { name: "設定", exact: true }).click();
  const settings = page.getByRole("navigation", { name: "設定メニュー" });
  await settings.getByRole("link", { name: "プラン" }).waitFor();
  assert.equal(await settings.getByRole("link", { name: "ユーザー" }).count(), 0);
});
