import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import iconv from "iconv-lite";
import { browserSuite, logInAsOwner, setUpOwner } from "./harness.ts";
import { order, SENCHA, seedBasics } from "./seed.ts";

const e2e = browserSuite();

test("配送条件: set on the product screen, held orders say why, and the CSV bulk edit reports each bad row", async () => {
  const api = await setUpOwner(e2e.url);
  const s = await seedBasics(api);
  await api.call("PATCH", `/api/shops/${s.manualShop}`, { settings: { gracePeriodMinutes: 0 } });
  const page = e2e.page;

  await page.goto(`${e2e.url}/products`);
  await logInAsOwner(page);
  const row = page.locator('tr[data-sku="TEA-100"]');
  await row.getByText("配送条件", { exact: true }).click();
  const form = page.getByRole("form", { name: "TEA-100 の配送条件" });
  await form.getByLabel("配送会社").selectOption({ label: "ヤマト運輸" });
  await form.getByLabel("お届け対応可能日数").fill("2");
  await form.getByLabel("時間帯の受け付け").selectOption("some");
  await form.getByLabel("14〜16時").check();
  await form.getByRole("button", { name: "配送条件を保存" }).click();
  await form.getByText("TEA-100 の配送条件を保存しました").waitFor();

  // An order for 18〜20時 of a product that takes 午前中 and 14〜16時 only: held, with why.
  const made = await api.call("POST", "/api/orders", {
    ...order(s.manualShop, "E2E-DC-1", [SENCHA]),
    desiredTimeSlot: "18:00-20:00",
  });
  await page.goto(`${e2e.url}/orders/${made.id}`);
  await page.getByText("時間帯指定不可").first().waitFor();
  await page
    .getByText(/「18:00-20:00」は商品 TEA-100 の配送条件で受け付けていません/)
    .first()
    .waitFor();
  await page.getByText("(お届け対応可能日数 2日)").waitFor();

  await page.goto(`${e2e.url}/products`);
  const csv = page.locator("details", { hasText: "配送条件をCSVで一括編集" });
  await csv.getByText("配送条件をCSVで一括編集").click();
  const downloading = page.waitForEvent("download");
  await csv.getByRole("button", { name: "CSVを書き出す" }).click();
  const file = await downloading;
  const text = iconv.decode(await readFile(await file.path()), "cp932");
  assert.match(text, /^SKU,商品名,物流会社,配送会社,お届け対応可能日数,時間帯\r\n/);
  assert.ok(text.includes("TEA-100,静岡煎茶 100g,,ヤマト運輸,2,午前中/14～16時\r\n"), text);

  const header = "SKU,商品名,物流会社,配送会社,お届け対応可能日数,時間帯\r\n";
  const take = (body: string) =>
    csv.getByLabel("配送条件CSVを取り込む").setInputFiles({
      name: "conditions.csv",
      mimeType: "text/csv",
      buffer: iconv.encode(header + body, "cp932"),
    });
  await take("TEA-200,,,佐川急便,1,\r\nTEA-999,,,,0,\r\n");
  const report = csv.getByRole("table", { name: "取り込めなかった行" });
  await report.getByText("3行目.SKU").waitFor();
  await report.getByText("unknown_sku").waitFor();
  await csv.getByText(/どの行も取り込んでいません/).waitFor();
  await take("TEA-200,,,佐川急便,1,\r\n");
  await csv.getByText("1件の商品の配送条件を取り込みました。").waitFor();
  const tea200 = (await api.call("GET", "/api/products?q=TEA-200")).items[0].id;
  const after = await api.call("GET", `/api/products/${tea200}/delivery-conditions`);
  assert.deepEqual(after, { warehouseId: null, carrier: "sagawa", leadDays: 1, timeSlots: null });
});
