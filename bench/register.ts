import { randomUUID } from "node:crypto";
import type { Actor } from "#server/app/context.ts";
import { type OrderRegistration, registerOrder } from "#server/app/orders/register-order.ts";
import { perSecond, runPool, watchBackends } from "./lib.ts";
import { ITEM_CODE, type Target } from "./targets.ts";

export const BUYERS = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"];
const GIVEN = ["太郎", "花子", "健太", "美咲", "翔太", "陽菜", "大輔", "結衣"];
const ACTOR: Actor = { kind: "system", job: "bench" };

/** Order i of a run: one mapped line (1–3 units), credit card, so nothing holds it short of 出荷待ち. */
export function registration(shopId: string, number: string, i: number): OrderRegistration {
  const name = `${BUYERS[i % BUYERS.length]} ${GIVEN[(i >> 3) % GIVEN.length]}`;
  return {
    shopId,
    mallOrderNumber: number,
    buyer: { name, email: `buyer${i % 5000}@example.jp`, phone: "090-1234-5678" },
    shipTo: {
      name,
      postalCode: "150-0001",
      prefecture: "東京都",
      address1: `渋谷区神宮前${(i % 6) + 1}-${(i % 20) + 1}-${(i % 9) + 1}`,
      address2: "ベンチマンション101",
      phone: "090-1234-5678",
    },
    paymentMethod: "credit_card",
    items: [{ mallItemCode: ITEM_CODE, name: "煎茶 100g", unitPrice: 1080, quantity: 1 + (i % 3) }],
    shippingFee: 600,
  };
}

export type RegisterResult = {
  concurrency: number;
  count: number;
  ms: number;
  perSecond: number;
  /** PostgreSQL only: what its backends were doing meanwhile, on average. */
  backends?: string | undefined;
};

/** N orders through the whole registerOrder flow, `concurrency` in flight; checks where they ended. */
export async function benchRegister(t: Target, count: number, concurrency: number): Promise<RegisterResult> {
  const prefix = `B${concurrency}-`;
  const { result: ms, backends } = await watchBackends(
    t.database.kind,
    t.raw,
    runPool(count, concurrency, (i) =>
      registerOrder(t.ctx, ACTOR, t.accountId, registration(t.shopId, `${prefix}${i + 1}`, i)),
    ),
  );
  const { rows } = await t.raw.query(
    `select count(*)::int as n from orders o join shipments s on s.order_id = o.id
      where o.shop_id = $1 and o.mall_order_number like $2 and o.status = 'awaiting_shipment'
        and s.status = 'awaiting_shipment' and s.request_due_at is not null`,
    [t.shopId, `${prefix}%`],
  );
  const ok = Number(rows[0]?.n);
  if (ok !== count) throw new Error(`register c${concurrency}: ${ok} of ${count} orders reached 出荷待ち`);
  return { concurrency, count, ms, perSecond: perSecond(count, ms), backends };
}

const ORDER_COLUMNS = [
  "id",
  "account_id",
  "shop_id",
  "mall_order_number",
  "source",
  "status",
  "ordered_at",
  "grace_until",
  "buyer_name",
  "buyer_email",
  "buyer_phone",
  "ship_to",
  "payment_method",
  "paid_at",
  "subtotal",
  "shipping_fee",
  "total",
  "search_text",
];

const placeholders = (rows: number, cols: number) =>
  Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: cols }, (_, c) => `$${r * cols + c + 1}`).join(",")})`,
  ).join(",");

/**
 * The yardstick: the same orders (+ one item line and one shipment each) written with plain
 * multi-row INSERTs, `batch` orders per transaction, ON CONFLICT DO NOTHING as an importer would;
 * numbers `<prefix>1…`, so a second baseline in the same run (the import's) writes new rows.
 */
export async function rawRegister(
  t: Target,
  count: number,
  batch = 500,
  prefix = "RAW-",
): Promise<RegisterResult> {
  const started = performance.now();
  for (let from = 0; from < count; from += batch) {
    const size = Math.min(batch, count - from);
    const now = new Date();
    const orderRows: unknown[] = [];
    const itemRows: unknown[] = [];
    const shipmentRows: unknown[] = [];
    for (let k = 0; k < size; k++) {
      const i = from + k;
      const r = registration(t.rawShopId, `${prefix}${i + 1}`, i);
      const id = randomUUID();
      const item = r.items[0] ?? { mallItemCode: ITEM_CODE, name: "", unitPrice: 0, quantity: 1 };
      const subtotal = item.unitPrice * item.quantity;
      const search = [r.mallOrderNumber, r.buyer.name, r.buyer.email, r.shipTo.name, item.name].join("\n");
      orderRows.push(
        ...[id, t.accountId, t.rawShopId, r.mallOrderNumber, "manual", "awaiting_shipment", now, now],
        ...[r.buyer.name, r.buyer.email, r.buyer.phone, JSON.stringify(r.shipTo), r.paymentMethod, now],
        ...[subtotal, 600, subtotal + 600, search.toLowerCase()],
      );
      itemRows.push(randomUUID(), id, t.accountId, 1, item.mallItemCode, item.name, item.unitPrice);
      itemRows.push(item.quantity);
      shipmentRows.push(randomUUID(), id, t.accountId, t.warehouseId, "awaiting_shipment", now);
    }
    await t.raw.transaction(async (q) => {
      await q(
        `insert into orders (${ORDER_COLUMNS.join(",")}) values ${placeholders(size, ORDER_COLUMNS.length)}
         on conflict do nothing`,
        orderRows,
      );
      await q(
        `insert into order_items (id, order_id, account_id, line_no, mall_item_code, name, unit_price, quantity)
         values ${placeholders(size, 8)}`,
        itemRows,
      );
      await q(
        `insert into shipments (id, order_id, account_id, warehouse_id, status, request_due_at)
         values ${placeholders(size, 6)}`,
        shipmentRows,
      );
    });
  }
  const ms = performance.now() - started;
  return { concurrency: 1, count, ms, perSecond: perSecond(count, ms) };
}
