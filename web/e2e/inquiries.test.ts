import assert from "node:assert/strict";
import { after, test } from "node:test";
import { type RakutenSandbox, startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { sandboxControl } from "#test/rakuten.ts";
import { browserSuite, logInAsOwner, type SessionClient, setUpOwner } from "./harness.ts";

/**
 * 問い合わせ end to end: a buyer's cancel request posted at the RMS sandbox is imported, cancels the
 * order, is answered by hand from the thread, completed, and the shop's R-Messe連携 settings keep.
 */

let sandbox: RakutenSandbox | undefined;
const e2e = browserSuite({
  env: async () => {
    sandbox = await startRakutenSandbox();
    return { JUCHU_RAKUTEN_API_URL: sandbox.url };
  },
});
after(() => sandbox?.close());

const SHOP_NAME = "楽天R-Messe店";
let api: SessionClient;
let shopId: string;

/** The workers' own pace: the cancel and its reply are jobs run after the import. */
async function until<T>(what: string, read: () => Promise<T | undefined>, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

test("a buyer's cancel request reaches the inbox, cancels the order, is answered by hand and completed", async () => {
  api = await setUpOwner(e2e.url);
  if (!sandbox) throw new Error("the sandbox did not start");
  const mall = sandboxControl(sandbox);
  const mallShop = await mall.createShop();
  const placed = await mall.placeOrder(mallShop.shopId);
  const posted = (await mall.call("POST", `/shops/${mallShop.shopId}/inquiries`, {
    orderNumber: placed.orderNumber,
    cancelRequest: true,
    message: "注文を間違えました。キャンセルしたいです。",
  })) as { inquiryNumber: string };
  const shop = await api.call("POST", "/api/shops", {
    channel: "rakuten",
    name: SHOP_NAME,
    settings: {
      importEnabled: false,
      // Past the grace period at once, so the order is 確認待 (not yet at the warehouse) when the buyer asks.
      gracePeriodMinutes: 0,
      inquiryLinkage: { enabled: true, autoCancel: true },
    },
    credentials: { serviceSecret: mallShop.serviceSecret, licenseKey: mallShop.licenseKey },
  });
  shopId = shop.id;
  // 今すぐ取込 brings the order first; then the inbox's 今すぐ取り込む reads the buyer's inquiry.
  await api.call("POST", `/api/shops/${shopId}/import`);
  const page = e2e.page;
  await page.goto(`${e2e.url}/inquiries`);
  await logInAsOwner(page);
  await page.getByRole("heading", { name: "問い合わせ" }).waitFor();
  await page.getByText("該当する問い合わせはありません。").waitFor();
  await page.getByLabel("ショップ").selectOption({ label: SHOP_NAME });
  await page.getByRole("button", { name: "今すぐ取り込む" }).click();
  await page.getByText("キャンセル希望 1件を処理します", { exact: false }).waitFor();
  // The cancel and its reply are the workers' jobs: the inbox shows them at its next refresh.
  await until("the cancel request acted on and answered", async () => {
    const list = await api.call("GET", `/api/inquiries?shopId=${shopId}`);
    const found = list.items.find((i: { inquiryNumber: string }) => i.inquiryNumber === posted.inquiryNumber);
    return found?.action === "cancelled" && found.replyState === "sent" ? found : undefined;
  });
  await page.reload();
  const row = page.locator(`tr[data-inquiry="${posted.inquiryNumber}"]`);
  await row.getByText("キャンセル希望").waitFor();
  await row.getByText("自動キャンセル済み").waitFor();
  await row.getByText(SHOP_NAME).waitFor();
  // The automatic reply went once, as the shop's template says: shipping stopped, no cancel promised.
  await row.getByText("返信済み").waitFor();
  const orderHref = await row.getByRole("link", { name: placed.orderNumber }).getAttribute("href");
  assert.match(orderHref ?? "", /^\/orders\/[0-9a-f-]{36}$/);
  const order = await api.call("GET", (orderHref ?? "").replace(/^\//, "/api/"));
  assert.equal(order.status, "cancelled", "the order was cancelled by itself");

  // 要対応 has the open cancel request, and its count opens the inbox's キャンセル希望 tab.
  await page.getByRole("link", { name: "要対応", exact: true }).click();
  const line = page.locator('li[data-inquiries="cancel"]');
  await line.getByRole("link", { name: "1件" }).click();
  await row.waitFor();
  assert.equal(new URL(page.url()).searchParams.get("state"), "cancel");
  // 注文なし does not hold it.
  await page.getByRole("link", { name: "注文なし" }).click();
  await page.getByText("該当する問い合わせはありません。").waitFor();
  await page.getByRole("link", { name: "未対応" }).click();

  // The thread: the buyer's message and the automatic reply; then a reply by hand.
  await row.getByRole("link", { name: /キャンセルしたいです/ }).click();
  await page.getByRole("heading", { name: `問い合わせ ${posted.inquiryNumber}` }).waitFor();
  const thread = page.getByRole("region", { name: "やりとり" });
  await thread.getByText("注文を間違えました。キャンセルしたいです。").waitFor();
  await thread.locator(".inquiry-from-shop", { hasText: "出荷を停止いたしました。" }).waitFor();
  await page
    .getByRole("region", { name: "注文" })
    .getByText("自動キャンセル済み", { exact: false })
    .waitFor();

  const handReply = "ご注文はキャンセルいたしました。またのご利用をお待ちしております。";
  await page.getByLabel("返信内容").fill(handReply);
  // The mall down: the refusal in the API's words, the text kept for another try.
  await mall.fault({ path: "/es/1.0/inquirymng-api/inquiry/reply", kind: "status503", times: 10 });
  await page.getByRole("button", { name: "返信を送る" }).click();
  const refused = page.getByRole("alert").filter({ hasText: "返信できませんでした" });
  await refused.getByText("モールに接続できませんでした", { exact: false }).waitFor();
  assert.equal(await page.getByLabel("返信内容").inputValue(), handReply);
  await mall.clearFaults();
  await page.getByRole("button", { name: "返信を送る" }).click();
  await page.getByText("返信を送りました。").waitFor();
  await thread.locator(".inquiry-from-shop", { hasText: handReply }).waitFor();
  const atMall = (await mall.call("GET", `/inquiries/${posted.inquiryNumber}`)) as {
    replies: { replyFrom: string; message: string }[];
  };
  const shopReplies = atMall.replies.filter((r) => r.replyFrom === "merchant").map((r) => r.message);
  assert.equal(shopReplies.length, 2, "the automatic reply once, then the one by hand");
  assert.equal(shopReplies[1], handReply);

  // 対応完了 asks first, then moves the thread to 対応済み (and the mall's flag with it).
  await page.getByRole("button", { name: "対応完了" }).click();
  await page
    .getByRole("dialog", { name: "対応完了にする" })
    .getByRole("button", { name: "対応完了にする" })
    .click();
  await page.getByRole("button", { name: "未完了に戻す" }).waitFor();
  const completed = (await mall.call("GET", `/inquiries/${posted.inquiryNumber}`)) as {
    isCompleted: boolean;
  };
  assert.equal(completed.isCompleted, true);
  await page.getByRole("link", { name: "← 問い合わせ" }).click();
  await page.getByText("該当する問い合わせはありません。").waitFor();
  await page.getByRole("link", { name: "対応済み" }).click();
  await row.getByText("対応済み").waitFor();

  // 注文を開く from the thread lands on the order.
  await row.getByRole("link", { name: /キャンセルしたいです/ }).click();
  await page.getByRole("link", { name: "注文を開く" }).click();
  await page.getByRole("heading", { name: `注文 ${placed.orderNumber}` }).waitFor();
});

test("R-Messe連携 settings are saved and read back; a shop whose channel has no inquiries shows none", async () => {
  const phone = await api.call("POST", "/api/shops", { channel: "manual", name: "電話注文" });
  const page = e2e.page;
  await page.goto(`${e2e.url}/shops?edit=${shopId}`);
  const form = page.getByRole("form", { name: `${SHOP_NAME} の設定` });
  const linkage = form.getByRole("group", { name: "R-Messe連携(購入者からの問い合わせ)" });
  await linkage.getByText("キャンセルを約束する言葉は書かないでください", { exact: false }).waitFor();
  await linkage.getByLabel("キャンセル希望の注文を自動でキャンセルする", { exact: false }).uncheck();
  await linkage.getByLabel("自動返信テンプレート").fill("{{購入者名}} 様\n{{対応結果}}\n{{ショップ名}}");
  await linkage.getByLabel("キャンセル希望とみなす語句").fill("キャンセルしたい\n\n やめたい \n");
  await form.getByRole("button", { name: "保存" }).click();
  await form.getByText("保存しました。").waitFor();

  await page.reload();
  const again = page
    .getByRole("form", { name: `${SHOP_NAME} の設定` })
    .getByRole("group", { name: "R-Messe連携(購入者からの問い合わせ)" });
  assert.equal(
    await again.getByLabel("キャンセル連携(キャンセル希望を受けたら", { exact: false }).isChecked(),
    true,
  );
  assert.equal(
    await again.getByLabel("キャンセル希望の注文を自動でキャンセルする", { exact: false }).isChecked(),
    false,
  );
  assert.equal(
    await again.getByLabel("自動返信テンプレート").inputValue(),
    "{{購入者名}} 様\n{{対応結果}}\n{{ショップ名}}",
  );
  assert.equal(
    await again.getByLabel("キャンセル希望とみなす語句").inputValue(),
    "キャンセルしたい\nやめたい",
  );
  const saved = await api.call("GET", `/api/shops/${shopId}`);
  assert.deepEqual(saved.settings.inquiryLinkage.cancelPhrases, ["キャンセルしたい", "やめたい"]);

  // A template that names a placeholder the server does not know is refused at its field.
  await again.getByLabel("自動返信テンプレート").fill("{{お届け日}}にキャンセルします");
  await page
    .getByRole("form", { name: `${SHOP_NAME} の設定` })
    .getByRole("button", { name: "保存" })
    .click();
  await again.locator(".field-error", { hasText: "使えない差し込み項目があります" }).waitFor();

  await page.goto(`${e2e.url}/shops?edit=${phone.id}`);
  await page.getByRole("form", { name: "電話注文 の設定" }).getByLabel("ショップ名").waitFor();
  assert.equal(await page.getByText("R-Messe連携", { exact: false }).count(), 0);
});
