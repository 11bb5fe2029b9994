import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { after, before, test } from "node:test";
import { childDatabase, runNode } from "#test/process.ts";

let database: Awaited<ReturnType<typeof childDatabase>>;
before(async () => {
  database = await childDatabase();
});
after(() => database.close());

const PASSWORD = "long enough pw";
const args = (email: string) => ["account", "create", "--name", "テスト商店", "--email", email];
const dataDirArgs = () => (database.dataDir ? ["--data-dir", database.dataDir] : []);
const typedTwice = `${PASSWORD}\n${PASSWORD}\n`;

test("account create asks for the password twice, never shows it, and prints one JSON line with ids and a token", async () => {
  const res = await runNode(
    "server/cli.ts",
    [...args("owner@example.com"), ...dataDirArgs()],
    database.env,
    typedTwice,
  );
  assert.equal(res.code, 0, res.stderr);
  const lines = res.stdout.trim().split("\n");
  assert.equal(lines.length, 1);
  const created = JSON.parse(lines[0] ?? "");
  assert.match(created.accountId, /^[0-9a-f-]{36}$/);
  assert.match(created.userId, /^[0-9a-f-]{36}$/);
  assert.match(created.apiToken, /^jct_[A-Za-z0-9_-]{43}$/);
  assert.match(res.stderr, /パスワード \(確認\)/);
  assert.match(res.stderr, /事業者「テスト商店」を作りました \(ログイン: owner@example\.com\)/);
  assert.ok(!(res.stdout + res.stderr).includes(PASSWORD), "the password is never printed");
});

test("two different answers to the password question are refused and nothing is made", async () => {
  const res = await runNode(
    "server/cli.ts",
    [...args("typo@example.com"), ...dataDirArgs()],
    database.env,
    "first password\nsecond password\n",
  );
  assert.equal(res.code, 2);
  assert.match(res.stderr, /2回入力したパスワードが一致しません/);
  assert.equal(res.stdout, "");
});

test("a second 事業者 is made only with --another-account, and the CLI says it made one", async () => {
  const refused = await runNode(
    "server/cli.ts",
    [...args("second@example.com"), ...dataDirArgs()],
    database.env,
    typedTwice,
  );
  assert.equal(refused.code, 1);
  assert.equal(refused.stdout, "");
  assert.match(refused.stderr, /すでに事業者があります/);
  assert.match(refused.stderr, /--another-account/);
  const made = await runNode(
    "server/cli.ts",
    [...args("second@example.com"), "--another-account", ...dataDirArgs()],
    database.env,
    typedTwice,
  );
  assert.equal(made.code, 0, made.stderr);
  assert.match(made.stderr, /既存の事業者とは別の事業者「テスト商店」を作りました/);
});

test("a taken email and bad arguments are refused with a message and a non-zero exit", async () => {
  const again = await runNode(
    "server/cli.ts",
    [...args("OWNER@example.com"), "--another-account", "--password", PASSWORD, ...dataDirArgs()],
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
  const short = await runNode(
    "server/cli.ts",
    ["account", "create", "--name", "x", "--email", "a@example.com", "--password", "short"],
    database.env,
  );
  assert.equal(short.code, 2);
  assert.match(short.stderr, /パスワードは8文字以上/);
  const usage = await runNode("server/cli.ts", ["account", "delete"], database.env);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /使い方/);
});

test("on a terminal the typed password is not echoed", {
  skip: existsSync("/usr/bin/script") ? false : "needs script(1) for a pseudo-terminal",
}, async () => {
  const own = await childDatabase();
  try {
    const cli = [
      process.execPath,
      "server/cli.ts",
      ...args("tty@example.com"),
      ...(own.dataDir ? ["--data-dir", own.dataDir] : []),
    ];
    const quoted = cli.map((a) => `'${a}'`).join(" ");
    const child = spawn("script", ["-qfec", quoted, "/dev/null"], {
      cwd: new URL("..", import.meta.url).pathname,
      env: { ...process.env, ...own.env, ...(own.env.DATABASE_URL ? {} : { DATABASE_URL: "" }) },
    });
    let out = "";
    let answered = 0;
    child.stdout.on("data", (d) => {
      out += d;
      const asked = (out.match(/パスワード \(/g) ?? []).length;
      if (asked > answered) {
        answered = asked;
        child.stdin.write(`${PASSWORD}\r`);
      }
    });
    const code = await new Promise((resolve) => child.on("exit", resolve));
    assert.equal(code, 0, out);
    assert.equal(answered, 2, out);
    assert.match(out, /"apiToken":"jct_/);
    assert.ok(!out.includes(PASSWORD), `the password was echoed:\n${out}`);
  } finally {
    await own.close();
  }
});
const fixture = (name: string) => `server/channels/rakuten/fixtures/${name}`;

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

test("search reindex runs over the database's orders and prints what it did as one JSON line", async () => {
  const res = await runNode("server/cli.ts", ["search", "reindex", ...dataDirArgs()], database.env);
  assert.equal(res.code, 0, res.stderr);
  assert.deepEqual(JSON.parse(res.stdout), { orders: 0, kanaRead: 0, kanaUnread: 0 });
  assert.match(res.stderr, /検索の再索引が終わりました: 注文0件/);
});

test("customers relink links the orders no customer holds and prints how many as one JSON line", async () => {
  const res = await runNode("server/cli.ts", ["customers", "relink", ...dataDirArgs()], database.env);
  assert.equal(res.code, 0, res.stderr);
  assert.deepEqual(JSON.parse(res.stdout), { orders: 0 });
  assert.match(res.stderr, /顧客の結び付けが終わりました: 注文0件/);
});

test("ship-dates recompute dates every open shipment again and prints the count as one JSON line", async () => {
  const res = await runNode("server/cli.ts", ["ship-dates", "recompute", ...dataDirArgs()], database.env);
  assert.equal(res.code, 0, res.stderr);
  const report = JSON.parse(res.stdout);
  assert.deepEqual(Object.keys(report), ["warehouses", "shipments"]);
  assert.ok(Number.isInteger(report.warehouses), res.stdout);
  assert.equal(report.shipments, 0, "no order yet");
  assert.match(res.stderr, /出荷予定日を計算し直しました/);
  const bad = await runNode(
    "server/cli.ts",
    ["ship-dates", "recompute", "--account", "shop-1"],
    database.env,
  );
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--account は事業者ID\(UUID\)で指定してください/);
});

test("account plan --list prints every plan with its features; account plan sets an account's plan by a user's e-mail", async () => {
  const list = await runNode("server/cli.ts", ["account", "plan", "--list"], {});
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /^light\tライト\tショップ1件まで\t機能: なし$/m);
  assert.match(list.stdout, /^self_hosted\t.*\tショップ無制限\t機能: メール自動送信、/m);
  assert.match(list.stdout, /^warehouse_linkage\t倉庫連携/m);

  const set = ["account", "plan", "--account", "owner@example.com", ...dataDirArgs()];
  const light = await runNode("server/cli.ts", [...set, "--plan", "light"], database.env);
  assert.equal(light.code, 0, light.stderr);
  assert.deepEqual((({ before, after }) => ({ before, after }))(JSON.parse(light.stdout)), {
    before: "self_hosted",
    after: "light",
  });
  assert.match(light.stderr, /プランをセルフホスト\(すべての機能\)からライトに変えました/);

  const unknownPlan = await runNode("server/cli.ts", [...set, "--plan", "gold"], database.env);
  assert.equal(unknownPlan.code, 2);
  assert.match(
    unknownPlan.stderr,
    /プランは light, standard, automation, business, self_hosted のいずれかです/,
  );
  const nobody = await runNode(
    "server/cli.ts",
    ["account", "plan", "--account", "nobody@example.com", "--plan", "light", ...dataDirArgs()],
    database.env,
  );
  assert.equal(nobody.code, 1);
  assert.match(nobody.stderr, /事業者「nobody@example\.com」が見つかりません/);
  const missing = await runNode("server/cli.ts", ["account", "plan", "--plan", "light"], database.env);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /--account と --plan を指定してください/);
});
