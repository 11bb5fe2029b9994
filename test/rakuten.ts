import { startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import type { ContextOptions } from "#server/compose.ts";
import { startTestApp, type TestApp } from "./app.ts";
import { sandboxCall } from "./sandbox.ts";
import { switchSyncOn } from "./setup-checklist.ts";

export type RakutenSandbox = Awaited<ReturnType<typeof startRakutenSandbox>>;

/** Talks to the sandbox's control API (/_sandbox/…) as the tests' stand-in for a buyer and the mall. */
export function sandboxControl(sandbox: { url: string }) {
  const call = sandboxCall(sandbox.url);
  return {
    call,
    createShop: (body: Record<string, unknown> = {}) =>
      call("POST", "/shops", body) as Promise<{ shopId: string; serviceSecret: string; licenseKey: string }>,
    /** A buyer's order with one package of one item unless told otherwise; answers the mall's order. */
    placeOrder: (shopId: string, body: Record<string, unknown> = {}) =>
      call("POST", `/shops/${shopId}/orders`, body) as Promise<{ orderNumber: string }>,
    cancel: (orderNumber: string) => call("POST", `/orders/${orderNumber}/cancel`, {}),
    change: (orderNumber: string, body: Record<string, unknown>) =>
      call("PATCH", `/orders/${orderNumber}`, body),
    view: (orderNumber: string) => call("GET", `/orders/${orderNumber}`),
    fault: (body: Record<string, unknown>) => call("POST", "/faults", body),
    clearFaults: () => call("DELETE", "/faults"),
    calls: (path?: string) =>
      call("GET", `/calls${path ? `?path=${encodeURIComponent(path)}` : ""}`) as Promise<{
        items: { path: string; status: number }[];
      }>,
    inventory: (shopId: string) => call("GET", `/inventory/${shopId}`),
    /**
     * A buyer opens an R-Messe thread: `{message, orderNumber?, cancelRequest?, userName?, category?}`;
     * answers the thread as RMS writes it (inquiryNumber …).
     */
    postInquiry: (shopId: string, body: Record<string, unknown>) =>
      call("POST", `/shops/${shopId}/inquiries`, body) as Promise<{ inquiryNumber: string }>,
    /** The buyer writes again on the thread. */
    followUp: (inquiryNumber: string, message: string) =>
      call("POST", `/inquiries/${inquiryNumber}/messages`, { message }),
    /** The thread as the mall holds it: replies (replyFrom merchant = the shop's), readByMerchant, isCompleted. */
    inquiry: (inquiryNumber: string) => call("GET", `/inquiries/${inquiryNumber}`),
  };
}

export type SandboxControl = ReturnType<typeof sandboxControl>;

/**
 * The test app and an RMS sandbox that keeps the test's clock, so the mall's order dates, delays and
 * rate limit move with `app.clock`; the app's Rakuten client points at the sandbox.
 */
export async function startRakutenTestApp(
  options: Partial<Omit<ContextOptions, "clock" | "secretKey">> = {},
): Promise<{ app: TestApp; sandbox: RakutenSandbox; mall: SandboxControl; close(): Promise<void> }> {
  let appRef: TestApp | undefined;
  const sandbox = await startRakutenSandbox({ now: () => appRef?.clock.now() ?? new Date() });
  const app = await startTestApp({ ...options, apiUrls: { rakuten: sandbox.url, ...options.apiUrls } });
  appRef = app;
  return {
    app,
    sandbox,
    mall: sandboxControl(sandbox),
    async close() {
      await app.close();
      await sandbox.close();
    },
  };
}

/**
 * A sandbox RMS shop and the Juchu shop connected to it through the public API, importing on the
 * test's clock. Sync (受注連動) is on from now unless the test says otherwise.
 */
export async function connectRakutenShop(
  app: TestApp,
  control: SandboxControl,
  settings: Record<string, unknown> = {},
): Promise<{ shopId: string; mallShopId: string }> {
  const mall = await control.createShop();
  const { syncEnabled = true, syncStartAt = app.clock.now().toISOString(), ...rest } = settings;
  const created = await app.api("POST", "/api/shops", {
    channel: "rakuten",
    name: "楽天テスト店",
    settings: { importEnabled: true, ...rest },
    credentials: { serviceSecret: mall.serviceSecret, licenseKey: mall.licenseKey },
  });
  if (created.status !== 201) throw new Error(`shop not created: ${JSON.stringify(created.body)}`);
  if (syncEnabled) await switchSyncOn(app.api, created.body.id, { syncStartAt: String(syncStartAt) });
  return { shopId: created.body.id, mallShopId: mall.shopId };
}

export const sku = (manageNumber: string, variantId: string, price: number, units = 1) => ({
  manageNumber,
  itemName: `商品 ${manageNumber}`,
  variantId,
  merchantDefinedSkuId: `${manageNumber}-${variantId}`,
  price,
  units,
});
