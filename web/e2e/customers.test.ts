import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSuite, logInAsOwner, setUpOwner } from "./harness.ts";
import { order, SENCHA } from "./seed.ts";

const e2e = browserSuite();

test("顧客ランク設定 → a returning buyer's order carries the rank and its tag; 顧客 lists them with their orders", async () => {
  const api = await setUpOwner(e2e.url);
  const shop = await api.call("POST", "/api/shops", { channel: "manual", name: "電話注文" });
  const { page } = e2e;
  await page.goto(e2e.url);
  await logInAsOwner(page);

  // 顧客ランク設定: ゴールド for two orders in a year.
  await page
    .getByRole("navigation", { name: "メインメニュー" })
    .getByRole("link", { name: "顧客ランク設定" })
    .click();
  await page.getByRole("heading", { name: "顧客ランク設定" }).waitFor();
  await page.getByRole("button", { name: "ランクを追加" }).click();
  const form = page.getByRole("form", { name: "顧客ランクの追加" });
  await form.getByLabel("ランク名").fill("ゴールド");
  await form.getByLabel("購入回数(以上)").fill("2");
  await form.getByRole("button", { name: "保存" }).click();
  await page.getByRole("table", { name: "顧客ランク" }).getByText("過去365日に2回以上").waitFor();
  // A rank with neither minimum is refused, the field named.
  await page.getByRole("button", { name: "ランクを追加" }).click();
  await form.getByLabel("ランク名").fill("シルバー");
  await form.getByRole("button", { name: "保存" }).click();
  await form
    .locator(".field", { hasText: "購入回数(以上)" })
    .getByText("購入回数か購入金額の少なくとも一方を指定してください")
    .waitFor();
  await form.getByRole("button", { name: "やめる" }).click();

  // タグ: the rule editor offers 顧客ランク with the ranks of 顧客ランク設定.
  await page
    .getByRole("navigation", { name: "メインメニュー" })
    .getByRole("link", { name: "タグ", exact: true })
    .click();
  await page.getByRole("button", { name: "タグを作成" }).click();
  const tagForm = page.getByRole("form", { name: "タグの作成" });
  await tagForm.getByLabel("タグ名").fill("上得意");
  await tagForm.getByLabel("条件に一致した注文に自動で付ける").check();
  await tagForm.getByLabel("条件1の項目").selectOption({ label: "顧客ランク(注文時)" });
  await tagForm.getByLabel("条件1の値").selectOption(["ゴールド"]);
  await tagForm.getByRole("button", { name: "保存" }).click();
  await page.getByText("顧客ランクがゴールド").waitFor();

  const line = [{ ...SENCHA, quantity: 1 }];
  await api.call("POST", "/api/orders", order(shop.id, "CUST-1", line, { buyer: 0 }));
  const second = await api.call("POST", "/api/orders", order(shop.id, "CUST-2", line, { buyer: 0 }));
  // The seed gives every buyer one phone: this one's own, or the phone would make them one customer.
  const other = order(shop.id, "CUST-3", line, { buyer: 1 });
  await api.call("POST", "/api/orders", { ...other, buyer: { ...other.buyer, phone: "080-9999-0000" } });

  // 顧客: the returning buyer is one customer with two orders and the rank.
  await page
    .getByRole("navigation", { name: "メインメニュー" })
    .getByRole("link", { name: "顧客", exact: true })
    .click();
  await page.getByRole("heading", { name: "顧客", exact: true }).waitFor();
  const table = page.getByRole("table", { name: "顧客一覧" });
  const hanako = table.locator("tr", { hasText: "佐藤 花子" });
  await hanako.getByText("ゴールド").waitFor();
  await hanako.getByText("2回").waitFor();
  await table.locator("tr", { hasText: "鈴木 一郎" }).getByText("1回").waitFor();

  await page.getByLabel("氏名・メールアドレス・電話番号で検索").fill("鈴木一郎");
  await page.getByRole("button", { name: "検索" }).click();
  await table.locator("tr", { hasText: "佐藤 花子" }).waitFor({ state: "detached" });
  await page.getByLabel("氏名・メールアドレス・電話番号で検索").fill("");
  await page.getByRole("button", { name: "検索" }).click();
  await page.getByRole("combobox", { name: "顧客ランク" }).selectOption("ゴールド");
  await table.locator("tr", { hasText: "鈴木 一郎" }).waitFor({ state: "detached" });

  // The customer's page: their orders, each with the rank it was placed at, linking to the order.
  await table.getByRole("link", { name: "佐藤 花子" }).click();
  await page.getByTestId("customer-rank").getByText("ゴールド").waitFor();
  const orders = page.getByRole("table", { name: "この顧客の注文" });
  await orders.locator("tr", { hasText: "CUST-1" }).getByText("—").waitFor();
  await orders.locator("tr", { hasText: "CUST-2" }).getByText("ゴールド").waitFor();
  await orders.getByRole("link", { name: "CUST-2" }).click();

  await page.getByTestId("order-customer-rank").getByText("ゴールド").waitFor();
  assert.equal(new URL(page.url()).pathname, `/orders/${second.id}`);
  const detail = await api.call("GET", `/api/orders/${second.id}`);
  assert.ok(
    detail.tags.some((t: { name: string }) => t.name === "上得意"),
    JSON.stringify(detail.tags),
  );
});
