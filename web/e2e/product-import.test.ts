import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import iconv from "iconv-lite";
import { browserSuite, logInAsOwner, setUpOwner } from "./harness.ts";

const e2e = browserSuite();

/** The reader's own fixture, Shift_JIS as RMS hands the file out. */
const itemCsv = async (edit = (text: string) => text) =>
  iconv.encode(
    edit(
      await readFile(
        new URL("../../server/channels/rakuten/fixtures/normal-item.csv", import.meta.url),
        "utf8",
      ),
    ),
    "cp932",
  );

test("商品CSV取込: the first 楽天 shop's file makes the products, a second shop maps onto them, the report downloads", async () => {
  const owner = await setUpOwner(e2e.url);
  await owner.call("POST", "/api/shops", { channel: "rakuten", name: "楽天本店" });
  await owner.call("POST", "/api/shops", { channel: "rakuten", name: "楽天2号店" });
  const page = e2e.page;
  await page.goto(`${e2e.url}/products`);
  await logInAsOwner(page);
  await page.getByRole("link", { name: "商品CSV取込" }).click();
  await page.getByRole("heading", { name: "商品CSV取込" }).waitFor();

  const form = page.getByRole("form", { name: "商品CSVのアップロード" });
  await form.getByLabel("ショップ").selectOption({ label: "楽天本店" });
  await form.getByText("normal-item.csv").waitFor();
  await form
    .getByLabel("商品CSVファイル")
    .setInputFiles({ name: "normal-item.csv", mimeType: "text/csv", buffer: await itemCsv() });
  await form.getByRole("button", { name: "取り込む" }).click();
  const result = page.getByRole("region", { name: "取込結果" });
  await result.getByText("normal-item.csv(商品マスタとして取込): 完了").waitFor({ timeout: 30_000 });
  await result.getByText("商品登録 6件").waitFor();
  await result.getByText("エラー 2件").waitFor();
  await result
    .locator('tr[data-line="4"]')
    .getByRole("cell", { name: "TSHIRT-M-BLK", exact: true })
    .waitFor();
  await result
    .locator('tr[data-line="12"]')
    .getByText("この商品管理番号の商品行(商品名の行)がSKU行の前にありません")
    .waitFor();

  const downloaded = page.waitForEvent("download");
  await result.getByRole("button", { name: "結果をCSVでダウンロード" }).click();
  const report = (await readFile(await (await downloaded).path())).toString("utf8");
  assert.match(report, /^\uFEFF行,SKU,モール商品コード/);
  assert.match(report, /\r\n14,old-06,old-06,,エラー,コントロールカラム,control_column_delete,/);

  // The second shop: its 1 line of the master's SKU is mapped, the unknown one skipped with why.
  await form.getByLabel("ショップ").selectOption({ label: "楽天2号店" });
  const second = (text: string) =>
    text
      .split("\n")
      .filter((l, i) => i === 0 || l.includes("mug-04") || l.includes("old-06"))
      .join("\n")
      .replaceAll("old-06", "new-07")
      .replace(/^d,/gm, "u,");
  await form
    .getByLabel("商品CSVファイル")
    .setInputFiles({ name: "second.csv", mimeType: "text/csv", buffer: await itemCsv(second) });
  await form.getByRole("button", { name: "取り込む" }).click();
  await result.getByText("second.csv(既存の商品にマッピング): 完了").waitFor({ timeout: 30_000 });
  await result.getByText("マッピング登録 1件").waitFor();
  await result.getByText("スキップ 1件").waitFor();
  await result.getByLabel("結果で絞り込み").selectOption("skipped");
  await result.locator("tr[data-line]").getByText("「新しい商品として登録」を選ぶと登録します").waitFor();

  await page.getByRole("link", { name: "商品・在庫へ" }).click();
  await page.getByRole("cell", { name: "サンプルTシャツ（M / ブラック）" }).waitFor();
});
