import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { bootServer, childDatabase, createAccountToken } from "#test/process.ts";
import { type RakutenSandbox, type SandboxControl, sandboxControl } from "#test/rakuten.ts";

let database: Awaited<ReturnType<typeof childDatabase>>;
let sandbox: RakutenSandbox;
let mall: SandboxControl;
let token: string;
let env: Record<string, string>;

before(async () => {
  sandbox = await startRakutenSandbox();
  mall = sandboxControl(sandbox);
  database = await childDatabase();
  env = {
    ...database.env,
    JUCHU_RAKUTEN_API_URL: sandbox.url,
    JUCHU_SECRET_KEY: randomBytes(32).toString("base64"),
    // A killed import frees its shop after a second, so the test need not wait ten minutes.
    JUCHU_IMPORT_LEASE_SECONDS: "1",
  };
  token = await createAccountToken(env, { name: "停電商店", email: "kill@example.com" });
});
after(async () => {
  await database.close();
  await sandbox.close();
});

const boot = () => bootServer(env);

const call = async (url: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: await res.json() };
};

const stopped = (child: ChildProcess) => new Promise((resolve) => child.once("exit", resolve));

test("the process killed mid-import loses no order and doubles none; the next poll finishes the window", async (t) => {
  const shop = await mall.createShop();
  const placed = await mall.call("POST", `/shops/${shop.shopId}/orders/bulk`, { count: 450 });
  const numbers = (placed.orderNumbers as string[]).sort();

  const first = await boot();
  // A failure before the kill must not leave the server running (the runner would wait for it).
  t.after(() => {
    if (first.child.exitCode === null && first.child.signalCode === null) first.child.kill("SIGKILL");
  });
  const created = await call(first.url, "POST", "/api/shops", {
    channel: "rakuten",
    name: "楽天 停電テスト店",
    credentials: { serviceSecret: shop.serviceSecret, licenseKey: shop.licenseKey },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const shopId = created.body.id;

  // The first two getOrder calls answer, the third hangs: the import stops after exactly two committed
  // batches of 100, however slow this machine is, and the kill lands there.
  await mall.fault({ path: "/es/2.0/order/getOrder/", kind: "slow", delayMs: 0, times: 2 });
  await mall.fault({ path: "/es/2.0/order/getOrder/", kind: "slow", delayMs: 600_000, times: 1 });
  void call(first.url, "POST", `/api/shops/${shopId}/import`).catch(() => {});
  // The third getOrder is sent while the second page is written (the import reads a page ahead); the
  // import then waits on it with the second batch committed.
  for (;;) {
    const gets = await mall.calls("/es/2.0/order/getOrder/");
    const listed = await call(first.url, "GET", `/api/orders?shopId=${shopId}&limit=500`);
    if (gets.items.length >= 3 && listed.body.items.length >= 200) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  first.child.kill("SIGKILL");
  await stopped(first.child);
  await mall.clearFaults();

  const second = await boot();
  try {
    const before = await call(second.url, "GET", `/api/orders?shopId=${shopId}&limit=500`);
    const partial = before.body.items.length;
    assert.equal(partial, 200, "the two committed batches, whole: nothing half written");

    await new Promise((r) => setTimeout(r, 1100));
    const rerun = await call(second.url, "POST", `/api/shops/${shopId}/import`);
    assert.equal(rerun.status, 200, JSON.stringify(rerun.body));
    assert.equal(rerun.body.status, "succeeded", JSON.stringify(rerun.body.errors));
    assert.equal(rerun.body.created, 450 - partial);

    const all = await call(second.url, "GET", `/api/orders?shopId=${shopId}&limit=500&includeDeleted=true`);
    const got = (all.body.items as { mallOrderNumber: string }[]).map((o) => o.mallOrderNumber).sort();
    assert.deepEqual(got, numbers, "every order exactly once");
    const log = await call(second.url, "GET", `/api/shops/${shopId}/import-runs`);
    assert.deepEqual(
      log.body.items.map((r: { status: string }) => r.status),
      ["succeeded", "interrupted"],
      JSON.stringify(log.body.items.map((r: { errors: unknown }) => r.errors)),
    );
  } finally {
    second.child.kill("SIGTERM");
    await stopped(second.child);
  }
});
