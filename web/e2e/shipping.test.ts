import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSuite, logInAsOwner, type SessionClient, setUpOwner } from "./harness.ts";
import { order, SENCHA, seedBasics } from "./seed.ts";

const e2e = browserSuite();
let slipNumber: string;

/** The shipment the own stock room works: requested now, then 出荷中 once the workers pick it up. */
async function seedShippingOrder(api: SessionClient): Promise<string> {
  const s = await seedBasics(api);
  await api.call("PATCH", `/api/shops/${s.manualShop}`, { settings: { gracePeriodMinutes: 0 } });
  const created = await api.call("POST", "/api/orders", {
    ...order(s.manualShop, "E2E-SHIP-1", [SENCHA], { buyer: 5 }),
    paid: true,
  });
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
  const api = await setUpOwner(e2e.url);
  slipNumber = await seedShippingOrder(api);

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
