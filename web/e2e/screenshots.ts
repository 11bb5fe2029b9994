import { spawnSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { seedDemo } from "./demo.ts";
import { launchChromium, logInAsOwner, type SessionClient, setUpOwner, startServer } from "./harness.ts";
import { seedBasics } from "./seed.ts";

/**
 * `npm run screenshots`: the main screens on demo data, written to docs/screenshots/ — run it after a
 * UI change and commit the pictures with it.
 */
const out = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.locator('[aria-busy="true"]').waitFor({ state: "detached" });
  await page.screenshot({ path: `${out}${name}.png`, fullPage, animations: "disabled" });
  console.log(`docs/screenshots/${name}.png`);
}

/** Without a Japanese font Chromium draws every kana and kanji as a box. */
function checkJapaneseFont(): void {
  const fonts = spawnSync("fc-list", [":lang=ja"], { encoding: "utf8" });
  if (fonts.status === 0 && fonts.stdout.trim() === "") {
    throw new Error("日本語フォントがありません: apt-get install -y fonts-noto-cjk を実行してください");
  }
}

async function main(): Promise<void> {
  checkJapaneseFont();
  await mkdir(out, { recursive: true });
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const api = await setUpOwner(server.url);
    const seeded = await seedBasics(api);
    const { featured } = await seedDemo(api, seeded);

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: "ja-JP" });
    await page.goto(`${server.url}/orders`);
    await page.getByRole("heading", { name: "ログイン" }).waitFor();
    await shoot(page, "login", false);
    await logInAsOwner(page);
    await page.getByRole("heading", { name: "受注一覧" }).waitFor();
    await shoot(page, "orders", false);

    // The newest orders mix those still in their cancellation window with ones that may be cancelled.
    for (let i = 0; i < 3; i++)
      await page.locator("tr[data-order-number]").nth(i).getByRole("checkbox").check();
    await page.getByRole("region", { name: "一括操作" }).getByRole("button", { name: "キャンセル" }).click();
    await page.getByRole("button", { name: /件に実行/ }).click();
    await page.getByRole("dialog", { name: /一括操作の結果/ }).waitFor();
    await shoot(page, "orders-bulk-result", false);
    await page.getByRole("dialog").getByRole("button", { name: "閉じる" }).last().click();

    await page.goto(`${server.url}/attention`);
    await page.getByRole("heading", { name: "要対応" }).waitFor();
    await shoot(page, "attention");

    await page.goto(`${server.url}/orders/${featured}`);
    await page.getByRole("heading", { name: "履歴" }).waitFor();
    await shoot(page, "order-detail");
    await page.getByRole("button", { name: "受注を修正" }).first().click();
    await page.getByRole("dialog", { name: "受注を修正" }).waitFor();
    await shoot(page, "order-edit", false);
    await page.keyboard.press("Escape");

    await page.goto(`${server.url}/products`);
    await page.locator("tr[data-sku]").first().waitFor();
    await shoot(page, "products");

    await page.goto(`${server.url}/mappings`);
    await page.locator("tr[data-item-code]").first().getByRole("button", { name: "マッピング" }).click();
    await page.getByLabel("商品を検索(SKU・商品名)").fill("TEA");
    await page.getByRole("button", { name: /TEA-300/ }).click();
    await shoot(page, "mappings");

    await page.goto(`${server.url}/shops`);
    await page.getByRole("button", { name: "設定を編集" }).first().click();
    await shoot(page, "shops");

    await page.goto(`${server.url}/tags`);
    await page.getByRole("button", { name: "編集" }).first().click();
    await page.getByRole("button", { name: /試し実行/ }).click();
    await page.locator(".dry-run-summary").waitFor();
    await shoot(page, "tags");

    await page.goto(`${server.url}/shipments`);
    await page.getByRole("heading", { name: "出荷一覧" }).waitFor();
    await shoot(page, "shipments", false);
    await page.goto(`${server.url}/shipments/tracking-import`);
    await shoot(page, "tracking-import", false);
    await page.goto(`${server.url}/warehouses`);
    await shoot(page, "warehouses", false);
    const { templateId } = await api.call("POST", "/api/mail-templates/standard/thanks/copy");
    await page.goto(`${server.url}/mail/templates?id=${templateId}`);
    await shoot(page, "mail-template");
    await page.goto(`${server.url}/mails`);
    await shoot(page, "mail-log", false);

    await shootAccessSettings(page, server.url, api);

    await page.setViewportSize({ width: 820, height: 1180 });
    await page.goto(`${server.url}/orders`);
    await page.locator("tr[data-order-number]").first().waitFor();
    await shoot(page, "orders-tablet", false);
    await page.goto(`${server.url}/orders/${featured}`);
    await page.getByRole("heading", { name: "履歴" }).waitFor();
    await shoot(page, "order-detail-tablet", false);
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** 設定: ユーザー with an invitation waiting, APIトークン, Webhook and プラン. */
async function shootAccessSettings(page: Page, url: string, api: SessionClient): Promise<void> {
  await api.call("POST", "/api/users/invitations", {
    email: "staff@example.com",
    name: "山田 花子",
    role: "staff",
  });
  await api.call("POST", "/api/api-tokens", {
    name: "在庫連携スクリプト",
    scopes: ["stock:write", "catalog:read"],
  });
  // A loopback address that nothing answers: the pictures must not send anything off the machine.
  await api.call("POST", "/api/webhooks", {
    url: "http://127.0.0.1:9/juchu/webhook",
    description: "基幹システム",
    events: ["shipment.shipped", "order.cancelled"],
  });
  await page.goto(`${url}/settings/users`);
  await page.locator("tr[data-user-email]").nth(1).waitFor();
  await shoot(page, "users");
  await page.goto(`${url}/settings/api-tokens`);
  await page.locator("tr[data-token-name]").first().waitFor();
  await shoot(page, "api-tokens");
  await page.goto(`${url}/settings/webhooks`);
  await page.locator("article[data-webhook-url]").first().waitFor();
  await shoot(page, "webhooks");
  await page.goto(`${url}/settings/plan`);
  await page.getByRole("heading", { name: /現在のプラン/ }).waitFor();
  await shoot(page, "plan");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
