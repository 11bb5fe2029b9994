import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eq, sql } from "drizzle-orm";
import { shops } from "#server/db/schema.ts";
import type { MallOrder } from "#server/ports/mall.ts";
import type { TestApp } from "#test/app.ts";
import { connectRakutenShop, type SandboxControl, startRakutenTestApp } from "#test/rakuten.ts";
import { countStatements } from "#test/statements.ts";
import { applyMallOrders } from "./apply-mall-orders.ts";
import { orderSourceOf } from "./channel-clients.ts";
import { importMallOrder } from "./import-mall-order.ts";

let app: TestApp;
let mall: SandboxControl;
let close: () => Promise<void>;
const statements = countStatements();

before(async () => {
  ({ app, mall, close } = await startRakutenTestApp());
});
after(() => close());

const rows = async (query: ReturnType<typeof sql>) =>
  ((await app.database.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows;

/** What the mall changed on the i-th order: paid, postage fixed, a new ship-to, cancelled, or nothing. */
function changed(order: MallOrder, i: number): MallOrder {
  const [first, ...rest] = order.packages;
  if (!first) throw new Error("no package");
  switch (i % 5) {
    case 0:
      return { ...order, paid: true };
    case 1:
      return {
        ...order,
        shippingFee: (order.shippingFee ?? 0) + 500,
        billedTotal: (order.billedTotal ?? 0) + 500,
      };
    case 2:
      // Another recipient, and a postal code of another prefecture: 住所エラー once the order is at 確認待.
      return {
        ...order,
        packages: [
          { ...first, shipTo: { ...first.shipTo, name: "転送 先子", postalCode: "0600000" } },
          ...rest,
        ],
      };
    case 3:
      return { ...order, mallStatus: { code: "900", label: "キャンセル確定", cancelled: true } };
    default:
      return order;
  }
}

/** An order's rows as a person would compare them: what it is, carries and says, without ids or numbers. */
async function stored(shopId: string, mallOrderNumber: string) {
  const [order] = await rows(sql`select id, status, paid_at is not null as paid, shipping_fee, total, ship_to,
    mall_status, mall_checked_at, updated_at from orders where shop_id = ${shopId} and mall_order_number = ${mallOrderNumber}`);
  if (!order) throw new Error(`no order ${mallOrderNumber}`);
  const { id, ...row } = order;
  const tagCodes = await rows(sql`select t.system_code from order_tags ot join tags t on t.id = ot.tag_id
    where ot.order_id = ${id} order by t.system_code`);
  const events = await rows(sql`select type, from_status, to_status, message, actor from order_events
    where order_id = ${id} order by id`);
  const shipmentRows = await rows(
    sql`select status, ship_to from shipments where order_id = ${id} order by created_at`,
  );
  const jobs = await rows(
    sql`select name from pgboss.job where data->>'orderId' = ${id as string} order by name`,
  );
  return { row, tags: tagCodes.map((t) => t.system_code), events, shipments: shipmentRows, jobs };
}

test("a batch of the mall's updates: every row as one by one, with a number of statements per batch, not per order", async (t) => {
  const { shopId, mallShopId } = await connectRakutenShop(app, mall, { gracePeriodMinutes: 30 });
  const [shop] = await app.database.db.select().from(shops).where(eq(shops.id, shopId));
  if (!shop) throw new Error("no shop");
  const place = async () =>
    (
      await mall.call("POST", `/shops/${mallShopId}/orders/bulk`, {
        count: 40,
        template: { settlement: "bank_transfer" },
      })
    ).orderNumbers as string[];
  const read = (numbers: string[]) => orderSourceOf(app.ctx, shop).getOrders(numbers);
  const batched = await read(await place());
  const single = await read(await place());
  const imported = await applyMallOrders(app.ctx, shop, [...batched, ...single], false);
  assert.equal(imported.outcomes.filter((o) => o === "created").length, 80);
  // Past the grace period, which no sweep has ended: the mall's read lets each order move on.
  app.clock.advance(31 * 60_000);

  statements.reset();
  const { outcomes, failures } = await applyMallOrders(app.ctx, shop, batched.map(changed), false);
  const sent = statements.texts.length;
  t.diagnostic(`mall updates: ${sent} statements for 40 orders`);
  assert.deepEqual(failures, []);
  assert.deepEqual(
    outcomes,
    batched.map(() => "updated"),
  );
  // Measured 18: the look-up, the load (5), the tags read once, then a statement per table written.
  assert.ok(sent <= 25, `${sent} statements for 40 updated orders`);

  // The next poll's overlapping window reads the same: nothing changes, a cancelled number is not ours.
  const again = await applyMallOrders(app.ctx, shop, batched.map(changed), false);
  assert.deepEqual(
    again.outcomes,
    batched.map((_, i) => (i % 5 === 3 ? "skipped" : "unchanged")),
  );

  const meta = { actor: `system:${shop.channel}-import`, now: app.clock.now() };
  for (const [i, order] of single.entries()) {
    await app.ctx.db.transaction((tx) =>
      importMallOrder(tx, app.ctx, shop, changed(order, i), { testImport: false, meta }),
    );
  }
  for (const [i, order] of batched.entries()) {
    const one = single[i];
    if (!one) throw new Error("fewer orders one by one");
    assert.deepEqual(
      await stored(shopId, order.mallOrderNumber),
      await stored(shopId, one.mallOrderNumber),
      `order ${i} (change ${i % 5}) as one by one`,
    );
  }
  const after = await stored(shopId, batched[2]?.mallOrderNumber ?? "");
  assert.ok(after.tags.includes("address_error"), "the new ship-to is checked");
  assert.equal((await stored(shopId, batched[3]?.mallOrderNumber ?? "")).row.status, "cancelled");
  assert.equal((await stored(shopId, batched[0]?.mallOrderNumber ?? "")).row.paid, true);
});
