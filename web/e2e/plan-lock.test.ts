import assert from "node:assert/strict";
import { test } from "node:test";
import { createAccountToken, runNode } from "#test/process.ts";
import { browserSuite, logIn } from "./harness.ts";

/**
 * An account on ライト: the features outside it are shown locked with the plan that has them, not as
 * an error page, and the API refuses them with plan.feature_not_included.
 */
const MERCHANT = { name: "ライト商店", email: "light@example.com", password: "long enough pw" };
let apiToken = "";

const e2e = browserSuite({
  prepare: async (env) => {
    apiToken = await createAccountToken(env, MERCHANT);
    // The operator's command, before the server holds the (PGlite) data folder.
    const set = await runNode(
      "server/cli.ts",
      ["account", "plan", "--account", MERCHANT.email, "--plan", "light"],
      env,
    );
    assert.equal(set.code, 0, set.stderr);
  },
});

test("on ライト, 問い合わせ and automatic mail are locked with the plan that has them", async () => {
  const page = e2e.page;
  await page.goto(`${e2e.url}/attention`);
  await logIn(page, MERCHANT.email, MERCHANT.password);
  await page.getByRole("heading", { name: "要対応" }).waitFor();

  const menu = page.getByRole("navigation", { name: "メインメニュー" });
  const inquiries = menu.getByRole("link", { name: /問い合わせ/ });
  assert.match((await inquiries.textContent()) ?? "", /プラン外/);
  await inquiries.click();
  await page.getByRole("heading", { name: "問い合わせ" }).waitFor();
  const locked = page.getByRole("note", { name: "プラン外の機能" });
  await locked.getByText("このプランには含まれていません(自動化プラン以上)").waitFor();
  await locked.getByText(/現在のプラン\(ライト\)/).waitFor();
  assert.equal(await page.getByRole("alert").count(), 0, "locked, not an error");

  await menu.getByRole("link", { name: "メール設定" }).click();
  await page.getByRole("heading", { name: "メールカテゴリー" }).waitFor();
  await locked.getByText("このプランには含まれていません(スタンダード以上)").waitFor();
  // The mail pages outside the feature still open: templates are for mails sent by hand too.
  await page.getByRole("link", { name: "メールテンプレート" }).click();
  await page.getByRole("heading", { name: "メールテンプレート" }).waitFor();

  await menu.getByRole("link", { name: "設定", exact: true }).click();
  await page.getByRole("link", { name: "プラン", exact: true }).click();
  await page
    .getByRole("heading", { name: /現在のプラン/ })
    .getByText("ライト")
    .waitFor();
  await page.getByText("プランの変更は運用担当者にお問い合わせください").waitFor();

  const refused = await fetch(`${e2e.url}/api/inquiries`, {
    headers: { authorization: `Bearer ${apiToken}` },
  });
  assert.equal(refused.status, 403);
  assert.equal(((await refused.json()) as { code: string }).code, "plan.feature_not_included");
});
