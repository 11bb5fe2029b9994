import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { bootServer, childDatabase, runNode } from "#test/process.ts";

/** A start-up failure a person fixes by hand: a non-zero exit and one line on stderr, no stack trace. */
function assertOneLine(res: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) {
  assert.equal(res.code, 1, res.stderr);
  const lines = res.stderr.trim().split("\n");
  assert.equal(lines.length, 1, `one line, got:\n${res.stderr}`);
  assert.match(lines[0] ?? "", pattern);
}

const stopped = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once("exit", resolve));

test("a second server, the CLI and the demo on a PGlite folder in use stop at once, and the folder stays good", {
  skip: process.env.DATABASE_URL ? "the lock is PGlite's: PostgreSQL serves many processes" : false,
}, async () => {
  const folder = await childDatabase();
  const servers: ChildProcess[] = [];
  const boot = async () => {
    const server = await bootServer(folder.env);
    servers.push(server.child);
    return server;
  };
  try {
    const first = await boot();
    const inUse = /データフォルダ .* は別のプロセス \(PID \d+\) が使っています/;
    assertOneLine(await runNode("server/main.ts", [], { ...folder.env, PORT: "0" }), inUse);
    assertOneLine(await runNode("server/main.ts", ["--demo"], { ...folder.env, PORT: "0" }), inUse);
    const cli = await runNode(
      "server/cli.ts",
      ["account", "create", "--name", "テスト商店", "--email", "cli@example.com"],
      folder.env,
      "long enough pw\nlong enough pw\n",
    );
    assertOneLine(cli, inUse);
    assert.equal(cli.stdout, "", "no token for an account that is not saved");

    const setup = await fetch(`${first.url}/api/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        accountName: "テスト商店",
        email: "owner@example.com",
        password: "long enough pw",
      }),
    });
    assert.equal(setup.status, 201, await setup.clone().text());
    // Killed without closing: the lock names a dead process and the next start takes it over.
    const firstExit = stopped(first.child);
    first.child.kill("SIGKILL");
    await firstExit;
    const second = await boot();
    const logIn = await fetch(`${second.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "owner@example.com", password: "long enough pw" }),
    });
    assert.equal(logIn.status, 200, "the account made while the others were refused is kept");
    const secondExit = stopped(second.child);
    second.child.kill("SIGTERM");
    assert.equal(await secondExit, 0);
  } finally {
    for (const s of servers) if (s.exitCode === null && s.signalCode === null) s.kill("SIGKILL");
    await folder.close();
  }
});

test("a port in use stops npm start with one line before the data folder is made", async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
  const { port } = blocker.address() as { port: number };
  const dataDir = join(tmpdir(), `juchu-never-made-${crypto.randomUUID()}`);
  try {
    const res = await runNode("server/main.ts", [], { PORT: String(port), JUCHU_DATA_DIR: dataDir });
    assertOneLine(res, new RegExp(`ポート ${port} は別のプロセスが使っています.*PORT=${port + 1} npm start`));
    assert.equal(existsSync(dataDir), false, "nothing is created or migrated first");
  } finally {
    blocker.close();
  }
});

test("a placeholder, an unreachable and a missing database each stop start-up with one line saying what to do", async () => {
  assertOneLine(
    await runNode("server/main.ts", [], { PORT: "0", DATABASE_URL: "postgres://…" }),
    /DATABASE_URL: ホスト名「…」は書き方の例のままです/,
  );
  assertOneLine(
    await runNode(
      "server/cli.ts",
      ["account", "create", "--name", "x", "--email", "x@example.com"],
      {
        DATABASE_URL: "postgres://postgres@127.0.0.1:1/juchu",
      },
      "long enough pw\nlong enough pw\n",
    ),
    /PostgreSQL \(127\.0\.0\.1:1\) に接続できません \(ECONNREFUSED\)/,
  );
  assertOneLine(
    await runNode("server/main.ts", [], { PORT: "0", DATABASE_URL: "postgres://postgres@127.0.0.1:1/juchu" }),
    /PostgreSQL \(127\.0\.0\.1:1\) に接続できません/,
  );
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const missing = new URL(url);
  missing.pathname = `/juchu_missing_${crypto.randomUUID().replace(/-/g, "")}`;
  assertOneLine(
    await runNode("server/main.ts", [], { PORT: "0", DATABASE_URL: missing.toString() }),
    /データベース juchu_missing_\w+ がありません。createdb/,
  );
});
