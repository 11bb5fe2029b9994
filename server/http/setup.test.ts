import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { createContext } from "#server/compose.ts";
import type { JobQueue } from "#server/jobs/queue.ts";
import { openTestDatabase } from "#test/database.ts";
import { createHttpApp, type JuchuApi } from "./app.ts";

let database: Awaited<ReturnType<typeof openTestDatabase>>;
let app: JuchuApi;

// Set-up and log-in enqueue nothing; a job here would be a bug.
const noJobs: JobQueue = {
  enqueue: () => Promise.reject(new Error("no job expected during set-up")),
  enqueueMany: () => Promise.reject(new Error("no job expected during set-up")),
};

before(async () => {
  database = await openTestDatabase();
  app = createHttpApp(createContext(database.db, noJobs, { secretKey: randomBytes(32) }), {
    database: database.kind,
    version: "test",
  });
});
after(() => database.close());

const setUp = (email: string) =>
  app.request("/api/setup", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ accountName: "はじめて商店", email, password: "first password" }),
  });

test("an empty installation asks for set-up; the first set-up wins, logs in and shows the API token once", async () => {
  assert.deepEqual(await (await app.request("/api/setup")).json(), { required: true });

  const short = await app.request("/api/setup", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ accountName: "", email: "x", password: "short" }),
  });
  assert.equal(short.status, 422);
  const paths = ((await short.json()) as { errors: { path: string }[] }).errors.map((e) => e.path);
  assert.deepEqual(paths.sort(), ["accountName", "email", "password"]);

  // Two browsers racing on a fresh server: exactly one account is made.
  const [a, b] = await Promise.all([setUp("first@example.com"), setUp("second@example.com")]);
  const statuses = [a.status, b.status].sort();
  assert.deepEqual(statuses, [201, 409]);
  const winner = a.status === 201 ? a : b;
  const body = (await winner.json()) as { apiToken: string; account: { name: string }; csrfToken: string };
  assert.match(body.apiToken, /^jct_/);
  assert.equal(body.account.name, "はじめて商店");
  const cookie = (winner.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const me = await app.request("/api/session", { headers: { cookie } });
  assert.equal(me.status, 200);

  assert.deepEqual(await (await app.request("/api/setup")).json(), { required: false });
  const again = await setUp("third@example.com");
  assert.equal(again.status, 409);
  assert.equal(((await again.json()) as { code: string }).code, "setup.already_done");

  const token = await app.request("/api/orders", { headers: { authorization: `Bearer ${body.apiToken}` } });
  assert.equal(token.status, 200);
});
