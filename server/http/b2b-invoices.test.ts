import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { inspectPdf } from "#server/adapters/documents/test-pdf.ts";
import { recordWarehouseResults } from "#server/app/shipping/record-warehouse-results.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { companyWithBuyer } from "#test/buyer-api.ts";
import { newProduct } from "#test/catalog-api.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

async function invoice(companyId: string, month: string) {
  const res = await fetch(`${t.url}/api/b2b/companies/${companyId}/invoices?month=${month}`, {
    headers: { authorization: `Bearer ${t.owner.apiToken}` },
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (res.status !== 200)
    return { status: res.status, text: "", body: JSON.parse(new TextDecoder().decode(bytes)) };
  assert.equal(res.headers.get("content-type"), "application/pdf");
  return { status: 200, text: (await inspectPdf(bytes)).pages.join("\n"), body: null };
}

test("請求書: a 掛け払い company's orders shipped between the day after last 締め日 and this one, with the registration number", async () => {
  const settings = await t.api("PUT", "/api/b2b/settings", { invoiceRegistrationNumber: "T1234567890123" });
  assert.equal(settings.status, 200, JSON.stringify(settings.body));
  const c = await companyWithBuyer(t, "INV1");
  const productId = await newProduct(t, "B2B-INV", 100);
  await t.api("PUT", "/api/b2b/prices", {
    items: [{ productId, companyId: c.companyId, unitPrice: 1200, minQuantity: 1, lotQuantity: 1 }],
  });
  const warehouseId = (await t.api("GET", "/api/warehouses")).body.items[0].id;
  const shipOn = async (quantity: number, shippedOn: string | null) => {
    const placed = await c.browser.call("POST", "/api/buyer/orders", {
      shipToId: c.shipToId,
      lines: [{ productId, quantity }],
    });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));
    await t.runDueJobs("grace-period-over");
    const order = (await t.api("GET", `/api/orders/${placed.body.id}`)).body;
    if (!shippedOn) return order.mallOrderNumber as string;
    const [shipment] = order.shipments;
    await t.api("POST", `/api/orders/${order.id}/shipments/${shipment.id}/request`);
    await t.runDueJobs("shipment-request");
    await recordWarehouseResults(t.ctx, warehouseId, [
      {
        warehouseReference: shipment.slipNumber,
        slipNumber: shipment.slipNumber,
        outcome: "shipped",
        shippedOn,
        parcels: [{ carrier: "yamato", trackingNumber: `1234${quantity}5678901`.slice(0, 12) }],
      },
    ]);
    return order.mallOrderNumber as string;
  };
  const january = await shipOn(2, "2030-01-20");
  const february = await shipOn(3, "2030-01-21");
  const unshipped = await shipOn(4, null);

  const jan = await invoice(c.companyId, "2030-01");
  assert.equal(jan.status, 200, JSON.stringify(jan.body));
  for (const text of [
    "請求書",
    "株式会社INV1 御中",
    "登録番号 T1234567890123",
    "2029年12月21日〜2030年1月20日",
    "¥2,400",
    january,
  ])
    assert.ok(jan.text.includes(text), `January names ${text}:\n${jan.text}`);
  assert.ok(!jan.text.includes(february) && !jan.text.includes(unshipped), "only what shipped in the period");
  const feb = await invoice(c.companyId, "2030-02");
  assert.ok(feb.text.includes(february) && feb.text.includes("¥3,600"), feb.text);
  assert.ok(feb.text.includes("お支払期限"), "payment due after the 締め日");
  assert.ok(!feb.text.includes(january), feb.text);

  assert.equal((await invoice(c.companyId, "2030-13")).status, 422);
  const bad = await t.api("PUT", "/api/b2b/settings", { invoiceRegistrationNumber: "T123" });
  assert.equal(bad.status, 422);
  const prepaid = await t.api("POST", "/api/b2b/companies", {
    name: "前払商事",
    code: "PRE1",
    paymentTerms: "prepaid",
  });
  assert.equal(prepaid.status, 201, JSON.stringify(prepaid.body));
  const refused = await invoice(prepaid.body.id, "2030-01");
  assert.equal(refused.body.code, "b2b_invoice.not_invoice_terms");
  const other = await t.newAccount();
  const foreign = await fetch(`${t.url}/api/b2b/companies/${c.companyId}/invoices?month=2030-01`, {
    headers: { authorization: `Bearer ${other.apiToken}` },
  });
  assert.equal(foreign.status, 404, "another account's company is not found");
});
