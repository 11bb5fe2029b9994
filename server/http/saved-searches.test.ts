import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { MAX_SAVED_SEARCHES } from "#server/app/lists/saved-searches.ts";
import { startTestApp, type TestApp } from "#test/app.ts";

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

test("a filter saved by name is listed in order, opens on its first page, and is deleted", async () => {
  const first = await t.api("POST", "/api/saved-searches", {
    screen: "orders",
    name: "今日出荷",
    query: "plannedShipFrom=2030-01-15&plannedShipTo=2030-01-15&cursor=abc",
  });
  assert.equal(first.status, 201, JSON.stringify(first.body));
  assert.equal(first.body.query, "plannedShipFrom=2030-01-15&plannedShipTo=2030-01-15");
  await t.api("POST", "/api/saved-searches", {
    screen: "shipments",
    name: "今日出荷",
    query: "status=shipping",
  });
  const listed = (await t.api("GET", "/api/saved-searches")).body.items;
  assert.deepEqual(
    listed.map((s: { screen: string; name: string }) => [s.screen, s.name]),
    [
      ["orders", "今日出荷"],
      ["shipments", "今日出荷"],
    ],
  );
  assert.equal((await t.api("DELETE", `/api/saved-searches/${first.body.id}`)).status, 204);
  assert.equal((await t.api("GET", "/api/saved-searches")).body.items.length, 1);
  assert.equal((await t.api("DELETE", `/api/saved-searches/${first.body.id}`)).status, 404);
});

test("names are unique per list and account; other accounts neither see nor delete them", async () => {
  const saved = await t.api("POST", "/api/saved-searches", {
    screen: "orders",
    name: "要確認",
    query: "tag=x",
  });
  const twice = await t.api("POST", "/api/saved-searches", { screen: "orders", name: "要確認", query: "" });
  assert.equal(twice.status, 422);
  assert.equal(twice.body.errors[0].path, "name");
  const other = await t.newAccount();
  assert.deepEqual((await t.api("GET", "/api/saved-searches", undefined, other.apiToken)).body.items, []);
  const theirs = await t.api("DELETE", `/api/saved-searches/${saved.body.id}`, undefined, other.apiToken);
  assert.equal(theirs.status, 404);
  const same = await t.api(
    "POST",
    "/api/saved-searches",
    { screen: "orders", name: "要確認", query: "" },
    other.apiToken,
  );
  assert.equal(same.status, 201);
});

test("a blank name, an unknown list and one too many are refused naming the rule", async () => {
  const blank = await t.api("POST", "/api/saved-searches", { screen: "orders", name: " ", query: "" });
  assert.deepEqual([blank.status, blank.body.errors[0].path], [422, "name"]);
  const screen = await t.api("POST", "/api/saved-searches", { screen: "products", name: "a", query: "" });
  assert.deepEqual([screen.status, screen.body.errors[0].path], [422, "screen"]);
  const account = await t.newAccount();
  for (let i = 0; i < MAX_SAVED_SEARCHES; i++)
    await t.api(
      "POST",
      "/api/saved-searches",
      { screen: "orders", name: `検索${i}`, query: "" },
      account.apiToken,
    );
  const over = await t.api(
    "POST",
    "/api/saved-searches",
    { screen: "orders", name: "もう1つ", query: "" },
    account.apiToken,
  );
  assert.deepEqual([over.status, over.body.rule], [422, "max_saved_searches"]);
});
