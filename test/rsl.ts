import { startRslSandbox } from "#sandbox/rsl/server.ts";
import type { TestApp } from "./app.ts";
import { connectRakutenShop, type SandboxControl, startRakutenTestApp } from "./rakuten.ts";
import { sandboxCall } from "./sandbox.ts";

export type RslSandbox = Awaited<ReturnType<typeof startRslSandbox>>;

/** The RSL sandbox's control API (/_sandbox/…), as the tests' stand-in for the warehouse's staff. */
export function rslControl(sandbox: { url: string }) {
  const call = sandboxCall(sandbox.url, "rsl sandbox");
  return {
    call,
    requests: async (merchantId: string) =>
      (await call("GET", `/requests?merchantId=${merchantId}`)) as { items: Record<string, unknown>[] },
    fault: (body: Record<string, unknown>) => call("POST", "/faults", body),
    advance: (requestId: string, to: "picking" | "shipped") =>
      call("POST", `/requests/${requestId}/advance`, { to }),
    unshippable: (requestId: string, reason: string) =>
      call("POST", `/requests/${requestId}/unshippable`, { reason }),
  };
}

export type RslControl = ReturnType<typeof rslControl>;

/**
 * The test app with both sandboxes on the test's clock: Rakuten RMS for the orders, RSL for the
 * parcels. `connectRslShop` makes a Rakuten shop that ships from an RSL warehouse.
 */
export async function startWarehouseTestApp() {
  let appRef: TestApp | undefined;
  const rsl = await startRslSandbox({ now: () => appRef?.clock.now() ?? new Date() });
  const rakuten = await startRakutenTestApp({ warehouseApiUrls: { rsl: rsl.url }, warehouseTimeoutMs: 1500 });
  appRef = rakuten.app;
  return {
    ...rakuten,
    rsl,
    warehouse: rslControl(rsl),
    async close() {
      await rakuten.close();
      await rsl.close();
    },
  };
}

/** An RSL merchant, the Juchu warehouse with its API key, and a Rakuten shop shipping from it. */
export async function connectRslShop(
  app: TestApp,
  mall: SandboxControl,
  warehouse: RslControl,
  settings: Record<string, unknown> = {},
) {
  const merchant = (await warehouse.call("POST", "/merchants", { autoRegisterProducts: true })) as {
    merchantId: string;
    apiKey: string;
  };
  const created = await app.api("POST", "/api/warehouses", {
    name: "RSL",
    kind: "rsl",
    credentials: { apiKey: merchant.apiKey },
  });
  if (created.status !== 201) throw new Error(`warehouse not created: ${JSON.stringify(created.body)}`);
  const shop = await connectRakutenShop(app, mall, {
    warehouseId: created.body.id,
    shipmentRequestDelayMinutes: 5,
    ...settings,
  });
  return { ...shop, warehouseId: created.body.id as string, merchantId: merchant.merchantId };
}
