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
  const inFlight: Promise<unknown>[] = [];
  // Killed once a few orders are acknowledged, while the rest are mid-transaction or still queued.
  for (let n = 0; n < 40; n++) {
    inFlight.push(
      call(first.url, "POST", "/api/orders", orderBody(shop.body.id, n))
        .then((r) => {
          if (r.status === 201) acknowledged.push(r.body.mallOrderNumber);
          if (acknowledged.length === 5) first.child.kill("SIGKILL");
        })
        .catch(() => {}),
    );
  }
  await Promise.all(inFlight);
  await exited;
  assert.ok(acknowledged.length >= 5 && acknowledged.length < 40, `acknowledged ${acknowledged.length}`);

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
