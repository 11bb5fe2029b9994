import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchChromium, OWNER, SessionClient, startServer } from "./harness.ts";
import { order, SENCHA, seedBasics } from "./seed.ts";

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
let slipNumber: string;

before(async () => {
  server = await startServer();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "ja-JP" });
  page.setDefaultTimeout(15_000);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The shipment the own stock room works: requested now, then 出荷中 once the workers pick it up. */
async function seedShippingOrder(api: SessionClient): Promise<string> {
  const s = await seedBasics(api);
  await api.call("PATCH", `/api/shops/${s.manualShop}`, { settings: { gracePeriodMinutes: 0 } });
  const created = await api.call("POST", "/api/orders", {
    ...order(s.manualShop, "E2E-SHIP-1", [SENCHA], { buyer: 5 }),
    paid: true,
  });
  const deadline = Date.now() + 60_000;
  let requested = false;
  while (Date.now() < deadline) {
    const o = await api.call("GET", `/api/orders/${created.id}`);
    const shipment = o.shipments[0];
    if (shipment?.status === "shipping") return shipment.slipNumber as string;
    if (!requested && shipment?.status === "awaiting_shipment") {
      await api.call("POST", `/api/orders/${created.id}/shipments/${shipment.id}/request`);
      requested = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the shipment never reached 出荷中");
}

test("出荷一覧 shows the own stock room's shipment under the 出荷中 tab", async () => {
  await fetch(`${server.url}/api/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(OWNER),
  }).then((res) => assert.ok(res.ok, `setup: ${res.status}`));
  const api = await SessionClient.logIn(server.url, OWNER.email, OWNER.password);
  slipNumber = await seedShippingOrder(api);

  await page.goto(server.url);
  await page.getByLabel("メールアドレス").fill(OWNER.email);
  await page.getByLabel("パスワード").fill(OWNER.password);
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.getByRole("link", { name: "出荷一覧" }).first().click();
  await page.getByRole("heading", { name: "出荷一覧" }).waitFor();
  await page.locator(".status-tab-shipping .status-tab-count", { hasText: /^1$/ }).waitFor();
  await page.locator(".status-tab-shipping").click();
  await page.waitForURL((url) => url.searchParams.get("status") === "shipping");
  const row = page.locator(`tr[data-slip-number="${slipNumber}"]`);
  await row.getByRole("link", { name: "E2E-SHIP-1" }).waitFor();
  await row.locator(".col-status").getByText("出荷中").waitFor();
  // Only the own stock room's 出荷中 rows take part in the paperwork.
  await row.getByRole("checkbox").check();
  await page.getByRole("region", { name: "出荷作業" }).getByText("1件").waitFor();
});

test("伝票番号取込 marks the listed shipment 出荷済 and reports the unknown one as an error", async () => {
  await page.getByRole("link", { name: "伝票番号取込" }).click();
  await page.getByRole("heading", { name: "伝票番号取込" }).waitFor();
  await page.getByLabel("取込設定").selectOption("yamato_b2_issued");
  const csv = [
    "お客様管理番号,伝票番号,出荷予定日",
    `${slipNumber},123456789012,`,
    "NO-SUCH-SLIP,987654321098,",
  ];
  await page.getByLabel("CSVファイル").setInputFiles({
    name: "b2.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${csv.join("\r\n")}\r\n`, "utf8"),
  });
  await page.getByRole("button", { name: "取り込む" }).click();
  const report = page.getByRole("region", { name: "取込結果" });
  await report.getByText("出荷済にした 1件・エラー 1件").waitFor();
  const rows = report.locator("tbody tr");
  assert.equal(await rows.count(), 2);
  await rows.filter({ hasText: slipNumber }).locator(".outcome-badge-shipped").waitFor();
  await rows.filter({ hasText: "NO-SUCH-SLIP" }).locator(".outcome-badge-error").waitFor();

  await page.getByRole("link", { name: "出荷一覧" }).last().click();
  await page.locator(".status-tab-shipped").click();
  const shipped = page.locator(`tr[data-slip-number="${slipNumber}"]`);
  await shipped.getByRole("link", { name: "123456789012" }).waitFor();
});
