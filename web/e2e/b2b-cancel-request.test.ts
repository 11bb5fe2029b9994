import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { allocated, type B2bSeeded, COMPANY, PRICES, seedB2b, until } from "./b2b-seed.ts";
import { browserSuite, logInAsOwner, type SessionClient, setUpOwner } from "./harness.ts";

/**
 * The seed conect-b2b-cancel-request end to end, both sides at once: a buyer company's person on a
 * phone (375 px) orders and asks to cancel; the merchant at a desk refuses one request with a reason
 * and approves another (取引中止, stock back).
 */
const e2e = browserSuite();
let api: SessionClient;
let s: B2bSeeded;
let buyer: Page;
const BUYER = { email: "tanaka@midori.example", name: "田中 仕入", password: "a long buyer password" };
const SHOTS = new URL("../../docs/screenshots/", import.meta.url);

const merchant = () => e2e.page;
const card = (number: string) => buyer.locator(`li[data-order-number="${number}"]`);

async function openHistory(): Promise<void> {
  await buyer.getByRole("button", { name: "メニュー" }).click();
  await buyer
    .getByRole("navigation", { name: "サイドメニュー" })
    .getByRole("link", { name: "発注履歴" })
    .click();
  await buyer.getByRole("heading", { name: "発注履歴", exact: true }).waitFor();
}

/** Orders through 発注フォーム and answers the new order's number from 発注履歴詳細. */
async function order(productName: string, quantity: number): Promise<string> {
  await buyer.getByRole("button", { name: "メニュー" }).click();
  await buyer
    .getByRole("navigation", { name: "サイドメニュー" })
    .getByRole("link", { name: "発注フォーム" })
    .click();
  await buyer.getByLabel(`${productName}の数量`).fill(String(quantity));
  await buyer.getByRole("button", { name: "発注する" }).click();
  await buyer.getByText("ご注文を受け付けました。").waitFor();
  const number = await buyer.locator("dt:text-is('注文番号') + dd").textContent();
  assert.ok(number, "the order's number is on 発注履歴詳細");
  return number.trim();
}

test("the merchant allows cancel requests and invites a buyer, who sets a password on a phone", async () => {
  api = await setUpOwner(e2e.url);
  s = await seedB2b(api);
  await merchant().goto(`${e2e.url}/b2b/settings`);
  await logInAsOwner(merchant());
  const allow = merchant().getByRole("group", { name: "注文キャンセルの受付を許可" });
  await allow.getByLabel("許可", { exact: true }).check();
  await merchant().getByLabel("発注フォームに在庫数を表示する").check();
  await merchant().getByRole("button", { name: "保存" }).click();
  await merchant().getByText("保存しました。").waitFor();

  await merchant().goto(`${e2e.url}/b2b/companies/${s.companyId}`);
  await merchant().getByRole("heading", { name: COMPANY.name }).waitFor();
  const invite = merchant().getByRole("form", { name: "発注者を招待" });
  await invite.getByLabel("メールアドレス").fill(BUYER.email);
  await invite.getByLabel("名前").fill(BUYER.name);
  await invite.getByRole("button", { name: "招待する" }).click();
  const link = new URL(await merchant().getByLabel("招待リンク").inputValue());
  assert.match(link.pathname, /^\/buyer\/invitations\//);

  const phone = await e2e.browser.newContext({
    locale: "ja-JP",
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
  });
  buyer = await phone.newPage();
  buyer.setDefaultTimeout(15_000);
  await buyer.goto(`${e2e.url}${link.pathname}`);
  await buyer.getByRole("heading", { name: "パスワード設定" }).waitFor();
  await buyer.getByLabel("パスワード(8文字以上)").fill(BUYER.password);
  await buyer.getByLabel("パスワード(確認)").fill(BUYER.password);
  await buyer.getByRole("button", { name: "パスワードを設定して始める" }).click();
  // TOP: 発注フォーム and 発注履歴, for this company.
  await buyer.getByRole("heading", { name: `${COMPANY.name} 様` }).waitFor();
  await buyer.getByRole("link", { name: "発注履歴" }).first().waitFor();
});

test("発注フォーム: the company's price and stock, a clear error on the line below 最小発注数, then the order", async () => {
  await buyer.getByRole("link", { name: "発注フォーム" }).first().click();
  const line = buyer.locator('li[data-sku="B2B-SEN"]');
  await line.getByText("3,200円").waitFor();
  await line.getByText("最小発注数 6").waitFor();
  await line.getByText("在庫 100").waitFor();
  await buyer.getByLabel(`${PRICES.sencha.name}の数量`).fill("4");
  await buyer.getByRole("button", { name: "発注する" }).click();
  await line.locator(".field-error").first().waitFor();
  await buyer.getByLabel(`${PRICES.sencha.name}の数量`).fill("12");
  await buyer.getByRole("button", { name: "発注する" }).click();
  await buyer.getByText("ご注文を受け付けました。").waitFor();
  await until(() => allocated(api, s.sencha), 12, "煎茶 allocated to the order");
});

test("キャンセルリクエスト: その他 with 21 characters is refused; a proper request shows キャンセルリクエスト中", async () => {
  await openHistory();
  const first = buyer.locator("li[data-order-number]").first();
  const number = (await first.getAttribute("data-order-number")) ?? "";
  await first.getByRole("button", { name: "キャンセルリクエスト" }).click();
  await buyer.getByRole("heading", { name: "発注履歴詳細" }).waitFor();
  const form = buyer.locator("#cancel-request");
  await form.getByRole("group", { name: "キャンセル理由" }).waitFor();
  await form.getByLabel("その他").check();
  await form.getByLabel("キャンセル理由(20文字以内)").fill("あ".repeat(21));
  await form.getByText("1文字多すぎます").waitFor();
  await form.getByRole("button", { name: "キャンセルをリクエストする" }).click();
  await form.getByRole("alert").getByText("20文字以内").first().waitFor();
  const untouched = await buyer.locator("dt:text-is('注文状況') + dd").textContent();
  assert.doesNotMatch(untouched ?? "", /キャンセルリクエスト中/, "nothing was sent");

  await form.getByLabel("キャンセル理由(20文字以内)").fill("納品日の変更のため");
  await form.getByRole("button", { name: "キャンセルをリクエストする" }).click();
  await buyer.getByText("発注先が承認するまで、注文はキャンセルされません。", { exact: false }).waitFor();
  await buyer.locator("dt:text-is('注文状況') + dd").getByText("キャンセルリクエスト中").waitFor();
  await openHistory();
  await card(number).getByText("キャンセルリクエスト中").waitFor();
  assert.equal(await card(number).getByRole("button", { name: "キャンセルリクエスト" }).count(), 0);
  assert.equal(await allocated(api, s.sencha), 12, "a request cancels nothing");
});

test("the merchant sees the flag, refuses with a reason; the buyer sees キャンセル却下 and the reason", async () => {
  await merchant().goto(`${e2e.url}/orders`);
  const flagged = merchant().locator("tr", { hasText: "発注者がキャンセルを希望しています" });
  await flagged.first().waitFor();
  assert.equal(await flagged.count(), 1);
  await flagged.getByRole("link").first().click();
  const panel = merchant().getByRole("region", { name: "キャンセルリクエスト" });
  // その他's own words are the reason the merchant reads.
  await panel.locator("dt:text-is('キャンセル理由') + dd").getByText("納品日の変更のため").waitFor();
  await panel.getByRole("button", { name: "拒否する" }).click();
  const popup = merchant().getByRole("dialog", { name: "キャンセルリクエストを拒否します" });
  await popup.getByLabel("拒否の理由(任意・20文字まで)").fill("出荷準備が完了済み");
  await popup.getByRole("button", { name: "拒否を実行" }).click();
  await popup.waitFor({ state: "detached" });
  await panel.getByText("キャンセルのリクエストを却下しました。").waitFor();
  await panel.getByText("出荷準備が完了済み").waitFor();

  await openHistory();
  const refused = buyer.locator("li[data-order-number]", { hasText: "キャンセルできませんでした" });
  await refused.waitFor();
  await refused.getByRole("link").click();
  const status = buyer.locator("dt:text-is('注文状況') + dd");
  await status.getByText("キャンセル却下").waitFor();
  await status.getByText("出荷準備が完了済み").waitFor();
  assert.equal(await allocated(api, s.sencha), 12, "a refused request keeps the order");
});

test("another request approved after the confirmation: 取引中止 on both sides and the stock back", async () => {
  const number = await order(PRICES.hojicha.name, 3);
  await until(() => allocated(api, s.hojicha), 3, "ほうじ茶 allocated");
  const form = buyer.locator("#cancel-request");
  await form.getByRole("radio").first().check();
  await form.getByRole("button", { name: "キャンセルをリクエストする" }).click();
  await buyer.locator("dt:text-is('注文状況') + dd").getByText("キャンセルリクエスト中").waitFor();

  await merchant().goto(`${e2e.url}/orders`);
  const flagged = merchant().locator("tr", { hasText: "発注者がキャンセルを希望しています" });
  await flagged.getByRole("link").first().click();
  const panel = merchant().getByRole("region", { name: "キャンセルリクエスト" });
  await panel.getByRole("button", { name: "承認する" }).click();
  const confirm = merchant().getByRole("dialog", { name: "キャンセルリクエストを承認します" });
  await confirm.getByRole("button", { name: "承認して取引中止" }).click();
  await panel.getByText("取引中止").waitFor();
  await until(() => allocated(api, s.hojicha), 0, "ほうじ茶 released");

  await openHistory();
  await card(number).getByText("キャンセルリクエストが承認され取引停止されました").waitFor();
  await card(number).getByText("取引中止").first().waitFor();
  // Phone first: nothing wider than the screen.
  const overflow = await buyer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `発注履歴 is ${overflow}px wider than the phone`);
  await mkdir(SHOTS, { recursive: true });
  await buyer.screenshot({ path: new URL("buyer-history-phone.png", SHOTS).pathname, fullPage: true });
});
