import { and, eq, inArray } from "drizzle-orm";
import { orders } from "#server/db/schema.ts";
import { manualRegistrationRefusal } from "#server/domain/mall-order-number.ts";
import type { OrderStatus } from "#server/domain/order-status.ts";
import type { FileOrderResult } from "#server/ports/order-upload.ts";
import type { Actor, AppContext } from "../context.ts";
import type { OrderRegistration } from "../orders/register-order.ts";
import { registerOrders } from "../orders/register-order.ts";

export type RowOutcome = "created" | "unchanged" | "skipped" | "failed";
export type ReportRow = {
  line: number;
  orderNumber: string | null;
  outcome: RowOutcome;
  orderId: string | null;
  field: string | null;
  rule: string | null;
  message: string | null;
};
export type BatchResult = { rows: ReportRow[]; counts: Record<RowOutcome, number> };

// A number already registered is the same file (or the same order) again: nothing to change.
const TAKEN = "order.mall_order_number_taken";

/**
 * One batch of orders from the file: bad ones reported line by line, numbers already in the shop
 * settled by SPEC §5's rules in one query (unchanged, or skipped when cancelled), the rest registered.
 */
export async function settleBatch(
  ctx: AppContext,
  actor: Actor,
  run: { accountId: string; shopId: string },
  batch: readonly FileOrderResult[],
): Promise<BatchResult> {
  const rows: ReportRow[] = [];
  const counts: Record<RowOutcome, number> = { created: 0, unchanged: 0, skipped: 0, failed: 0 };
  const settle = (
    lines: number[],
    orderNumber: string,
    outcome: RowOutcome,
    extra: Partial<ReportRow> = {},
  ) => {
    counts[outcome]++;
    for (const line of lines)
      rows.push({
        line,
        orderNumber,
        outcome,
        orderId: null,
        field: null,
        rule: null,
        message: null,
        ...extra,
      });
  };

  const good = batch.filter((o) => o.ok);
  for (const o of batch) {
    if (o.ok) continue;
    counts.failed++;
    // One line may break several rules: the report keeps one row per line, the first rule and every message.
    const byLine = new Map<number, ReportRow>();
    for (const l of o.lines) {
      const row = byLine.get(l.line);
      if (row) row.message = `${row.message} / ${l.message}`;
      else
        byLine.set(l.line, {
          line: l.line,
          orderNumber: o.orderNumber || null,
          outcome: "failed",
          orderId: null,
          field: l.problem?.field ?? null,
          rule: l.problem?.rule ?? null,
          message: l.message,
        });
    }
    rows.push(...byLine.values());
  }

  const existing = good.length
    ? await ctx.db
        .select({
          id: orders.id,
          number: orders.mallOrderNumber,
          status: orders.status,
          deletedAt: orders.deletedAt,
        })
        .from(orders)
        .where(
          and(
            eq(orders.shopId, run.shopId),
            inArray(
              orders.mallOrderNumber,
              good.map((o) => o.orderNumber),
            ),
          ),
        )
    : [];
  const toRegister: (typeof good)[number][] = [];
  for (const o of good) {
    const same = existing.filter((e) => e.number === o.orderNumber);
    const refusal = manualRegistrationRefusal(
      o.orderNumber,
      same.map((e) => ({ ...e, status: e.status as OrderStatus })),
    );
    if (!refusal) toRegister.push(o);
    else if (refusal.code === TAKEN)
      settle(o.lines, o.orderNumber, "unchanged", {
        orderId: same.find((e) => e.deletedAt === null)?.id ?? null,
        message: "登録済みの注文です(変更しません)",
      });
    else
      settle(o.lines, o.orderNumber, "skipped", {
        field: "orderNumber",
        rule: refusal.rule ?? null,
        message: refusal.detail,
      });
  }

  const inputs: OrderRegistration[] = toRegister.map((o) => ({
    shopId: run.shopId,
    mallOrderNumber: o.orderNumber,
    ...o.order,
  }));
  const outcomes = await registerOrders(ctx, actor, run.accountId, inputs, "csv");
  toRegister.forEach((o, i) => {
    const outcome = outcomes[i];
    if (!outcome) throw new Error("registration answered fewer outcomes than orders");
    if ("orderId" in outcome) settle(o.lines, o.orderNumber, "created", { orderId: outcome.orderId });
    else if (outcome.refusal.code === TAKEN)
      settle(o.lines, o.orderNumber, "unchanged", { message: "登録済みの注文です(変更しません)" });
    else
      settle(o.lines, o.orderNumber, "failed", {
        field: outcome.refusal.errors?.[0]?.path ?? null,
        rule: outcome.refusal.rule ?? outcome.refusal.code,
        message: outcome.refusal.detail,
      });
  });
  return { rows, counts };
}
