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
