import assert from "node:assert/strict";
import { after, test } from "node:test";
import { type RakutenSandbox, startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { sandboxControl } from "#test/rakuten.ts";
import { browserSuite, logInAsOwner, setUpOwner } from "./harness.ts";

/**
 * ショップ設定 of a 楽天 shop: 送付元住所 saved with the settings, a マスタ管理 row edited and refused
 * then saved, and 未登録の値 listing the 決済方法 the RMS sandbox sent that Juchu does not know.
 */

let sandbox: RakutenSandbox | undefined;
const e2e = browserSuite({
  env: async () => {
    sandbox = await startRakutenSandbox();
    return { JUCHU_RAKUTEN_API_URL: sandbox.url };
  },
});
after(() => sandbox?.close());

test("送付元住所, マスタ管理 and 未登録の値 on the shop's settings", async () => {
  const api = await setUpOwner(e2e.url);
  if (!sandbox) throw new Error("the sandbox did not start");
  const mall = sandboxControl(sandbox);
  const mallShop = await mall.createShop();
  const shop = await api.call("POST", "/api/shops", {
    channel: "rakuten",
    name: "楽天E2E店",
    settings: { importEnabled: false },
    credentials: { serviceSecret: mallShop.serviceSecret, licenseKey: mallShop.licenseKey },
  });
  await mall.placeOrder(mallShop.shopId, { settlement: "unlisted" });
  await api.call("POST", `/api/shops/${shop.id}/import`);

  const page = e2e.page;
  await page.goto(`${e2e.url}/shops?edit=${shop.id}`);
  await logInAsOwner(page);

  // 未登録の値: the code RMS sent, with its name and the order count.
  const unknown = page.getByRole("table", { name: "未登録の値" });
  await unknown.waitFor();
  const row = unknown.getByRole("row").nth(1);
  for (const text of ["決済方法", "99", "新しい決済方法", "1"])
    await row.getByText(text, { exact: true }).first().waitFor();

  // 送付元住所: the shop's own, refused while its postal code is another prefecture's, then saved.
  await page.getByLabel("このショップの住所").check();
  await page.getByLabel("送付元名").fill("浜松アウトレット");
  await page.getByLabel("郵便番号").fill("430-0933");
  await page.getByLabel("都道府県").selectOption("東京都");
  await page.getByLabel("住所", { exact: true }).fill("浜松市中区鍛冶町100");
  await page.getByLabel("電話番号", { exact: true }).fill("053-111-2222");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await page.getByText("郵便番号「430-0933」は静岡県の番号です(都道府県: 東京都)", { exact: true }).waitFor();
  await page.getByLabel("都道府県").selectOption("静岡県");
  await page.getByRole("button", { name: "保存", exact: true }).click();
  await page.getByText("保存しました。", { exact: true }).waitFor();
  const saved = await api.call("GET", `/api/shops/${shop.id}`);
  assert.equal(saved.settings.shipFrom.mode, "shop");
  assert.equal(saved.settings.shipFrom.prefecture, "静岡県");

  // マスタ管理: ヤマト's first row to 1028; a code of the wrong shape is refused on its row first.
  await page.getByText("配送会社(既定値)").click();
  const delivery = page.getByRole("table", { name: "配送会社のマスタ" });
  const yamato = delivery.getByLabel("2行目のモールのコード", { exact: true });
  assert.equal(await yamato.inputValue(), "1001");
  await yamato.fill("ヤマト");
  await page.getByRole("button", { name: "配送会社のマスタを保存" }).click();
  await page
    .getByText("「ヤマト」は楽天の配送会社コード(4桁の数字)ではありません", { exact: true })
    .waitFor();
  await yamato.fill("1028");
  await page.getByRole("button", { name: "配送会社のマスタを保存" }).click();
  // 1028 is その他 by default: a code means one thing, so that row goes.
  await page.getByText("モールのコード「1028」が2行にあります", { exact: true }).waitFor();
  const otherRow = delivery
    .getByRole("row")
    .filter({ has: page.getByLabel("31行目のモールのコード", { exact: true }) });
  assert.equal(await otherRow.getByLabel("31行目のモールのコード", { exact: true }).inputValue(), "1028");
  await otherRow.getByRole("button", { name: "削除" }).click();
  await page.getByRole("button", { name: "配送会社のマスタを保存" }).click();
  await page.getByText("保存しました。次の取込から使われます。").waitFor();
  const masters = await api.call("GET", `/api/shops/${shop.id}/masters`);
  const rows = masters.items.find((m: { kind: string }) => m.kind === "delivery_company").rows;
  assert.deepEqual(rows[1], {
    code: "yamato",
    label: "ヤマト運輸",
    mallCode: "1028",
    mallLabel: "Rakuten EXPRESS",
  });
});
