import { readFile } from "node:fs/promises";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { browserSuite, logInAsOwner, type SessionClient, setUpOwner } from "./harness.ts";
import { seedBasics } from "./seed.ts";

const e2e = browserSuite();

// One account per server: set up by whichever test runs first.
let owner: Promise<SessionClient> | undefined;
const ownerApi = () => {
  owner ??= setUpOwner(e2e.url);
  return owner;
};

/** Opens `path`, logging in when the page asks (the first test of the file). */
async function open(page: Page, path: string, heading: string) {
  await page.goto(`${e2e.url}${path}`);
  const login = page.getByRole("button", { name: "ログイン" });
  await login
    .or(page.getByRole("heading", { name: heading }))
    .first()
    .waitFor();
  if (await login.isVisible()) await logInAsOwner(page);
  await page.getByRole("heading", { name: heading }).waitFor();
}

test("受注登録: the API's field errors show beside their fields; the postal code fills the address; the order opens", async () => {
  await seedBasics(await ownerApi());
  const page = e2e.page;
  await open(page, "/orders/new", "受注登録");
  const form = page.getByRole("form", { name: "受注登録" });
  await form.getByLabel("注文番号").fill("E2E-ENTRY-1");
  await form.getByLabel("購入者名").fill("山田 太郎");
  await form.getByLabel("メールアドレス").fill("taro@example.com");
  await form.getByLabel("送付先氏名").fill("山田 太郎");
  await form.getByLabel("郵便番号").fill("100-0001");
  await form.getByLabel("送付先電話番号").click();
  await page.waitForFunction(() =>
    [...document.querySelectorAll("select")].some((s) => s.value === "東京都"),
  );
  await page.waitForFunction(() =>
    [...document.querySelectorAll("input")].some((i) => i.value === "千代田区千代田"),
  );
  await form.getByLabel("送付先電話番号").fill("03-1111");
  await form.getByLabel("商品コード").fill("sencha-100");
  await form.getByLabel("商品名").fill("煎茶 100g");
  await form.getByLabel("単価").fill("1200");
  await form.getByRole("button", { name: "登録する" }).click();
  await form.locator(".field-error", { hasText: "電話番号の形式が正しくありません" }).waitFor();

  await form.getByLabel("送付先電話番号").fill("03-1111-2222");
  await form.getByRole("button", { name: "登録する" }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  await page.getByText("E2E-ENTRY-1").first().waitFor();
});

test("CSV受注取込: a futureshop file runs to 完了, with a line per order line in the report", async () => {
  await (await ownerApi()).call("POST", "/api/shops", { channel: "csv", name: "futureshop本店" });
  const page = e2e.page;
  await open(page, "/orders/csv-import", "CSV受注取込");
  const form = page.getByRole("form", { name: "受注CSVのアップロード" });
  await form.getByLabel("ショップ").selectOption({ label: "futureshop本店" });
  await form.getByLabel("取込設定").selectOption("futureshop");
  const file = await readFile(new URL("../../test/fixtures/csv-orders/futureshop.sjis.csv", import.meta.url));
  await form
    .getByLabel("CSVファイル")
    .setInputFiles({ name: "futureshop.csv", mimeType: "text/csv", buffer: file });
  await form.getByRole("button", { name: "取り込む" }).click();
  const result = page.getByRole("region", { name: "取込結果" });
  await result.getByText("futureshop.csv(futureshop 受注データ): 完了").waitFor({ timeout: 30_000 });
  await result.getByText("登録 2件").waitFor();
  await result.locator('tr[data-line="3"]').getByText("登録").first().waitFor();
  await result.locator('tr[data-line="4"]').getByRole("link", { name: "FS-0002" }).waitFor();

  await page.goto(`${e2e.url}/orders/csv-profiles`);
  await page
    .getByRole("row", { name: /futureshop 受注データ/ })
    .getByRole("button", { name: "コピーして作る" })
    .click();
  const editor = page.getByRole("form", { name: "取込設定の編集" });
  await editor.getByLabel("注文番号の列").fill("");
  await editor.getByRole("button", { name: "保存" }).click();
  await editor.locator(".field-error", { hasText: "注文番号の列を指定してください" }).waitFor();
  await editor.getByLabel("注文番号の列").fill("受注番号");
  await editor.getByRole("button", { name: "保存" }).click();
  await page.getByRole("row", { name: /futureshop 受注データのコピー/ }).waitFor();
});
