import assert from "node:assert/strict";
import { after, test } from "node:test";
import { type RakutenSandbox, startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { sandboxControl } from "#test/rakuten.ts";
import { browserSuite, logInAsOwner, setUpOwner } from "./harness.ts";

/** A new Rakuten shop walked through its 初期設定確認チェックシート to 受注連動, refused while items are open. */

let sandbox: RakutenSandbox | undefined;
const e2e = browserSuite({
  env: async () => {
    sandbox = await startRakutenSandbox();
    return { JUCHU_RAKUTEN_API_URL: sandbox.url };
  },
});
after(() => sandbox?.close());

/** An hour from now as the datetime-local input takes it, in Tokyo time. */
function tokyoInAnHour(): string {
  return new Date(Date.now() + 9 * 3600_000 + 3600_000).toISOString().slice(0, 16);
}

test("a new shop: test import checked field by field, every item confirmed, then 受注連動 on", async () => {
  const api = await setUpOwner(e2e.url);
  if (!sandbox) throw new Error("the sandbox did not start");
  const mall = sandboxControl(sandbox);
  const mallShop = await mall.createShop();
  const shop = await api.call("POST", "/api/shops", {
    channel: "rakuten",
    name: "楽天 初期設定店",
    settings: { testImportMode: true },
    credentials: { serviceSecret: mallShop.serviceSecret, licenseKey: mallShop.licenseKey },
  });
  assert.equal(shop.settings.returnStockOnCancel, false, "在庫戻し starts off");
  const placed = await mall.placeOrder(mallShop.shopId, {
    packages: [{ items: [{ manageNumber: "tea", itemName: "煎茶", price: 1080, units: 1 }] }],
  });
  await api.call("POST", `/api/shops/${shop.id}/import`);

  const page = e2e.page;
  await page.goto(`${e2e.url}/shops?edit=${shop.id}`);
  await logInAsOwner(page);
  const sheet = page.getByRole("region", { name: /初期設定確認チェックシート/ });
  await sheet.getByText("未確認 9件").waitFor();
  const form = page.getByRole("form", { name: "楽天 初期設定店 の設定" });
  assert.equal(await form.getByLabel("受注連動(Juchuでの変更をモールへ反映)").isDisabled(), true);
  await form
    .getByRole("note")
    .getByText(/未確認: 店舗情報、カレンダー設定/)
    .waitFor();
  // A new shop's 注文キャンセル時在庫戻し shows off.
  assert.equal(await form.getByLabel("キャンセル時に引当済みの在庫を戻す").isChecked(), false);

  const testItem = sheet.getByRole("listitem", { name: "テスト取込の確認" });
  await testItem.getByText("✔ テスト取込した注文: 1件").waitFor();
  await testItem.getByText("✖ まだ処理済みにしていない注文: 1件").waitFor();
  await testItem.getByRole("button", { name: "確認した" }).click();
  await sheet
    .getByRole("alert")
    .getByText(/まだ処理済みになっていません/)
    .waitFor();

  // テスト取込の確認: the screen the item links to, one row per derived field.
  await testItem.getByRole("link", { name: "設定を開く" }).click();
  await page.getByRole("heading", { name: "テスト取込の確認(楽天 初期設定店)" }).waitFor();
  const order = page.getByRole("article", { name: `注文 ${placed.orderNumber}` });
  const row = (label: string) => order.getByRole("row", { name: new RegExp(`^${label}`) });
  await row("請求金額").getByText("✔ OK").waitFor();
  await row("請求金額").getByText("モールの請求金額と一致しています").waitFor();
  await row("送付元住所").getByText("✖ 要確認").waitFor();
  await row("決済方法").getByText("✔ OK").waitFor();
  assert.equal(await order.getByRole("row").count(), 11, "a header and the 10 checks");
  await page.getByRole("link", { name: "チェックシートへ戻る" }).click();

  await form.getByRole("button", { name: "テスト取込の注文を処理済みにする" }).click();
  await page.getByRole("button", { name: "処理済みにする", exact: true }).click();
  await testItem.getByText("✔ まだ処理済みにしていない注文: 0件").waitFor();

  for (const label of [
    "店舗情報",
    "カレンダー設定",
    "マスタ管理",
    "商品インポート",
    "配送条件",
    "項目選択肢・オプション金額",
    "顧客ランク設定",
    "テスト取込の確認",
  ]) {
    const item = sheet.getByRole("listitem", { name: label });
    await item.getByRole("button", { name: "確認した" }).click();
    await item.getByText(/^確認済み\(.+・/).waitFor();
  }
  await form.getByRole("note").getByText("(未確認: メールの確認)").waitFor();
  await sheet
    .getByRole("listitem", { name: "メールの確認" })
    .getByRole("button", { name: "確認した" })
    .click();
  await sheet.getByText("すべて確認済み").waitFor();

  const sync = form.getByLabel("受注連動(Juchuでの変更をモールへ反映)");
  await sync.check();
  await form.getByLabel("受注連動の開始日時").fill(tokyoInAnHour());
  await form.getByRole("button", { name: "保存" }).click();
  await form.getByText("保存しました。").waitFor();
  const saved = await api.call("GET", `/api/shops/${shop.id}`);
  assert.equal(saved.settings.syncEnabled, true);
});
