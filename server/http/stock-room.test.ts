import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import iconv from "iconv-lite";
import { inspectPdf } from "#server/adapters/documents/test-pdf.ts";
import { carrierLayout } from "#server/carriers/registry.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { mapItem, newOrder, newProduct, orderBody } from "#test/catalog-api.ts";

let t: TestApp;
let shopId: string;
let warehouseId: string;
let seq = 0;

const SENDER = {
  name: "自社倉庫",
  postalCode: "150-0001",
  prefecture: "東京都",
  address1: "渋谷区神宮前1-2-3",
  phone: "03-1234-5678",
};

before(async () => {
  t = await startTestApp();
  shopId = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  warehouseId = (await t.api("GET", "/api/warehouses")).body.items[0].id;
  const productId = await newProduct(t, "MUG-1", 100);
  await mapItem(t, shopId, "mug", [{ productId, quantity: 1 }]);
});
after(() => t.close());

/** The raw answer, for files: the body as bytes. */
async function raw(method: string, path: string, body?: Buffer, type = "text/csv") {
  const res = await fetch(t.url + path, {
    method,
    headers: { authorization: `Bearer ${t.owner.apiToken}`, ...(body ? { "content-type": type } : {}) },
    ...(body ? { body: new Uint8Array(body) } : {}),
  });
  return {
    status: res.status,
    type: res.headers.get("content-type") ?? "",
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}
const json = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes));
const sjisCsv = (rows: string[][]) =>
  iconv.encode(`${rows.map((r) => r.join(",")).join("\r\n")}\r\n`, "Shift_JIS");

/** A paid manual order of mugs, requested at the own stock room: 出荷作業中, its shipment 出荷中. */
async function orderInProgress(shipTo: Record<string, unknown> = {}) {
  const body = orderBody(shopId, `M-${++seq}`, [{ mallItemCode: "mug", quantity: 1 }], { paid: true });
  const order = await newOrder(t, { ...body, shipTo: { ...body.shipTo, ...shipTo } });
  const shipment = order.shipments[0];
  const req = await t.api("POST", `/api/orders/${order.id}/shipments/${shipment.id}/request`);
  assert.equal(req.status, 202, JSON.stringify(req.body));
  await t.runDueJobs("shipment-request");
  const now = (await t.api("GET", `/api/orders/${order.id}`)).body;
  assert.equal(now.shipments[0].status, "shipping");
  assert.equal(now.status, "shipping");
  return {
    orderId: order.id as string,
    orderNumber: body.mallOrderNumber,
    shipmentId: shipment.id as string,
    slipNumber: shipment.slipNumber as string,
  };
}

/** 送り状データ: the JSON answer, and its CSV as Shift_JIS bytes. */
async function slips(format: string, shipmentIds: string[]) {
  const res = await t.api("POST", `/api/warehouses/${warehouseId}/carrier-csv`, { format, shipmentIds });
  const csv = res.body.csvBase64 ? Buffer.from(res.body.csvBase64, "base64") : null;
  return { status: res.status, body: res.body, csv };
}

test("送り状データ without a sender → 422 naming settings.sender", async () => {
  const { shipmentId } = await orderInProgress();
  const res = await slips("sagawa_ehiden", [shipmentId]);
  assert.equal(res.status, 422);
  assert.ok(res.body.errors.some((e: { path: string }) => e.path === "settings.sender"));
});

test("PATCH sender; 送り状データ in every format: Shift_JIS, CRLF, the header, the slip's row", async () => {
  const patched = await t.api("PATCH", `/api/warehouses/${warehouseId}`, {
    settings: { sender: SENDER, yamatoBillingCustomerCode: "0312345678" },
  });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  assert.deepEqual(patched.body.settings.sender, SENDER);
  const { shipmentId, slipNumber } = await orderInProgress();
  for (const format of ["yamato_b2", "sagawa_ehiden", "japanpost_yupri"] as const) {
    const res = await slips(format, [shipmentId]);
    assert.equal(res.status, 200, `${format}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.contentType, "text/csv; charset=Shift_JIS");
    assert.match(res.body.fileName, new RegExp(`^${format}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    assert.deepEqual(res.body.leftOut, []);
    const text = iconv.decode(res.csv ?? Buffer.alloc(0), "Shift_JIS");
    assert.ok(text.endsWith("\r\n"), format);
    assert.equal(text.replace(/\r\n/g, "").includes("\n"), false, `${format}: only CRLF line ends`);
    const [header, row, ...rest] = text.split("\r\n");
    const cells = (line = "") => line.split(",").map((c) => c.replace(/^"|"$/g, ""));
    assert.deepEqual(cells(header), [...(carrierLayout(format)?.header ?? [])], format);
    assert.ok(cells(header).some((h) => /管理番号|管理ナンバー/.test(h)));
    const slipColumn = cells(header).indexOf(carrierLayout(format)?.slipNumberField ?? "");
    assert.equal(cells(row)[slipColumn], slipNumber, `${format}: 出荷番号 in its column`);
    assert.match(row ?? "", /大阪府|大阪市北区/);
    assert.deepEqual(rest, [""]);
  }
});

test("picking list and 納品書 are PDFs with the order in them", async () => {
  const { orderNumber, shipmentId } = await orderInProgress();
  for (const path of [
    `/api/warehouses/${warehouseId}/picking-list.pdf?shipmentIds=${shipmentId}`,
    `/api/orders/${(await t.api("GET", `/api/shipments?q=${orderNumber}`)).body.items[0].orderId}/delivery-note.pdf`,
  ]) {
    const res = await raw("GET", path);
    assert.equal(res.status, 200, path);
    assert.equal(res.type, "application/pdf");
    assert.equal(new TextDecoder().decode(res.bytes.slice(0, 5)), "%PDF-");
    const pdf = await inspectPdf(res.bytes);
    assert.ok(pdf.pages.join("\n").includes(orderNumber), `${path} names ${orderNumber}`);
  }
});

const YAMATO = ["お客様管理番号", "伝票番号", "出荷予定日"];

test("伝票番号取込 (ヤマト): a good row ships → 全出荷済 → 完了; bad rows are reported, not fatal", async () => {
  const good = await orderInProgress();
  const waiting = await newOrder(
    t,
    orderBody(shopId, `M-${++seq}`, [{ mallItemCode: "mug", quantity: 1 }], { paid: true }),
  );
  const file = sjisCsv([
    YAMATO,
    [good.slipNumber, "1234-5678-9012", "2030/01/15"],
    ["NO-SUCH-SLIP", "123456789012", "2030/01/15"],
    [waiting.shipments[0].slipNumber, "123456789013", "2030/01/15"],
  ]);
  const res = await raw(
    "POST",
    `/api/warehouses/${warehouseId}/tracking-imports?profile=yamato_b2_issued`,
    file,
  );
  assert.equal(res.status, 200, new TextDecoder().decode(res.bytes));
  const report = json(res.bytes);
  assert.deepEqual(
    report.rows.map((r: { line: number; outcome: string }) => [r.line, r.outcome]),
    [
      [2, "shipped"],
      [3, "error"],
      [4, "error"],
    ],
  );
  assert.equal(report.shipped, 1);
  assert.equal(report.failed, 2);
  assert.match(report.rows[2].message, /出荷中ではない/);

  const shipped = (await t.api("GET", `/api/orders/${good.orderId}`)).body;
  assert.equal(shipped.shipments[0].status, "shipped");
  assert.equal(shipped.shipments[0].trackingNumber, "123456789012");
  assert.equal(shipped.shipments[0].parcels[0].carrier, "yamato");
  assert.equal(shipped.status, "shipped");
  await t.runDueJobs("mall-report-shipping");
  assert.equal((await t.api("GET", `/api/orders/${good.orderId}`)).body.status, "completed");
  assert.equal(
    (await t.api("GET", `/api/orders/${waiting.id}`)).body.shipments[0].status,
    "awaiting_shipment",
  );

  const again = json(
    (await raw("POST", `/api/warehouses/${warehouseId}/tracking-imports?profile=yamato_b2_issued`, file))
      .bytes,
  );
  assert.equal(again.rows[0].outcome, "already_shipped");
});

test("伝票番号取込: a row for an order cancelled meanwhile (取下げ → キャンセル) is refused with why, not shipped", async () => {
  const gone = await orderInProgress();
  const withdrawn = await t.api("POST", `/api/orders/${gone.orderId}/shipments/${gone.shipmentId}/withdraw`);
  assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
  assert.equal((await t.api("POST", `/api/orders/${gone.orderId}/cancel`, {})).status, 200);
  const file = sjisCsv([YAMATO, [gone.slipNumber, "123456789099", "2030/01/15"]]);
  const res = await raw(
    "POST",
    `/api/warehouses/${warehouseId}/tracking-imports?profile=yamato_b2_issued`,
    file,
  );
  const report = json(res.bytes);
  assert.equal(report.shipped, 0);
  assert.equal(report.rows[0].outcome, "error");
  assert.match(report.rows[0].message, /注文がキャンセルされている/);
  assert.equal((await t.api("GET", `/api/orders/${gone.orderId}`)).body.shipments[0].status, "cancelled");
});

test("伝票番号取込 (e飛伝 出荷実績): two boxes of one slip (複数口) → one shipment with both parcels", async () => {
  const { orderId, slipNumber } = await orderInProgress();
  const file = sjisCsv([
    ["お問合せ送り状№", "出荷日時", "住所録コード", "お客様管理ナンバー"],
    ["400012345678", "2030/01/15 17:42:05", "", slipNumber],
    ["400012345679", "2030/01/15 17:42:05", "", slipNumber],
    ["400012345679", "2030/01/15 17:42:05", "", slipNumber],
  ]);
  const res = await raw(
    "POST",
    `/api/warehouses/${warehouseId}/tracking-imports?profile=sagawa_ehiden_results`,
    file,
  );
  assert.equal(res.status, 200, new TextDecoder().decode(res.bytes));
  const report = json(res.bytes);
  assert.deepEqual(
    report.rows.map((r: { line: number; outcome: string; message: string }) => [
      r.line,
      r.outcome,
      r.message,
    ]),
    [
      [2, "shipped", "出荷済にしました(2個口の1個目)"],
      [3, "shipped", "出荷済にしました(2個口の2個目)"],
    ],
  );
  assert.equal(report.shipped, 1);
  const order = (await t.api("GET", `/api/orders/${orderId}`)).body;
  assert.equal(order.status, "shipped");
  assert.deepEqual(
    order.shipments[0].parcels.map((p: { carrier: string; trackingNumber: string }) => [
      p.carrier,
      p.trackingNumber,
    ]),
    [
      ["sagawa", "400012345678"],
      ["sagawa", "400012345679"],
    ],
  );
  assert.equal(order.shipments[0].shippedOn, "2030-01-15");
});

test("伝票番号取込: a header that does not match the profile → 422", async () => {
  const file = sjisCsv([
    ["管理番号", "送り状番号"],
    ["X", "123456789012"],
  ]);
  const res = await raw(
    "POST",
    `/api/warehouses/${warehouseId}/tracking-imports?profile=yamato_b2_issued`,
    file,
  );
  assert.equal(res.status, 422);
  assert.ok(json(res.bytes).errors.some((e: { message: string }) => e.message.includes("お客様管理番号")));
});

test("a custom profile saved on the warehouse is used; an invalid one → 422", async () => {
  const profile = {
    id: "my-sagawa",
    name: "佐川(自社の書式)",
    carrier: null,
    slipNumberColumn: "注文管理",
    trackingNumberColumn: "問い合わせ番号",
    shippedOnColumn: null,
    carrierColumn: "運送会社",
  };
  const saved = await t.api("PATCH", `/api/warehouses/${warehouseId}`, {
    settings: { trackingImportProfiles: [profile] },
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const listed = await t.api("GET", `/api/warehouses/${warehouseId}/tracking-import-profiles`);
  assert.equal(listed.body.items[0].id, "my-sagawa");

  const { orderId, slipNumber } = await orderInProgress();
  const file = sjisCsv([
    ["運送会社", "注文管理", "問い合わせ番号"],
    ["佐川急便", slipNumber, "987654321098"],
  ]);
  const res = await raw("POST", `/api/warehouses/${warehouseId}/tracking-imports?profile=my-sagawa`, file);
  assert.equal(json(res.bytes).shipped, 1, new TextDecoder().decode(res.bytes));
  const order = (await t.api("GET", `/api/orders/${orderId}`)).body;
  assert.equal(order.shipments[0].parcels[0].carrier, "sagawa");
  assert.equal(order.shipments[0].trackingNumber, "987654321098");

  const bad = await t.api("PATCH", `/api/warehouses/${warehouseId}`, {
    settings: { trackingImportProfiles: [{ ...profile, carrierColumn: null, trackingNumberColumn: "" }] },
  });
  assert.equal(bad.status, 422);
  const paths = bad.body.errors.map((e: { path: string }) => e.path);
  assert.ok(paths.includes("trackingNumberColumn") && paths.includes("carrierColumn"), JSON.stringify(paths));
  const still = await t.api("GET", `/api/warehouses/${warehouseId}/tracking-import-profiles`);
  assert.equal(still.body.items[0].trackingNumberColumn, "問い合わせ番号", "the saved profile is unchanged");
});
