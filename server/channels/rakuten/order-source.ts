import type { OrderChanges, OrderSource } from "#server/ports/channel.ts";
import type { MallOrder } from "#server/ports/mall.ts";
import type { RakutenClient } from "./client.ts";
import { importWindow } from "./import-window.ts";

/** getOrder takes 100 numbers a call; one page is one call and one transaction at Juchu's side. */
const ORDERS_PER_PAGE = 100;

/**
 * RMS has no change feed: each fetch searches an order-date window that overlaps the last one, then
 * reads what it found 100 at a time. The cursor is the end of the last window fully saved (ISO).
 */
export function rakutenOrderSource(client: RakutenClient): OrderSource {
  return {
    async fetchChanges(cursor, { now, pollMinutes }): Promise<OrderChanges> {
      const cursorAt = cursor === null ? null : new Date(cursor);
      const window = importWindow(cursorAt, now, {
        intervalMinutes: pollMinutes,
        overlapMinutes: Math.max(5, pollMinutes * 2),
        firstLookbackHours: 24,
      });
      const numbers = await client.searchOrderNumbers(window);
      return {
        window,
        found: numbers.length,
        pages: pagesOf(client, numbers),
        cursor: window.to.toISOString(),
      };
    },
    getOrders: (numbers) => client.getOrders(numbers),
    async checkConnection(now) {
      const found = await client.searchOrderNumbers({ from: new Date(now.getTime() - 3_600_000), to: now });
      return { found: found.length };
    },
  };
}

async function* pagesOf(
  client: RakutenClient,
  numbers: readonly string[],
): AsyncIterable<{ orders: MallOrder[]; missing: string[] }> {
  for (let i = 0; i < numbers.length; i += ORDERS_PER_PAGE) {
    const asked = numbers.slice(i, i + ORDERS_PER_PAGE);
    const orders = await client.getOrders(asked);
    const got = new Set(orders.map((o) => o.mallOrderNumber));
    yield { orders, missing: asked.filter((n) => !got.has(n)) };
  }
}
