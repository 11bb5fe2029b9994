import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { promisify } from "node:util";
import { withAdmin } from "./database.ts";

const url = process.env.DATABASE_URL;
const onPostgres = { skip: url ? false : "the harness's own databases are PostgreSQL's (DATABASE_URL)" };
const root = new URL("..", import.meta.url).pathname;
const run = promisify(execFile);

/** The environment without this runner's own: a nested `node --test` must run as a run of its own. */
function outsideThisTest(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

async function databasesLike(fragment: string): Promise<string[]> {
  return withAdmin(url ?? "", async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      "select datname from pg_database where strpos(datname, $1) > 0",
      [fragment],
    );
    return rows.map((r) => r.datname);
  });
}

test(
  "a test run drops its own databases at the end, also one a crashed file left, and no other run's",
  onPostgres,
  async () => {
    const id = randomUUID().replace(/-/g, "").slice(0, 10);
    const others = [`juchu_test_other${id}_x`, `juchu_template_000000000000_other${id}`];
    await withAdmin(url ?? "", async (admin) => {
      for (const name of others) await admin.query(`create database ${name}`);
    });
    try {
      const mine = `mine${id}`;
      const { stdout } = await run(
        process.execPath,
        ["--test", "--test-global-setup=test/global-setup.ts", "test/fixtures/open-test-database.ts"],
        { cwd: root, env: { ...outsideThisTest(), JUCHU_TEST_RUN: mine, LEAVE_OPEN: "1" } },
      );
      assert.match(stdout, new RegExp(`juchu_test_${mine}_`), "the file's database carries the run's id");
      assert.deepEqual(await databasesLike(mine), [], "nothing of the run is left");
      assert.deepEqual(
        (await databasesLike(`other${id}`)).sort(),
        others.sort(),
        "another run's are untouched",
      );
    } finally {
      await withAdmin(url ?? "", async (admin) => {
        for (const name of others) await admin.query(`drop database if exists ${name} with (force)`);
      });
    }
  },
);

test("a test file run alone makes its own template and drops it with its database", onPostgres, async () => {
  const env = outsideThisTest();
  delete env.JUCHU_TEST_RUN;
  const { stdout } = await run(process.execPath, ["test/fixtures/open-test-database.ts"], { cwd: root, env });
  const ownRun = /^juchu_test_([a-z0-9]+)_/.exec(stdout.trim())?.[1];
  assert.ok(ownRun, stdout);
  assert.deepEqual(await databasesLike(ownRun), []);
});
