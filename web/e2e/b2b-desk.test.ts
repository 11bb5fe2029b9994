import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSuite, logInAsOwner, type SessionClient, setUpOwner } from "./harness.ts";

/** The merchant's BtoB desk by hand: a 取引先 with its book, a price with 最小発注数, a メール発注. */
const e2e = browserSuite();
let api: SessionClient;
const page = () => e2e.page;

test("取引先を追加 with 掛け払い and 締め日, then its 配送先 and メール送信先", async () => {
  api = await setUpOwner(e2e.url);
  const product = await api.call("POST", "/api/products", { sku: "B2B-GEN", name: "業務用玄米茶 1kg" });
  await api.call("POST", `/api/products/${product.id}/stock`, { onHand: 50 });
  await page().goto(`${e2e.url}/b2b`);
  await logInAsOwner(page());
  await page().getByRole("button", { name: "取引先を追加" }).click();
  await page().getByLabel("取引先名").fill("有限会社やまぶき");
  await page().getByLabel("取引先コード").fill("YAMABUKI");
  await page()
    .getByRole("combobox", { name: /^締め日/ })
    .selectOption({ label: "20日" });
  await page().getByRole("button", { name: "取引先を追加" }).click();
  await page().getByRole("heading", { name: "有限会社やまぶき" }).waitFor();
  await page().getByText("20日締め").first().waitFor();

  await page().getByRole("button", { name: "配送先を追加" }).click();
  const shipTo = page().getByRole("form", { name: "配送先を追加" });
  for (const [label, value] of [
    ["名称(本店・倉庫など)", "本店"],
    ["宛名", "やまぶき 購買課"],
    ["郵便番号", "100-0005"],
    ["都道府県", "東京都"],
    ["住所", "千代田区丸の内1-1"],
    ["電話番号", "03-1234-5678"],
  ] as const)
    await shipTo.getByLabel(label, { exact: true }).fill(value);
  await shipTo.getByRole("button", { name: "配送先を追加" }).click();
  await page().getByRole("region", { name: "配送先アドレス帳" }).getByText("千代田区丸の内1-1").waitFor();

  const mail = page().getByRole("form", { name: "メール送信先を追加" });
  await mail.getByLabel("メールアドレス").fill("kobai@yamabuki.example");
  await mail.getByRole("button", { name: "追加" }).click();
  await page().getByRole("region", { name: "メール送信先" }).getByText("kobai@yamabuki.example").waitFor();
});

test("価格: a price with 最小発注数 for the company; メール発注 below it is refused on its line, then registered", async () => {
  await page().getByRole("navigation", { name: "BtoBメニュー" }).getByRole("link", { name: "価格" }).click();
  await page().getByLabel("価格の対象").selectOption({ label: "有限会社やまぶき(YAMABUKI)" });
  await page().getByLabel("業務用玄米茶 1kgの単価").fill("2400");
  await page().getByLabel("業務用玄米茶 1kgの最小発注数").fill("3");
  await page().getByRole("button", { name: "価格を保存" }).click();
  await page().getByText("価格を保存しました。").waitFor();

  await page()
    .getByRole("navigation", { name: "BtoBメニュー" })
    .getByRole("link", { name: "メール発注" })
    .click();
  await page().getByLabel("取引先").selectOption({ label: "有限会社やまぶき(YAMABUKI)" });
  await page().getByLabel("配送先").locator("option", { hasText: "本店" }).waitFor({ state: "attached" });
  await page().getByLabel("商品を検索(SKU・商品名)").fill("玄米");
  await page()
    .getByRole("list", { name: "見つかった商品" })
    .getByRole("button", { name: /業務用玄米茶/ })
    .click();
  await page().getByLabel("B2B-GEN 業務用玄米茶 1kgの数量").fill("2");
  await page().getByRole("button", { name: "メール発注を登録" }).click();
  await page().locator(".field-error").first().waitFor();
  await page().getByLabel("B2B-GEN 業務用玄米茶 1kgの数量").fill("3");
  await page().getByRole("button", { name: "メール発注を登録" }).click();
  await page().getByRole("heading", { name: /注文/ }).waitFor();
  assert.match(page().url(), /\/orders\/[0-9a-f-]{36}$/);
  const order = await api.call(
    "GET",
    page()
      .url()
      .replace(/.*\/orders\//, "/api/orders/"),
  );
  assert.equal(order.b2b.companyName, "有限会社やまぶき");
  assert.equal(order.b2b.placedVia, "mail");
  assert.equal(order.total >= 7200, true, "3 × 2,400円 at the company's price");
});
