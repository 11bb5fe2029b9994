import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { orderBody } from "#test/catalog-api.ts";
import { fieldsOf, type Operation, operationsOf, withValue } from "#test/openapi-samples.ts";
import { type RouteFixtures, routeFixtures } from "#test/route-fixtures.ts";

let t: TestApp;
let operations: Operation[];
let fx: RouteFixtures;

before(async () => {
  t = await startTestApp();
  operations = operationsOf((await t.api("GET", "/api/openapi.json")).body);
  fx = await routeFixtures(t);
});
after(() => t.close());

const urlOf = (op: Operation, pathValues?: Record<string, string>, query?: Record<string, string>) =>
  fx.urlOf(op, pathValues, query);
const bodyOf = (op: Operation) => fx.bodyOf(op);

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
      const sample = await bodyOf(op);
      for (const field of fieldsOf(op.body).filter((f) => f.kind === "string")) {
        for (const bad of BAD_TEXT) {
          await assertNamed(op, await urlOf(op), withValue(sample, field.path, bad), field.path.join("."));
          checked++;
        }
      }
    }
    for (const q of op.params.filter((p) => p.in === "query")) {
      await assertNamed(op, await urlOf(op, {}, { [q.name]: NUL }), await bodyOf(op), q.name);
      checked++;
    }
  }
  assert.ok(checked > 100, `only ${checked} fields checked`);
});

test("a date outside 1900–2100 in any body field or query answers 422 naming that field", async () => {
  let checked = 0;
  for (const op of operations) {
    if (op.body && op.body !== "csv") {
      const sample = await bodyOf(op);
      for (const field of fieldsOf(op.body).filter((f) => f.kind === "date-time")) {
        for (const date of OUT_OF_RANGE) {
          await assertNamed(op, await urlOf(op), withValue(sample, field.path, date), field.path.join("."));
          checked++;
        }
      }
    }
    for (const q of op.params.filter((p) => p.in === "query" && p.schema.format === "date-time")) {
      for (const date of OUT_OF_RANGE)
        await assertNamed(op, await urlOf(op, {}, { [q.name]: date }), await bodyOf(op), q.name);
      checked++;
    }
  }
  assert.ok(checked >= 4, `only ${checked} date fields checked`);
});

test("a malformed id in any path answers 404 or 422, never 5xx", async () => {
  for (const op of operations) {
    for (const p of op.params.filter((x) => x.in === "path" && x.schema.format === "uuid")) {
      for (const bad of [
        "not-a-uuid",
        encodeURIComponent(NUL),
        `${await fx.idFor(op, p.name)}x`,
        "%E0%A4%A",
      ]) {
        const res = await send(op, await urlOf(op, { [p.name]: bad }), await bodyOf(op));
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
    const upper: Record<string, string> = {};
    for (const p of op.params.filter((x) => x.in === "path"))
      upper[p.name] = (await fx.idFor(op, p.name)).toUpperCase();
    const shouted = await send(op, await urlOf(op, upper), await bodyOf(op));
    if (op.method !== "GET") continue;
    const plain = await send(op, await urlOf(op), await bodyOf(op));
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
  const put = await t.api("PUT", `/api/shops/${up(fx.ids.shop)}/mail-transport`, transport);
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.equal(
    (await t.api("GET", `/api/shops/${fx.ids.shop}/mail-transport`)).body.transport.host,
    "smtp.example.jp",
  );

  // The walk above deleted its fixtures last: this test makes its own.
  const copied = (await t.api("POST", "/api/mail-templates/standard/shipping/copy")).body;
  const settings = await t.api("PUT", `/api/shops/${up(fx.ids.shop)}/mail-settings`, {
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
      orderBody(fx.ids.shop ?? "", "B-2", [
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
