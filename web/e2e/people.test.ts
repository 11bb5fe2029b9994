import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { browserSuite, logInAsOwner, OWNER, SessionClient, setUpOwner } from "./harness.ts";

/**
 * ユーザー end to end: the owner invites a staff member on a server without SMTP (the link is shown to
 * copy), the staff member sets a password from the link and works without the owner's buttons; the
 * server says 403 to what the UI hides; the last owner cannot step down.
 */
const e2e = browserSuite();
const STAFF = { email: "staff@example.com", name: "山田 花子", password: "staff password 1" };
let invitationPath = "";

async function openUsers(page: Page) {
  await page.getByRole("link", { name: "設定", exact: true }).click();
  await page
    .getByRole("navigation", { name: "設定メニュー" })
    .getByRole("link", { name: "ユーザー" })
    .click();
  await page.getByRole("heading", { name: "ユーザー", exact: true }).waitFor();
}

test("the owner invites a staff member; without SMTP the invitation link is shown to copy", async () => {
  await setUpOwner(e2e.url);
  await e2e.page.goto(`${e2e.url}/attention`);
  await logInAsOwner(e2e.page);
  await e2e.page.getByRole("heading", { name: "要対応" }).waitFor();
  await openUsers(e2e.page);

  const form = e2e.page.getByRole("form", { name: "ユーザーを招待" });
  await form.getByLabel("メールアドレス").fill(STAFF.email);
  await form.getByLabel("名前").fill(STAFF.name);
  await form.getByLabel("権限").selectOption({ label: "スタッフ" });
  await form.getByRole("button", { name: "招待する" }).click();
  const link = e2e.page.getByRole("textbox", { name: "招待リンク" });
  const url = new URL(await link.inputValue());
  assert.match(url.pathname, /^\/invitations\/[^/]+$/);
  invitationPath = url.pathname;
  await e2e.page.getByRole("button", { name: "リンクをコピー" }).waitFor();

  const row = e2e.page.locator(`tr[data-user-email="${STAFF.email}"]`);
  await row.getByText("招待中").waitFor();
  await row.getByText(STAFF.name).waitFor();
});

test("the staff member sets a password from the link, is signed in, and sees no owner's buttons", async () => {
  const context = await e2e.browser.newContext({ locale: "ja-JP", viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(e2e.url + invitationPath);
    await page.getByRole("heading", { name: `${OWNER.accountName}への招待` }).waitFor();
    await page.getByText(STAFF.email).waitFor();
    assert.equal(await page.getByLabel("名前").inputValue(), STAFF.name);
    await page.getByLabel("パスワード(8文字以上)").fill(STAFF.password);
    await page.getByLabel("パスワード(確認)").fill("something else");
    await page.getByRole("button", { name: "パスワードを設定して始める" }).click();
    await page.getByRole("alert").getByText("確認用のパスワードが一致しません。").waitFor();
    await page.getByLabel("パスワード(確認)").fill(STAFF.password);
    await page.getByRole("button", { name: "パスワードを設定して始める" }).click();
    await page.getByRole("heading", { name: "要対応" }).waitFor();
    await page.getByRole("link", { name: `${STAFF.name}(スタッフ)` }).waitFor();

    // 設定 opens what a staff member may see: プラン and アカウント, not ユーザー / APIトークン / Webhook.
    await page.getByRole("link", { name: "設定", exact: true }).click();
    const settings = page.getByRole("navigation", { name: "設定メニュー" });
    await settings.getByRole("link", { name: "プラン" }).waitFor();
    for (const hidden of ["ユーザー", "APIトークン", "Webhook"]) {
      assert.equal(await settings.getByRole("link", { name: hidden }).count(), 0, hidden);
    }
    // Settings areas are read-only for staff: タグ shows its tags without 作成 / 編集 / 削除.
    await page.getByRole("link", { name: "タグ", exact: true }).click();
    await page.getByRole("heading", { name: "タグ", exact: true }).waitFor();
    await page.getByRole("heading", { name: "システムタグ" }).waitFor();
    assert.equal(await page.getByRole("button", { name: "タグを作成" }).count(), 0);

    // What the UI hides, the server refuses: the staff member's own session on the users API.
    const refused = await page.evaluate(async () => {
      const res = await fetch("/api/users");
      return { status: res.status, body: await res.json() };
    });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.code, "auth.forbidden");
    assert.match(refused.body.detail, /ユーザー/);
  } finally {
    await context.close();
  }

  // The owner's list now shows the staff member as 有効, with a last log-in.
  await openUsers(e2e.page);
  const row = e2e.page.locator(`tr[data-user-email="${STAFF.email}"]`);
  await row.getByText("有効").waitFor();
  assert.notEqual((await row.locator("td").nth(4).textContent())?.trim(), "—");
});

test("the last owner cannot step down: the refusal is shown in Japanese", async () => {
  const row = e2e.page.locator(`tr[data-user-email="${OWNER.email}"]`);
  await row.getByRole("combobox").selectOption({ label: "閲覧のみ" });
  const alert = e2e.page.getByRole("alert");
  await alert.getByText("user.last_owner").waitFor();
  assert.match((await alert.textContent()) ?? "", /オーナー/);
});

test("the owner disables the staff member, who can no longer log in, and enables them again", async () => {
  const row = e2e.page.locator(`tr[data-user-email="${STAFF.email}"]`);
  await row.getByRole("button", { name: "無効化" }).click();
  await row.getByText("無効", { exact: true }).waitFor();
  await assert.rejects(SessionClient.logIn(e2e.url, STAFF.email, STAFF.password), /401/);
  await row.getByRole("button", { name: "有効化" }).click();
  await row.getByText("有効", { exact: true }).waitFor();
  await SessionClient.logIn(e2e.url, STAFF.email, STAFF.password);
});

test("アカウント: my sessions, and この端末以外をログアウト ends the others", async () => {
  const elsewhere = await SessionClient.logIn(e2e.url, OWNER.email, OWNER.password);
  await elsewhere.call("GET", "/api/session");
  await e2e.page.getByRole("link", { name: "設定", exact: true }).click();
  await e2e.page.getByRole("link", { name: "アカウント" }).click();
  await e2e.page.getByRole("heading", { name: "ログイン中の端末" }).waitFor();
  const devices = e2e.page.locator("table.devices-table tbody tr");
  await e2e.page.getByText("この端末", { exact: true }).waitFor();
  assert.ok((await devices.count()) >= 2);
  await e2e.page.getByRole("button", { name: "この端末以外をログアウト" }).click();
  await e2e.page.waitForFunction(
    () => document.querySelectorAll("table.devices-table tbody tr").length === 1,
  );
  await assert.rejects(elsewhere.call("GET", "/api/session"), /401/);
});

test("a user removed by the owner disappears from the list after confirming", async () => {
  await openUsers(e2e.page);
  const row = e2e.page.locator(`tr[data-user-email="${STAFF.email}"]`);
  await row.getByRole("button", { name: "削除" }).click();
  await e2e.page
    .getByRole("dialog", { name: "ユーザーを削除しますか?" })
    .getByRole("button", { name: "削除する" })
    .click();
  await row.waitFor({ state: "detached" });
});
