import assert from "node:assert/strict";
import { type RakutenSandbox, startRakutenSandbox } from "#sandbox/rakuten/server.ts";
import { createRakutenClient } from "#server/channels/rakuten/client.ts";
import { MallError } from "#server/ports/mall.ts";
import { sandboxControl } from "#test/rakuten.ts";

/**
 * What the contract suites share: the real client against the real sandbox over loopback HTTP, checked
 * at the mall's side (its order view, inventory and call log) rather than by what the client says.
 */

// The mall's clock runs ten times faster than real time from 2025-06-10 10:00 JST, so its 1-a-second
// bulk-upsert limit is 100 ms of real time and the tests need no real second-long waits.
export const SPEED = 10;
const START = Date.parse("2025-06-10T10:00:00+09:00");

type Call = { path: string; at: string; shopId: string | null; summary: string; status: number | null };

export async function startContractMall() {
  const realStart = Date.now();
  const sandbox: RakutenSandbox = await startRakutenSandbox({
    now: () => new Date(START + (Date.now() - realStart) * SPEED),
  });
  const mall = sandboxControl(sandbox);

  /** A fresh mall shop per test, so counts and stock never mix, and a client holding its keys. */
  async function newShop(options: { timeoutMs?: number; warn?: (line: string) => void } = {}) {
    const shop = await mall.createShop();
    const client = createRakutenClient({
      baseUrl: sandbox.url,
      credentials: { serviceSecret: shop.serviceSecret, licenseKey: shop.licenseKey },
      stockPushIntervalMs: 1000 / SPEED,
      ...options,
    });
    const callsTo = async (path: string) =>
      ((await mall.calls(path)).items as Call[]).filter((c) => c.shopId === shop.shopId);
    return { ...shop, client, callsTo };
  }

  /** The mall's view of a placed order (orderNumber, basketIds, order …). */
  const place = (shopId: string, body: Record<string, unknown>) =>
    mall.call("POST", `/shops/${shopId}/orders`, body);

  /** The mall's clock. */
  const now = () => new Date(START + (Date.now() - realStart) * SPEED);
  return { sandbox, mall, newShop, place, now, close: () => sandbox.close() };
}

export async function rejection(promise: Promise<unknown>): Promise<MallError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof MallError, `a MallError, not ${String(error)}`);
    return error;
  }
  assert.fail("expected the call to be refused");
}

export const jst = (iso: string) => new Date(`${iso}+09:00`);
export const SEARCH = "/es/2.0/order/searchOrder/";
