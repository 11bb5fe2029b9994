import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { newProduct, orderBody } from "#test/catalog-api.ts";
import { savedInquiry } from "#test/inquiries.ts";
import { fieldsOf, type Operation, operationsOf, sampleOf, withValue } from "#test/openapi-samples.ts";

let t: TestApp;
let operations: Operation[];
/** A real id of each kind of resource, by the path segment or field that names it. */
const ids: Record<string, string> = {};

const RESOURCE: Record<string, string> = {
  orders: "order",
  shops: "shop",
  tags: "tag",
  products: "product",
  "product-mappings": "mapping",
  warehouses: "warehouse",
  shipments: "shipment",
  "mail-categories": "category",
  "mail-templates": "template",
  mails: "mail",
  standard: "standardKey",
  "csv-order-profiles": "csvProfile",
  "csv-imports": "csvImport",
  "saved-searches": "savedSearch",
  "order-exports": "orderExport",
  "order-bulk-runs": "bulkRun",
  inquiries: "inquiry",
  users: "user",
  "api-tokens": "apiToken",
  sessions: "session",
  webhooks: "webhook",
  companies: "company",
};

before(async () => {
  t = await startTestApp();
  operations = operationsOf((await t.api("GET", "/api/openapi.json")).body);
  const shopId: string = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  ids.shop = shopId;
  ids.product = await newProduct(t, "BAD-1", 5);
  ids.mapping = (
    await t.api("POST", "/api/product-mappings", {
      shopId,
      mallItemCode: "bad-1",
      components: [{ productId: ids.product, quantity: 1 }],
    })
  ).body.id;
  const order = (
    await t.api("POST", "/api/orders", orderBody(shopId, "B-1", [{ mallItemCode: "bad-1", quantity: 2 }]))
  ).body;
  ids.order = order.id;
  ids.shipment = order.shipments[0].id;
  ids.item = order.items[0].id;
  ids.tag = (await t.api("POST", "/api/tags", { name: "確認", hold: false, color: "#d9534f" })).body.id;
  ids.warehouse = (await t.api("GET", "/api/warehouses")).body.items[0].id;
  ids.standardKey = (await t.api("GET", "/api/mail-templates/standard")).body.items[0].key;
  const copied = (await t.api("POST", `/api/mail-templates/standard/${ids.standardKey}/copy`)).body;
  ids.category = copied.categoryId;
  ids.template = copied.templateId;
  ids.mail = randomUUID();
  const transport = {
    host: "127.0.0.1",
    port: 25,
    secure: false,
    fromAddress: "shop@example.jp",
    fromName: "店",
  };
  assert.equal((await t.api("PUT", `/api/shops/${shopId}/mail-transport`, transport)).status, 200);
  ids.csvProfile = (
    await t.api("POST", "/api/csv-order-profiles", {
      name: "自社",
      encoding: "auto",
      headerRow: false,
      dateFormat: "yyyyMMdd",
      columns: Object.fromEntries(
        ["orderNumber", "buyerName", "buyerEmail", "shipToName", "shipToPostalCode", "shipToAddress1"]
          .concat(["shipToPhone", "paymentMethod", "itemCode", "itemName", "unitPrice", "quantity"])
          .map((f, i) => [f, [String(i + 1)]]),
      ),
    })
  ).body.id;
  const csvImport = await fetch(`${t.url}/api/csv-imports?shopId=${shopId}&profileId=juchu`, {
    method: "POST",
    headers: { authorization: `Bearer ${t.owner.apiToken}`, "content-type": "text/csv" },
    body: "注文番号\r\n",
  });
  ids.csvImport = ((await csvImport.json()) as { id: string }).id;
  ids.savedSearch = (
    await t.api("POST", "/api/saved-searches", {
      screen: "orders",
      name: "確認待",
      query: "status=awaiting_confirmation",
    })
  ).body.id;
  ids.orderExport = (
    await t.api("POST", "/api/order-exports", { filter: {}, columns: ["orderNumber"], encoding: "utf8" })
  ).body.id;
  ids.bulkRun = (
    await t.api("POST", "/api/order-bulk-runs", {
      action: "attachTag",
      tagId: ids.tag,
      filter: { q: "該当なし" },
    })
  ).body.id;
  ids.inquiry = await savedInquiry(t, shopId);
  ids.user = (
    await t.api("POST", "/api/users/invitations", {
      email: "bad-input@example.com",
      name: "招待",
      role: "staff",
    })
  ).body.user.id;
  // Not the token the walk calls with: revoking that one would end the walk.
  ids.apiToken = (
    await t.api("POST", "/api/api-tokens", { name: "試し", scopes: ["orders:read"] })
  ).body.apiToken.id;
  // A bearer token has no sessions: the route refuses it whatever the id.
  ids.session = randomUUID();
  ids.webhook = (
    await t.api("POST", "/api/webhooks", { url: "http://127.0.0.1:9/hook", events: ["order.cancelled"] })
  ).body.endpoint.id;
  await t.api("POST", `/api/webhooks/${ids.webhook}/test`);
  await t.runDueJobs("webhook-dispatch");
  ids.delivery = (await t.api("GET", `/api/webhooks/${ids.webhook}/deliveries`)).body.items[0].id;
  ids.company = (
    await t.api("POST", "/api/b2b/companies", { name: "取引先", code: "BAD-1", paymentTerms: "invoice" })
  ).body.id;
  ids.dest = (
    await t.api("POST", `/api/b2b/companies/${ids.company}/mail-destinations`, { email: "buy@example.com" })
  ).body.id;
  ids.shipTo = (
    await t.api("POST", `/api/b2b/companies/${ids.company}/ship-to`, {
      label: "本社",
      name: "購買部",
      postalCode: "100-0001",
      prefecture: "東京都",
      address1: "千代田区千代田1-1",
      phone: "03-1234-5678",
    })
  ).body.id;
  ids.buyer = (
    await t.api("POST", `/api/b2b/companies/${ids.company}/buyers`, {
      email: "buyer@example.com",
      name: "発注者",
    })
  ).body.buyer.id;
  for (const [kind, id] of Object.entries(ids)) assert.ok(id, `no ${kind} to test with`);
});
after(() => t.close());

/** The id a path parameter or a body field such as `shopId` / `orderIds` names. */
function idFor(path: string, param: string): string {
  if (param !== "id") {
    const kind = param.replace(/Ids?$/, "");
    return ids[kind === "leadShipment" ? "shipment" : kind] ?? randomUUID();
  }
  const segments = path.split("/");
  const segment = segments[segments.indexOf(`{${param}}`) - 1] ?? "";
  const kind = RESOURCE[segment];
  assert.ok(kind && ids[kind], `no id to test ${path} with`);
  return ids[kind];
}

function urlOf(op: Operation, pathValues: Record<string, string> = {}, query: Record<string, string> = {}) {
  let path = op.path;
  for (const p of op.params.filter((x) => x.in === "path")) {
    path = path.replace(`{${p.name}}`, pathValues[p.name] ?? idFor(op.path, p.name));
  }
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

function bodyOf(op: Operation): unknown {
  if (op.body === "csv") return "出荷番号,伝票番号\n";
  return op.body ? sampleOf(op.body, (field) => idFor(op.path, field)) : undefined;
}

async function send(op: Operation, url: string, body: unknown) {
  const res = await fetch(t.url + url, {
    method: op.method,
    headers: {
      authorization: `Bearer ${t.owner.apiToken}`,
      ...(body === undefined ? {} : { "content-type": op.body === "csv" ? "text/csv" : "application/json" }),
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const contentType = res.headers.get("content-type") ?? "";
  const text = await res.text();
  const json = /json/.test(contentType) && text ? JSON.parse(text) : text;
  const what = `${op.method} ${url} → ${res.status} ${contentType} ${text.slice(0, 300)}`;
  assert.ok(res.status < 500, what);
  if (res.status >= 400) {
    assert.match(contentType, /^application\/problem\+json/, what);
    assert.equal(typeof json.code, "string", what);
  }
  return { status: res.status, body: json, what };
}

const NUL = "a\u0000b";
const BAD_TEXT = [NUL, "a\ud800b", "a\u001bb"];
const OUT_OF_RANGE = ["0000-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "2101-01-01T00:00:00+09:00"];

async function assertNamed(op: Operation, url: string, body: unknown, field: string) {
  const res = await send(op, url, body);
  assert.equal(res.status, 422, res.what);
  assert.ok(
    res.body.errors?.some((e: { path: string }) => e.path === field),
    `${res.what}: ${field} not named`,
  );
}

test("a control character or broken text in any body field or query answers 422 naming that field", async () => {
  let checked = 0;
  for (const op of operations) {
    if (op.body && op.body !== "csv") {
      const sample = bodyOf(op);
      for (const field of fieldsOf(op.body).filter((f) => f.kind === "string")) {
        for (const bad of BAD_TEXT) {
          await assertNamed(op, urlOf(op), withValue(sample, field.path, bad), field.path.join("."));
          checked++;
        }
      }
    }
    for (const q of op.params.filter((p) => p.in === "query")) {
      await assertNamed(op, urlOf(op, {}, { [q.name]: NUL }), bodyOf(op), q.name);
      checked++;
    }
  }
  assert.ok(checked > 100, `only ${checked} fields checked`);
});

test("a date outside 1900–2100 in any body field or query answers 422 naming that field", async () => {
  let checked = 0;
  for (const op of operations) {
    if (op.body && op.body !== "csv") {
      const sample = bodyOf(op);
      for (const field of fieldsOf(op.body).filter((f) => f.kind === "date-time")) {
        for (const date of OUT_OF_RANGE) {
          await assertNamed(op, urlOf(op), withValue(sample, field.path, date), field.path.join("."));
          checked++;
        }
      }
    }
    for (const q of op.params.filter((p) => p.in === "query" && p.schema.format === "date-time")) {
      for (const date of OUT_OF_RANGE)
        await assertNamed(op, urlOf(op, {}, { [q.name]: date }), bodyOf(op), q.name);
      checked++;
    }
  }
  assert.ok(checked >= 4, `only ${checked} date fields checked`);
});

test("a malformed id in any path answers 404 or 422, never 5xx", async () => {
  for (const op of operations) {
    for (const p of op.params.filter((x) => x.in === "path" && x.schema.format === "uuid")) {
      for (const bad of ["not-a-uuid", encodeURIComponent(NUL), `${idFor(op.path, p.name)}x`, "%E0%A4%A"]) {
        const res = await send(op, urlOf(op, { [p.name]: bad }), bodyOf(op));
        assert.ok([404, 422].includes(res.status), res.what);
      }
    }
  }
});

// Reads first, changes after, deletes last: each change still finds what it changes.
const ORDER = ["GET", "POST", "PUT", "PATCH", "DELETE"];

test("an upper-case id in any path is the same id: a read answers as for the lower-case one", async () => {
  const withIds = operations
    .filter((op) => op.params.some((p) => p.in === "path" && p.schema.format === "uuid"))
    .sort((a, b) => ORDER.indexOf(a.method) - ORDER.indexOf(b.method));
  for (const op of withIds) {
    const upper = Object.fromEntries(
      op.params.filter((p) => p.in === "path").map((p) => [p.name, idFor(op.path, p.name).toUpperCase()]),
    );
    const shouted = await send(op, urlOf(op, upper), bodyOf(op));
    if (op.method !== "GET") continue;
    const plain = await send(op, urlOf(op), bodyOf(op));
    assert.equal(shouted.status, plain.status, shouted.what);
    if (typeof plain.body === "object") assert.deepEqual(shouted.body, plain.body, shouted.what);
  }
});

test("the changes that failed on an upper-case id change the lower-case one's record", async () => {
  const up = (id: string | undefined) => (id ?? "").toUpperCase();
  const transport = {
    host: "smtp.example.jp",
    port: 587,
    secure: false,
    fromAddress: "a@example.jp",
    fromName: "店",
  };
  const put = await t.api("PUT", `/api/shops/${up(ids.shop)}/mail-transport`, transport);
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.equal(
    (await t.api("GET", `/api/shops/${ids.shop}/mail-transport`)).body.transport.host,
    "smtp.example.jp",
  );

  // The walk above deleted its fixtures last: this test makes its own.
  const copied = (await t.api("POST", "/api/mail-templates/standard/shipping/copy")).body;
  const settings = await t.api("PUT", `/api/shops/${up(ids.shop)}/mail-settings`, {
    items: [{ categoryId: up(copied.categoryId), enabled: true, templateId: up(copied.templateId) }],
  });
  assert.equal(settings.status, 200, JSON.stringify(settings.body));

  const saved = (await t.api("GET", "/api/mail-templates")).body.items.find(
    (x: { id: string }) => x.id === copied.templateId,
  );
  const template = await t.api("PATCH", `/api/mail-templates/${up(copied.templateId)}`, {
    name: "大文字で変更",
    categoryId: up(saved.categoryId),
    subject: saved.subject,
    body: saved.body,
  });
  assert.equal(template.status, 200, JSON.stringify(template.body));
  assert.equal(template.body.name, "大文字で変更");

  const order = (
    await t.api(
      "POST",
      "/api/orders",
      orderBody(ids.shop ?? "", "B-2", [
        { mallItemCode: "bad-1", quantity: 1 },
        { mallItemCode: "bad-1", mallSkuCode: "L", quantity: 1 },
      ]),
    )
  ).body;
  const split = await t.api(
    "POST",
    `/api/orders/${up(order.id)}/shipments/${up(order.shipments[0].id)}/split`,
    {
      itemIds: [up(order.items[1].id)],
    },
  );
  assert.equal(split.status, 200, JSON.stringify(split.body));
  assert.equal((await t.api("GET", `/api/orders/${order.id}`)).body.shipments.length, 2);
});
