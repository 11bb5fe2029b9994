import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Hono } from "hono";
import { createContext } from "#server/compose.ts";
import type { JobQueue } from "#server/jobs/queue.ts";
import { openTestDatabase } from "#test/database.ts";
import { createHttpApp } from "./app.ts";
import { serveWeb } from "./web.ts";

let base: string;
let root: string;
let app: Hono;

before(async () => {
  base = await mkdtemp(join(tmpdir(), "juchu-web-"));
  root = join(base, "dist");
  await mkdir(join(root, "assets"), { recursive: true });
  await writeFile(join(root, "index.html"), "<!doctype html><title>Juchu</title>");
  await writeFile(join(root, "buyer.html"), "<!doctype html><title>発注</title>");
  await writeFile(join(root, "assets", "index-abc123.js"), "console.log(1)");
  await writeFile(join(root, "favicon.svg"), "<svg/>");
  await writeFile(join(base, "secret.txt"), "not for you");
  app = new Hono().get("*", serveWeb(root));
});
after(() => rm(base, { recursive: true, force: true }));

test("page paths answer index.html with a strict CSP; the SPA routes survive a reload", async () => {
  for (const path of ["/", "/orders", "/orders/0b5c1d8e-1111-4222-8333-944445555666", "/index.html"]) {
    const res = await app.request(path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get("content-type") ?? "", /^text\/html/);
    assert.equal(res.headers.get("cache-control"), "no-cache");
    assert.match(res.headers.get("content-security-policy") ?? "", /frame-ancestors 'none'/);
    assert.equal(await res.text(), "<!doctype html><title>Juchu</title>");
  }
});

test("the buyer portal's pages (/buyer and under) answer buyer.html, with the same CSP", async () => {
  for (const path of ["/buyer", "/buyer/orders", "/buyer/invitations/abc", "/buyer.html"]) {
    const res = await app.request(path);
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get("content-security-policy") ?? "", /frame-ancestors 'none'/);
    assert.equal(await res.text(), "<!doctype html><title>発注</title>", path);
  }
  // Only the /buyer folder: a path that merely starts with the word is the admin's.
  assert.equal(await (await app.request("/buyers")).text(), "<!doctype html><title>Juchu</title>");
});

test("hashed assets are cached for good; a missing asset is a 404, not the page", async () => {
  const js = await app.request("/assets/index-abc123.js");
  assert.equal(js.status, 200);
  assert.match(js.headers.get("content-type") ?? "", /^text\/javascript/);
  assert.match(js.headers.get("cache-control") ?? "", /immutable/);
  const icon = await app.request("/favicon.svg");
  assert.equal(icon.headers.get("cache-control"), "no-cache");
  assert.equal((await app.request("/assets/index-old999.js")).status, 404);
  assert.equal((await app.request("/robots.txt")).status, 404);
});

test("nothing outside the bundle folder is served, and /api paths are never the page", async () => {
  for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt", "/%E0%A4%A"]) {
    const res = await app.request(path);
    assert.notEqual(await res.text(), "not for you", path);
  }
  assert.equal((await app.request("/api/nothing-here")).status, 404);
});

test("without a built bundle the server says how to build it", async () => {
  const bare = new Hono().get("*", serveWeb(join(root, "missing")));
  const res = await bare.request("/orders");
  assert.equal(res.status, 503);
  assert.match(await res.text(), /npm run build/);
});

test("in the whole app the API keeps its routes and problem answers; every other page path is the bundle", async () => {
  const database = await openTestDatabase();
  try {
    const noJobs: JobQueue = {
      enqueue: () => Promise.reject(new Error("no jobs here")),
      enqueueMany: () => Promise.reject(new Error("no jobs here")),
    };
    const whole = createHttpApp(createContext(database.db, noJobs, { secretKey: randomBytes(32) }), {
      database: database.kind,
      version: "test",
      webRoot: root,
    });
    const health = await whole.request("/api/health");
    assert.equal(health.status, 200);
    const unknownApi = await whole.request("/api/nothing-here");
    assert.equal(unknownApi.status, 401);
    assert.match(unknownApi.headers.get("content-type") ?? "", /^application\/problem\+json/);
    const page = await whole.request("/products");
    assert.equal(page.status, 200);
    assert.equal(await page.text(), "<!doctype html><title>Juchu</title>");
    const missing = await whole.request("/assets/gone.js");
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get("content-type") ?? "", /^application\/problem\+json/);
  } finally {
    await database.close();
  }
});
