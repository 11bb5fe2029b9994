import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import iconv from "iconv-lite";
import { browserSuite, logInAsOwner, type SessionClient, setUpOwner } from "./harness.ts";
import { order, SENCHA, seedBasics } from "./seed.ts";

const e2e = browserSuite();
let slipNumber: string;
let api: SessionClient;
let shopId: string;

/** The shipment the own stock room works: requested now, then 出荷中 once the workers pick it up. */
async function seedShippingOrder(): Promise<string> {
  const s = await seedBasics(api);
  shopId = s.manualShop;
  await api.call("PATCH", `/api/shops/${s.manualShop}`, { settings: { gracePeriodMinutes: 0 } });
  return inStockRoom(order(s.manualShop, "E2E-SHIP-1", [SENCHA], { buyer: 5 }));
}

/** Registers a paid order and requests its shipment at once: its 出荷番号 once it is 出荷中. */
async function inStockRoom(body: object): Promise<string> {
  const created = await api.call("POST", "/api/orders", { ...body, paid: true });
  let requested = false;
  // Until it happens, however slow the machine: the runner's timeout ends a hang.
  for (;;) {
    const o = await api.call("GET", `/api/orders/${created.id}`);
    const shipment = o.shipments[0];
    if (shipment?.status === "shipping") return shipment.slipNumber as string;
    if (!requested && shipment?.status === "awaiting_shipment") {
      await api.call("POST", `/api/orders/${created.id}/shipments/${shipment.id}/request`);
      requested = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test("出荷一覧 shows the own stock room's shipment under the 出荷中 tab", async () => {
  api = await setUpOwner(e2e.url);
  slipNumber = await seedShippingOrder();

  await e2e.page.goto(e2e.url);
  await logInAsOwner(e2e.page);
  await e2e.page.getByRole("link", { name: "出荷一覧" }).first().click();
  await e2e.page.getByRole("heading", { name: "出荷一覧" }).waitFor();
  await e2e.page.locator(".status-tab-shipping .status-tab-count", { hasText: /^1$/ }).waitFor();
  await e2e.page.locator(".status-tab-shipping").click();
  await e2e.page.waitForURL((url) => url.searchParams.get("status") === "shipping");
  const row = e2e.page.locator(`tr[data-slip-number="${slipNumber}"]`);
  await row.getByRole("link", { name: "E2E-SHIP-1" }).waitFor();
  await row.locator(".col-status").getByText("出荷中").waitFor();
  // Only the own stock room's 出荷中 rows take part in the paperwork.
  await row.getByRole("checkbox").check();
  await e2e.page.getByRole("region", { name: "出荷作業" }).getByText("1件").waitFor();
});

test("伝票番号取込 marks the listed shipment 出荷済 and reports the unknown one as an error", async () => {
  await e2e.page.getByRole("link", { name: "伝票番号取込" }).click();
  await e2e.page.getByRole("heading", { name: "伝票番号取込" }).waitFor();
  await e2e.page.getByLabel("取込設定").selectOption("yamato_b2_issued");
  const csv = [
    "お客様管理番号,伝票番号,出荷予定日",
    `${slipNumber},123456789012,`,
    "NO-SUCH-SLIP,987654321098,",
  ];
  await e2e.page.getByLabel("CSVファイル").setInputFiles({
    name: "b2.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${csv.join("\r\n")}\r\n`, "utf8"),
  });
  await e2e.page.getByRole("button", { name: "取り込む" }).click();
  const report = e2e.page.getByRole("region", { name: "取込結果" });
  await report.getByText("出荷済にした 1件・エラー 1件").waitFor();
  const rows = report.locator("tbody tr");
  assert.equal(await rows.count(), 2);
  await rows.filter({ hasText: slipNumber }).locator(".outcome-badge-shipped").waitFor();
  await rows.filter({ hasText: "NO-SUCH-SLIP" }).locator(".outcome-badge-error").waitFor();

  await e2e.page.getByRole("link", { name: "出荷一覧" }).last().click();
  await e2e.page.locator(".status-tab-shipped").click();
  const shipped = e2e.page.locator(`tr[data-slip-number="${slipNumber}"]`);
  await shipped.getByRole("link", { name: "123456789012" }).waitFor();
});

test("a 完了 order has no cancel button beside the others: 不着・返品 is behind its own fold", async () => {
  const found = await api.call("GET", "/api/orders?q=E2E-SHIP-1");
  const id = found.items[0].id as string;
  // Manual orders complete once shipped; the worker takes it there, however slow the machine.
  while ((await api.call("GET", `/api/orders/${id}`)).status !== "completed")
    await new Promise((resolve) => setTimeout(resolve, 250));
  await e2e.page.goto(`${e2e.url}/orders/${id}`);
  await e2e.page.locator(".order-actions .completed-cancel").waitFor();
  assert.equal(await e2e.page.getByRole("button", { name: "注文をキャンセル" }).count(), 0);
  await e2e.page.getByText("不着・返品で取り消す場合").click();
  await e2e.page.getByRole("button", { name: "不着・返品としてキャンセルする" }).waitFor();
});

test("送り状CSV downloads the good slip; 出荷一覧 shows the one left out, why, and where to fix it", async () => {
  const warehouse = (await api.call("GET", "/api/warehouses")).items.find(
    (w: { kind: string }) => w.kind === "self",
  );
  await api.call("PATCH", `/api/warehouses/${warehouse.id}`, {
    settings: {
      sender: {
        name: "自社倉庫",
        postalCode: "150-0001",
        prefecture: "東京都",
        address1: "渋谷区神宮前1-2-3",
        phone: "03-1234-5678",
      },
      yamatoBillingCustomerCode: "0312345678",
    },
  });
  const good = await inStockRoom(order(shopId, "E2E-SLIP-OK", [SENCHA], { buyer: 1 }));
  const long = order(shopId, "E2E-SLIP-LONG", [SENCHA], { buyer: 2 });
  const bad = await inStockRoom({
    ...long,
    shipTo: { ...long.shipTo, address1: `千代田区丸の内${"一丁目".repeat(12)}` },
  });

  await e2e.page.goto(`${e2e.url}/shipments?status=shipping&warehouse=${warehouse.id}`);
  for (const slip of [good, bad])
    await e2e.page.locator(`tr[data-slip-number="${slip}"]`).getByRole("checkbox").check();
  await e2e.page.getByLabel("送り状の形式").selectOption("yamato_b2");
  const downloading = e2e.page.waitForEvent("download");
  await e2e.page.getByRole("button", { name: "送り状CSV" }).click();
  const file = await downloading;
  assert.match(file.suggestedFilename(), /^yamato_b2-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = iconv.decode(await readFile(await file.path()), "Shift_JIS");
  assert.ok(text.includes(good) && !text.includes(bad), text);

  const report = e2e.page.getByRole("alert").filter({ hasText: "送り状CSVから 1件の出荷を外しました" });
  await report.getByText(bad).waitFor();
  await report.getByText(/お届け先住所 は全角32文字まで/).waitFor();
  const row = e2e.page.locator(`tr[data-slip-number="${bad}"]`);
  assert.match((await row.getAttribute("class")) ?? "", /row-left-out/);
  await row.getByText(/送り状CSVから除外: お届け先住所/).waitFor();
  // The shipment's own 配送サービス, picked on its row, is what its next slip uses.
  const patched = e2e.page.waitForResponse((r) => r.request().method() === "PATCH");
  await e2e.page
    .locator(`tr[data-slip-number="${good}"]`)
    .getByLabel(`出荷 ${good} の配送サービス`)
    .selectOption("compact");
  assert.equal((await patched).status(), 200);
  const picked = await api.call("GET", `/api/shipments?q=${good}`);
  assert.equal(picked.items[0].shippingService, "compact");
  await report.getByRole("link", { name: "受注一覧 › 注文 E2E-SLIP-LONG" }).click();
  await e2e.page.getByRole("heading", { name: /E2E-SLIP-LONG/ }).waitFor();
});
