import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, test } from "node:test";
import iconv from "iconv-lite";
import { type RakutenSandbox, startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { sandboxControl } from "#test/rakuten.ts";
import { browserSuite, logInAsOwner, setUpOwner } from "./harness.ts";

/** オプション金額表 by CSV, and an order whose option surcharge the mall has not billed, held with both amounts. */

let sandbox: RakutenSandbox | undefined;
const e2e = browserSuite({
  env: async () => {
    sandbox = await startRakutenSandbox();
    return { JUCHU_RAKUTEN_API_URL: sandbox.url };
  },
});
after(() => sandbox?.close());

test("オプション金額表: upload a Shift_JIS CSV with a per-row report, download it back; the order shows its オプション金額 and the hold", async () => {
  const api = await setUpOwner(e2e.url);
  if (!sandbox) throw new Error("the sandbox did not start");
  const mall = sandboxControl(sandbox);
  const mallShop = await mall.createShop();
  const shop = await api.call("POST", "/api/shops", {
    channel: "rakuten",
    name: "楽天オプション店",
    settings: { importEnabled: false, gracePeriodMinutes: 0 },
    credentials: { serviceSecret: mallShop.serviceSecret, licenseKey: mallShop.licenseKey },
  });
  const page = e2e.page;
  await page.goto(`${e2e.url}/option-surcharges`);
  await logInAsOwner(page);
  await page.getByRole("heading", { name: "オプション金額表" }).waitFor();
  await page.getByText("まだ登録がありません").waitFor();

  const csv =
    "商品管理番号,項目名,選択肢,金額\r\nmug,名入れ,あり,550\r\n,メッセージカード,あり,110\r\nmug,刻印,あり,三百円\r\n";
  await page
    .getByLabel("CSVファイル")
    .setInputFiles({ name: "options.csv", mimeType: "text/csv", buffer: iconv.encode(csv, "cp932") });
  await page.getByRole("button", { name: "取り込む" }).click();
  const report = page.getByRole("region", { name: "取込結果" });
  await report.getByText("登録・変更 2件・削除 0件・エラー 1件").waitFor();
  await report.locator('tr[data-line="4"]').getByText("金額: 「三百円」は円の整数ではありません").waitFor();
  const table = page.getByRole("table", { name: "オプション金額" });
  await table.getByRole("row", { name: /mug 名入れ あり 550円/ }).waitFor();
  await table.getByRole("row", { name: /全商品 メッセージカード あり 110円/ }).waitFor();

  const downloaded = page.waitForEvent("download");
  await page.getByRole("button", { name: "CSVをダウンロード" }).click();
  const bytes = await readFile(await (await downloaded).path());
  assert.equal(
    iconv.decode(bytes, "cp932"),
    "商品管理番号,項目名,選択肢,金額\r\n,メッセージカード,あり,110\r\nmug,名入れ,あり,550\r\n",
  );

  // An order: 名入れ from the table, ラッピング from its own words; the mall billed neither.
  await mall.placeOrder(mallShop.shopId, {
    packages: [
      {
        items: [
          {
            manageNumber: "mug",
            itemName: "マグカップ",
            price: 1500,
            units: 1,
            selectedChoice: "名入れ:あり\nラッピング:希望する(+330円)",
          },
        ],
      },
    ],
  });
  await api.call("POST", `/api/shops/${shop.id}/import`);
  const list = await api.call("GET", `/api/orders?shopId=${shop.id}`);
  await page.goto(`${e2e.url}/orders/${list.items[0].id}`);
  await page.getByRole("columnheader", { name: "オプション金額" }).waitFor();
  await page.getByRole("cell", { name: "880円" }).waitFor();
  await page.getByText("請求金額不一致").first().waitFor();
  await page
    .getByText(/モールの請求金額 .*円 \(差額 \+880円\)/)
    .first()
    .waitFor();
});
