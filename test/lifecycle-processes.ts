import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { startRslSandbox } from "#sandbox/rsl/server.ts";
import { bootServer, callApi, childDatabase, createAccountToken, spawnNode } from "./process.ts";
import { sandboxControl } from "./rakuten.ts";
import { rslControl } from "./rsl.ts";
import { switchSyncOn } from "./setup-checklist.ts";

const ITEM = "life-mug";

/**
 * 受注 → 完了 driven by real `npm start` processes (server/main.ts) over both sandboxes: one
 * database, the API in one process, workers as separate processes with their production settings.
 * The test only places the orders, asks for the import and, as a person would, for RSL's results.
 */
export async function startLifecycleRig() {
  const rakuten = await startRakutenSandbox();
  const rsl = await startRslSandbox({ pickingAfterMinutes: 0, shipAfterMinutes: 0 });
  const mall = sandboxControl(rakuten);
  const warehouse = rslControl(rsl);
  const database = await childDatabase();
  const env: Record<string, string> = {
    ...database.env,
    JUCHU_RAKUTEN_API_URL: rakuten.url,
    JUCHU_RSL_API_URL: rsl.url,
    JUCHU_SECRET_KEY: randomBytes(32).toString("base64"),
  };
  const token: string = await createAccountToken(env, { name: "一連商店", email: "life@example.com" });
  const children = new Set<ChildProcess>();
  const track = (child: ChildProcess) => {
    children.add(child);
    child.once("exit", () => children.delete(child));
    return child;
  };

  /** The API (and, unless role says otherwise, the workers) of one process. */
  async function bootApi(role: "all" | "web") {
    const booted = await bootServer({ ...env, JUCHU_ROLE: role });
    track(booted.child);
    return booted;
  }
  /** A worker process; it prints nothing when it starts, so it is ready once its first tick ran. */
  function startWorker() {
    const child = track(spawnNode("server/main.ts", [], { ...env, JUCHU_ROLE: "worker", LOG_LEVEL: "warn" }));
    child.stderr?.on("data", (d) => process.stderr.write(`[worker ${child.pid}] ${d}`));
    return child;
  }

  let url = "";
  const api = (method: string, path: string, body?: unknown) => callApi(url, token, method, path, body);
  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await api(method, path, body);
    assert.ok(res.status < 300, `${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** The shop, its RSL warehouse, a product with stock and its mapping; `count` orders at the mall. */
  async function placeOrders(apiUrl: string, count: number) {
    url = apiUrl;
    const merchant = (await warehouse.call("POST", "/merchants", { autoRegisterProducts: true })) as {
      merchantId: string;
      apiKey: string;
    };
    const w = await ok("POST", "/api/warehouses", {
      name: "RSL",
      kind: "rsl",
      credentials: { apiKey: merchant.apiKey },
    });
    const atMall = await mall.createShop();
    const shop = await ok("POST", "/api/shops", {
      channel: "rakuten",
      name: "楽天 一連テスト店",
      settings: {
        importEnabled: false,
        gracePeriodMinutes: 0,
        shipmentRequestDelayMinutes: 0,
        warehouseId: w.id,
      },
      credentials: { serviceSecret: atMall.serviceSecret, licenseKey: atMall.licenseKey },
    });
    // 受注連動 from a second ahead (a past start is refused), waited out below.
    await switchSyncOn(api, shop.id, { syncStartAt: new Date(Date.now() + 1000).toISOString() });
    const product = await ok("POST", "/api/products", { sku: "MUG-LIFE", name: "マグ" });
    await ok("POST", `/api/products/${product.id}/stock`, { onHand: count * 2, warehouseId: w.id });
    await ok("POST", "/api/product-mappings", {
      shopId: shop.id,
      mallItemCode: ITEM,
      components: [{ productId: product.id, quantity: 1 }],
    });
    const placed = await mall.call("POST", `/shops/${atMall.shopId}/orders/bulk`, {
      count,
      template: { packages: [{ items: [{ manageNumber: ITEM, itemName: "マグ", price: 1500, units: 1 }] }] },
    });
    await new Promise((r) => setTimeout(r, 1100));
    return {
      shopId: shop.id as string,
      warehouseId: w.id as string,
      merchantId: merchant.merchantId,
      numbers: (placed.orderNumbers as string[]).sort(),
    };
  }

  /** 今すぐ取込: the import a person asks for (the shop's own polling is off, so the test says when). */
  async function importNow(apiUrl: string, shopId: string) {
    url = apiUrl;
    const run = await ok("POST", `/api/shops/${shopId}/import`);
    assert.equal(run.status, "succeeded", JSON.stringify(run.errors));
  }

  async function statuses(apiUrl: string, shopId: string): Promise<Map<string, string>> {
    url = apiUrl;
    const list = await ok("GET", `/api/orders?shopId=${shopId}&limit=500`);
    return new Map(list.items.map((o: { id: string; status: string }) => [o.id, o.status]));
  }

  /** Waits until every order is 完了, reading RSL's results every second as 出荷実績を取得 would. */
  async function untilCompleted(
    apiUrl: string,
    placed: { shopId: string; warehouseId: string },
    count: number,
  ) {
    const deadline = Date.now() + 150_000;
    for (;;) {
      url = apiUrl;
      await api("POST", `/api/warehouses/${placed.warehouseId}/poll-results`);
      const now = await statuses(apiUrl, placed.shopId);
      const done = [...now.values()].filter((s) => s === "completed").length;
      if (now.size === count && done === count) return;
      if (Date.now() > deadline) {
        const by: Record<string, number> = {};
        for (const s of now.values()) by[s] = (by[s] ?? 0) + 1;
        assert.fail(`not all completed: ${JSON.stringify(by)}`);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }

  /** Nothing twice: one request per shipment at RSL, one 注文確認 and one 出荷報告 per order at RMS, one of each event. */
  async function assertOnce(
    apiUrl: string,
    placed: { shopId: string; merchantId: string; numbers: string[] },
  ) {
    url = apiUrl;
    const requests = (await warehouse.requests(placed.merchantId)).items;
    const requested = requests.map((r) => (r.orderNumbers as string[]).join()).sort();
    assert.deepEqual(requested, placed.numbers, "one warehouse request per order");
    const reports = (await mall.calls("/es/2.0/order/updateOrderShipping/")).items.filter(
      (c) => c.status === 200,
    );
    const reported = reports
      .map((c) => (c as unknown as { summary: string }).summary.match(/orderNumber="([^"]+)"/)?.[1])
      .sort();
    assert.deepEqual(reported, placed.numbers, "one shipping report per order");
    const confirms = (await mall.calls("/es/2.0/order/confirmOrder/")).items.filter((c) => c.status === 200);
    const confirmed = confirms.reduce(
      (n, c) =>
        n + Number((c as unknown as { summary: string }).summary.match(/orderNumberList\[(\d+)\]/)?.[1]),
      0,
    );
    assert.equal(confirmed, placed.numbers.length, "each order confirmed at the mall once");
    const ids = [...(await statuses(apiUrl, placed.shopId)).keys()];
    for (const id of ids) {
      const detail = await ok("GET", `/api/orders/${id}`);
      const kinds = (detail.events as { type: string; toStatus: string | null; message: string }[]).map(
        (e) => `${e.type}→${e.toStatus ?? ""}: ${e.message}`,
      );
      const doubled = kinds.filter((k, i) => kinds.indexOf(k) !== i);
      assert.deepEqual(doubled, [], `order ${detail.mallOrderNumber}: ${kinds.join(", ")}`);
      for (const type of ["mall_confirmed", "mall_shipping_reported"]) {
        assert.equal(kinds.filter((k) => k.startsWith(`${type}→`)).length, 1, kinds.join("\n"));
      }
    }
  }

  return {
    env,
    database,
    bootApi,
    startWorker,
    placeOrders,
    importNow,
    statuses,
    untilCompleted,
    assertOnce,
    rsl: warehouse,
    mall,
    async close() {
      for (const child of children) {
        child.kill("SIGKILL");
        await new Promise((r) => child.once("exit", r));
      }
      await database.close();
      await rakuten.close();
      await rsl.close();
    },
  };
}

export const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once("exit", resolve));
