import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { bootServer, childDatabase, runNode } from "#test/process.ts";

let database: Awaited<ReturnType<typeof childDatabase>>;
let token: string;

before(async () => {
  database = await childDatabase();
  const created = await runNode(
    "server/cli.ts",
    [
      "account",
      "create",
      "--name",
      "テスト商店",
      "--email",
      "boot@example.com",
      "--password",
      "long enough pw",
    ],
    database.env,
  );
  assert.equal(created.code, 0, created.stderr);
  token = JSON.parse(created.stdout).apiToken;
});
after(() => database.close());

const boot = () => bootServer(database.env);

const call = async (url: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: await res.json() };
};

const orderBody = (shopId: string, n: number) => ({
  shopId,
  mallOrderNumber: `K-${n}`,
  buyer: { name: "高橋 次郎", email: `jiro${n}@example.com` },
  shipTo: {
    name: "高橋 次郎",
    postalCode: "100-0001",
    prefecture: "東京都",
    address1: "千代田区1-1",
    phone: "03-0000-0000",
  },
  paymentMethod: "credit_card",
  items: [
    { mallItemCode: "a", name: "商品A", unitPrice: 100, quantity: 1 },
    { mallItemCode: "b", name: "商品B", unitPrice: 200, quantity: 2 },
  ],
});

test("npm start serves the API, and a process killed mid-write loses no acknowledged order and leaves none half written", async () => {
  const first = await boot();
  const health = await fetch(`${first.url}/api/health`).then((r) => r.json());
  assert.equal(health.status, "ok");
  const shop = await call(first.url, "POST", "/api/shops", { channel: "manual", name: "電話注文" });
  assert.equal(shop.status, 201);

  const exited = new Promise((resolve) => first.child.once("exit", resolve));
  const acknowledged: string[] = [];
  const unexpected: string[] = [];
  let cutOff = 0;
  let next = 0;
  const alive = () => first.child.exitCode === null && first.child.signalCode === null;
  // Ten writers keep orders in flight until the process is gone, so the kill — once five are
  // acknowledged — always lands mid-write, however fast or slow the machine is.
  const writer = async () => {
    while (alive()) {
      const n = next++;
      try {
        const r = await call(first.url, "POST", "/api/orders", orderBody(shop.body.id, n));
        if (r.status !== 201) unexpected.push(`${n}: ${r.status} ${JSON.stringify(r.body)}`);
        else acknowledged.push(r.body.mallOrderNumber);
        if (acknowledged.length === 5 || unexpected.length > 0) first.child.kill("SIGKILL");
      } catch {
        cutOff++;
      }
    }
  };
  await Promise.all(Array.from({ length: 10 }, writer));
  await exited;
  assert.deepEqual(unexpected, []);
  assert.ok(acknowledged.length >= 5, `acknowledged ${acknowledged.length}`);
  assert.ok(cutOff > 0, "some writes were cut off by the kill");

  const second = await boot();
  try {
    const list = await call(second.url, "GET", "/api/orders?limit=500");
    const numbers = list.body.items.map((o: { mallOrderNumber: string }) => o.mallOrderNumber);
    for (const n of acknowledged) assert.ok(numbers.includes(n), `acknowledged order ${n} was lost`);
    for (const summary of list.body.items) {
      const order = (await call(second.url, "GET", `/api/orders/${summary.id}`)).body;
      assert.equal(order.items.length, 2, `${order.mallOrderNumber} lost items`);
      assert.equal(order.shipments.length, 1);
      assert.equal(order.total, 500);
      assert.equal(order.status, "awaiting_confirmation");
      assert.deepEqual(
        order.events.map((e: { type: string }) => e.type),
        ["registered", "status_changed", "tag_attached"],
      );
    }
  } finally {
    const stopped = new Promise((resolve) => second.child.once("exit", resolve));
    second.child.kill("SIGTERM");
    const code = await stopped;
    assert.equal(code, 0, "SIGTERM shuts down cleanly");
  }
});
