import { and, eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { orders, type shops } from "#server/db/schema.ts";
import { sameAddress, shipToOf } from "#server/domain/address.ts";
import { importDecision } from "#server/domain/mall-order-number.ts";
import type { OrderStatus } from "#server/domain/order-status.ts";
import { describeUnknownValues } from "#server/domain/unknown-mall-values.ts";
import type { MallOrder } from "#server/ports/mall.ts";
import type { AppContext } from "../context.ts";
import { insertOrder, lockOrderNumber, type OrderToInsert } from "../orders/insert-order.ts";
import { OrderBatch } from "../orders/order-batch.ts";
import { mallKana } from "../orders/order-search-columns.ts";
import { updateFromMall } from "./update-from-mall.ts";

export type ImportOutcome = "created" | "updated" | "unchanged" | "skipped";

type Meta = { actor: string; now: Date };
type Shop = typeof shops.$inferSelect;

/**
 * One order as the mall has it now, into Juchu: created the first time it is seen, updated after —
 * idempotent, so the overlapping windows that see it again and again change nothing. The SPEC.md §5
 * number rules decide: a cancelled or deleted order's number is never imported again.
 */
export async function importMallOrder(
  tx: Db,
  ctx: AppContext,
  shop: Shop,
  mall: MallOrder,
  options: { testImport: boolean; meta: Meta },
): Promise<ImportOutcome> {
  await lockOrderNumber(tx, shop.id, mall.mallOrderNumber);
  const existing = await tx
    .select({
      id: orders.id,
      status: orders.status,
      deletedAt: orders.deletedAt,
      testProcessedAt: orders.testProcessedAt,
    })
    .from(orders)
    .where(and(eq(orders.shopId, shop.id), eq(orders.mallOrderNumber, mall.mallOrderNumber)));
  const decision = importDecision(existing.map((o) => ({ ...o, status: o.status as OrderStatus })));
  if (decision.action === "skip") return "skipped";
  if (decision.action === "update") {
    // A processed test order was handled before sync started: the mall's later changes are not ours.
    if (existing.find((o) => o.id === decision.orderId)?.testProcessedAt) return "skipped";
    const batch = new OrderBatch(tx, ctx, options.meta);
    batch.knowShop(shop);
    const [outcome] = await updateFromMall(batch, ctx, [{ orderId: decision.orderId, mall }]);
    await batch.flush();
    return outcome ?? "unchanged";
  }
  // Cancelled before Juchu ever saw it: nothing to ship, nothing to take back.
  if (mall.mallStatus.cancelled) return "skipped";
  const { input, registeredMessage } = newOrderOf(ctx, shop, mall, options);
  const created = await insertOrder(tx, ctx, shop, input, registeredMessage, options.meta);
  // A batch import of the same order won the number meanwhile (it had committed): this read updates it.
  return created ? "created" : importMallOrder(tx, ctx, shop, mall, options);
}

/** A mall's order as Juchu's new order, with the first line of its timeline. */
export function newOrderOf(
  ctx: AppContext,
  shop: Shop,
  mall: MallOrder,
  options: { testImport: boolean; meta: Meta },
): OrderToInsert {
  const [first] = mall.packages;
  if (!first) throw new Error(`mall order ${mall.mallOrderNumber} has no package`);
  const shipTo = shipToOf(first.shipTo);
  const lines = mall.packages.flatMap((p) => p.items);
  const channel = ctx.channels.get(shop.channel)?.label ?? shop.channel;
  const billed = mall.billedTotal === null ? "請求額未確定" : `請求額${mall.billedTotal}円`;
  return {
    input: {
      source: "import",
      mallOrderNumber: mall.mallOrderNumber,
      orderedAt: mall.orderedAt,
      buyer: { name: mall.buyer.name, email: mall.buyer.email, phone: mall.buyer.phone },
      shipTo,
      kana: mallKana(mall),
      paymentMethod: mall.paymentMethod,
      paidAt: mall.paid ? options.meta.now : null,
      subtotal: mall.subtotal,
      shippingFee: mall.shippingFee,
      fees: mall.fees,
      couponDiscount: mall.couponDiscount,
      pointsUsed: mall.pointsUsed,
      total: mall.billedTotal,
      remarks: mall.remarks || null,
      desiredDeliveryDate: mall.desiredDeliveryDate,
      desiredTimeSlot: mall.desiredTimeSlot,
      mall: {
        status: mall.mallStatus.code,
        statusLabel: mall.mallStatus.label,
        paymentLabel: mall.paymentMethodLabel,
        checkedAt: options.meta.now,
      },
      testImport: options.testImport,
      mallDetails: mall,
      shipments: mall.packages.map((p) => {
        const own = shipToOf(p.shipTo);
        return {
          mallPackageId: p.mallPackageId,
          ...(sameAddress(own, shipTo) ? {} : { shipTo: own }),
          details: p,
          items: p.items,
        };
      }),
    },
    registeredMessage: `${options.testImport ? "[テスト取込] " : ""}${channel}から取り込みました(${lines.length}明細、${billed}、送付先${mall.packages.length}件)${warned(mall)}`,
  };
}

/**
 * The mall's warnings on the order, and the values Juchu could not place, kept on its timeline: the
 * read succeeded, but a person may want to know.
 */
const warned = (mall: MallOrder) =>
  (mall.mallWarnings?.length ? `\nモールからの警告: ${mall.mallWarnings.join(" / ")}` : "") +
  (mall.unknownValues?.length ? `\n未登録のモール値: ${describeUnknownValues(mall.unknownValues)}` : "");
