import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { childDatabase, runNode } from "#test/process.ts";

let database: Awaited<ReturnType<typeof childDatabase>>;
before(async () => {
  database = await childDatabase();
});
after(() => database.close());

const args = (email: string) => [
  "account",
  "create",
  "--name",
  "テスト商店",
  "--email",
  email,
  "--password",
  "long enough pw",
];
const dataDirArgs = () => (database.dataDir ? ["--data-dir", database.dataDir] : []);

test("account create prints one JSON line with ids and a token that works, on the configured database", async () => {
  const res = await runNode("server/cli.ts", [...args("owner@example.com"), ...dataDirArgs()], database.env);
  assert.equal(res.code, 0, res.stderr);
  const lines = res.stdout.trim().split("\n");
  assert.equal(lines.length, 1);
  const created = JSON.parse(lines[0] ?? "");
  assert.match(created.accountId, /^[0-9a-f-]{36}$/);
  assert.match(created.userId, /^[0-9a-f-]{36}$/);
  assert.match(created.apiToken, /^jct_[A-Za-z0-9_-]{43}$/);
});

test("a taken email and bad arguments are refused with a message and a non-zero exit", async () => {
  const again = await runNode(
    "server/cli.ts",
    [...args("OWNER@example.com"), ...dataDirArgs()],
    database.env,
  );
  assert.equal(again.code, 1);
  assert.match(again.stderr, /すでに登録されています/);
  const bad = await runNode(
    "server/cli.ts",
    ["account", "create", "--name", "x", "--email", "nope", "--password", "short"],
    database.env,
  );
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--email/);
  assert.match(bad.stderr, /--password/);
  const usage = await runNode("server/cli.ts", ["account", "delete"], database.env);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /使い方/);
});

const fixture = (name: string) => `server/adapters/malls/rakuten/fixtures/${name}`;

test("rakuten parse prints the normalised orders of a getOrder response, times in +09:00", async () => {
  const res = await runNode(
    "server/cli.ts",
    ["rakuten", "parse", fixture("getOrder-v10-two-packages.json")],
    {},
  );
  assert.equal(res.code, 0, res.stderr);
  const printed = JSON.parse(res.stdout);
  assert.deepEqual(printed.notFound, []);
  assert.equal(printed.orders.length, 1);
  const [order] = printed.orders;
  assert.equal(order.mallOrderNumber, "999999-20250301-0000012345");
  assert.equal(order.orderedAt, "2025-03-01T09:15:00.000+09:00");
  assert.deepEqual(
    order.packages.map((p: { mallPackageId: string }) => p.mallPackageId),
    ["10000001", "10000002"],
  );
  assert.equal(order.billedTotal, 10620);
});

test("rakuten parse refuses a file that is not a getOrder response, naming what is wrong", async () => {
  const bad = await runNode("server/cli.ts", ["rakuten", "parse", fixture("invalid-getOrder.json")], {});
  assert.equal(bad.code, 1);
  assert.equal(bad.stdout, "");
  assert.match(bad.stderr, /楽天 getOrder の応答として読めません \(not a Rakuten getOrder response\)/);
  assert.match(bad.stderr, /OrderModelList\[0\]\.orderDatetime/);
  const refused = await runNode(
    "server/cli.ts",
    ["rakuten", "parse", fixture("getOrder-error-200.json")],
    {},
  );
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /ORDER_EXT_API_GET_ORDER_ERROR_011/);
  const missing = await runNode("server/cli.ts", ["rakuten", "parse", fixture("no-such-file.json")], {});
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /ファイルを読めません \(cannot read the file\)/);
});
