import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";

/** The warehouse form is built from the registry: what the API serves is what POST accepts. */

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test("GET /api/warehouse-kinds lists each registered kind with its label, credential fields and capabilities", async () => {
  const res = await t.api("GET", "/api/warehouse-kinds");
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const byKind = new Map(res.body.items.map((k: { kind: string }) => [k.kind, k]));
  assert.deepEqual(byKind.get("self"), {
    kind: "self",
    label: "自社倉庫",
    credentials: [],
    capabilities: { stockRoom: true, withdraw: true, resultsPolling: false, stockSync: false, linkage: false },
  });
  const rsl = byKind.get("rsl") as { credentials: { key: string; secret: boolean }[] };
  assert.deepEqual(
    rsl.credentials.map((f) => [f.key, f.secret]),
    [["apiKey", true]],
  );
  const listed = await t.api("GET", "/api/warehouses");
  assert.equal(listed.body.items[0].capabilities.stockRoom, true, "the account's own stock room");
});

test("POST /api/warehouses refuses a kind nobody registered, and a credential shorter than its field allows", async () => {
  const unknown = await t.api("POST", "/api/warehouses", { name: "謎の倉庫", kind: "nowhere" });
  assert.equal(unknown.status, 422);
  assert.ok(
    unknown.body.errors.some((e: { path: string }) => e.path === "kind"),
    JSON.stringify(unknown.body),
  );
  const short = await t.api("POST", "/api/warehouses", {
    name: "RSL",
    kind: "rsl",
    credentials: { apiKey: "abc" },
  });
  assert.equal(short.status, 422);
  assert.deepEqual(
    short.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]),
    [["credentials.apiKey", "APIキーが短すぎます"]],
  );
});
