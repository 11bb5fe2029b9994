import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, test } from "node:test";
import { MAX_BODY_BYTES } from "#server/http/app.ts";
import { startTestApp, type TestApp } from "#test/app.ts";
import { orderBody } from "#test/catalog-api.ts";

let t: TestApp;
let shopId: string;
let orderId: string;

before(async () => {
  t = await startTestApp();
  shopId = (await t.api("POST", "/api/shops", { channel: "manual", name: "電話注文" })).body.id;
  orderId = (
    await t.api(
      "POST",
      "/api/orders",
      orderBody(shopId, "A-1", [{ mallItemCode: "x-1", quantity: 1 }], { paymentMethod: "bank_transfer" }),
    )
  ).body.id;
});
after(() => t.close());

test("health answers without a token and names the database", async () => {
  const res = await t.api("GET", "/api/health", undefined, null);
  assert.equal(res.status, 200);
  assert.equal(res.body.status, "ok");
  assert.equal(res.body.database, process.env.DATABASE_URL ? "postgres" : "pglite");
});

test("the OpenAPI 3.1 document lists the core resources", async () => {
  const res = await t.api("GET", "/api/openapi.json", undefined, null);
  assert.equal(res.body.openapi, "3.1.0");
  for (const path of [
    "/api/orders",
    "/api/orders/{id}",
    "/api/orders/{id}/cancel",
    "/api/orders/{id}/payment",
    "/api/orders/{id}/tags",
    "/api/orders/{id}/tags/{tagId}",
    "/api/orders/{id}/shipments/{shipmentId}/withdraw",
    "/api/orders/{id}/shipments/{shipmentId}/request",
    "/api/shops",
    "/api/shops/{id}",
    "/api/shops/{id}/inquiry-import",
    "/api/inquiries",
    "/api/inquiries/{id}",
    "/api/inquiries/{id}/reply",
    "/api/inquiries/{id}/complete",
  ]) {
    assert.ok(res.body.paths[path], `${path} missing from the OpenAPI document`);
  }
});

test("without a token, or with a wrong one, the API answers 401 problem+json", async () => {
  const none = await t.api("GET", "/api/orders", undefined, null);
  assert.equal(none.status, 401);
  assert.equal(none.body.code, "auth.required");
  assert.match(none.contentType, /^application\/problem\+json/);
  const wrong = await t.api("GET", "/api/orders", undefined, "jct_not-a-token");
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.code, "auth.invalid_token");
});

// Another account's ids on every route, for every role: tenancy.test.ts.
test("another account's lists are empty and it cannot register an order on this account's shop", async () => {
  const other = await t.newAccount();
  const list = await t.api("GET", "/api/orders", undefined, other.apiToken);
  assert.equal(list.body.total, 0);
  const register = await t.api(
    "POST",
    "/api/orders",
    orderBody(shopId, "X", [{ mallItemCode: "x", quantity: 1 }]),
    other.apiToken,
  );
  assert.equal(register.status, 404);
  assert.equal(register.body.code, "shop.not_found");
});

test("bad input: wrong types, unknown filters, malformed JSON and oversized bodies are 4xx problems", async () => {
  const wrongType = await t.api("POST", "/api/orders", { shopId, mallOrderNumber: 12, items: "none" });
  assert.equal(wrongType.status, 422);
  const paths = wrongType.body.errors.map((e: { path: string }) => e.path);
  for (const p of ["mallOrderNumber", "items", "buyer", "shipTo", "paymentMethod"])
    assert.ok(paths.includes(p), p);

  const status = await t.api("GET", "/api/orders?status=shipped,teleported");
  assert.equal(status.status, 422);
  assert.equal(status.body.errors[0].path, "status.1");

  const limit = await t.api("GET", "/api/orders?limit=501");
  assert.equal(limit.status, 422);
  assert.equal(limit.body.errors[0].path, "limit");

  const cursor = await t.api("GET", "/api/orders?cursor=garbage");
  assert.equal(cursor.status, 422);
  assert.equal(cursor.body.errors[0].path, "cursor");

  const malformed = await t.api("POST", "/api/orders", "{not json");
  assert.equal(malformed.status, 400);
  assert.equal(malformed.body.code, "request.malformed");

  const huge = await postRaw("/api/orders", JSON.stringify({ remarks: "あ".repeat(MAX_BODY_BYTES) }));
  assert.equal(huge.status, 413);
  assert.equal(JSON.parse(huge.body).code, "request.too_large");

  const badId = await t.api("GET", "/api/orders/not-a-uuid");
  assert.equal(badId.status, 422);
  assert.equal(badId.body.errors[0].path, "id");

  const unknownRoute = await t.api("GET", "/api/nothing-here");
  assert.equal(unknownRoute.status, 404);
});

test("payment: a bank-transfer order waits in 確認済 until paid; a wrong amount is refused", async () => {
  const before = await t.api("GET", `/api/orders/${orderId}`);
  assert.equal(before.body.status, "awaiting_confirmation");
  const wrong = await t.api("POST", `/api/orders/${orderId}/payment`, { amount: 999 });
  assert.equal(wrong.status, 422);
  assert.equal(wrong.body.code, "order.payment_amount_mismatch");
  const paid = await t.api("POST", `/api/orders/${orderId}/payment`, { amount: 1000 });
  assert.equal(paid.status, 200);
  assert.equal(paid.body.paid, true);
  const twice = await t.api("POST", `/api/orders/${orderId}/payment`);
  assert.equal(twice.status, 409);
  assert.equal(twice.body.rule, "already_paid");
});

test("a failed request leaves nothing half written", async () => {
  const count = async () => (await t.api("GET", "/api/orders?includeDeleted=true")).body.total;
  const before = await count();
  // The second line names a duplicate number inside one transaction only after the order row exists.
  const res = await t.api(
    "POST",
    "/api/orders",
    orderBody(shopId, "A-1", [{ mallItemCode: "x", quantity: 1 }]),
  );
  assert.equal(res.status, 409);
  assert.equal(await count(), before);
});

/** The server answers 413 before reading an oversized body; fetch reports the early close as a failure. */
function postRaw(path: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${t.url}${path}`,
      {
        method: "POST",
        headers: {
          authorization: `Bearer ${t.owner.apiToken}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE" && error.code !== "ECONNRESET") reject(error);
    });
    req.end(body);
  });
}
