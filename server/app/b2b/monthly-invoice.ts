import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Invoice } from "#server/adapters/documents/invoice.ts";
import { accounts, b2bOrders, orders, shipments } from "#server/db/schema.ts";
import {
  billingPeriod,
  type InvoiceOrder,
  invoiceTotals,
  REGISTRATION_NUMBER,
} from "#server/domain/b2b/invoice.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { tokyoDate } from "#server/domain/tokyo-time.ts";
import type { AppContext } from "../context.ts";
import { companyOf } from "./companies.ts";
import { readSettings } from "./desk.ts";

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * 月次請求書 of a 掛け払い company: the orders fully shipped within the 請求期間 its 締め日 makes
 * (the day the last parcel left, Tokyo time), cancelled and deleted ones left out.
 */
export async function monthlyInvoice(
  ctx: AppContext,
  accountId: string,
  companyId: string,
  month: string,
): Promise<Invoice> {
  const company = await companyOf(ctx.db, accountId, companyId);
  if (company.paymentTerms !== "invoice" || company.closingDay === null)
    throw new Refusal("b2b_invoice.not_invoice_terms", "前払いの取引先には請求書を発行しません。");
  const period = billingPeriod(month, company.closingDay);
  if (period instanceof Refusal) throw period;
  const rows = await ctx.db
    .select({ order: orders })
    .from(b2bOrders)
    .innerJoin(orders, eq(orders.id, b2bOrders.orderId))
    .where(
      and(
        eq(b2bOrders.companyId, companyId),
        eq(b2bOrders.accountId, accountId),
        inArray(orders.status, ["shipped", "completed"]),
        isNull(orders.deletedAt),
      ),
    );
  const parcels = rows.length
    ? await ctx.db
        .select({ orderId: shipments.orderId, shippedAt: shipments.shippedAt })
        .from(shipments)
        .where(
          inArray(
            shipments.orderId,
            rows.map((r) => r.order.id),
          ),
        )
    : [];
  const shippedOn = (orderId: string) => {
    const days = parcels.flatMap((p) =>
      p.orderId === orderId && p.shippedAt ? [tokyoDate(p.shippedAt)] : [],
    );
    return days.sort().at(-1) ?? null;
  };
  const billed = rows
    .map((r) => ({ order: r.order, shippedOn: shippedOn(r.order.id) }))
    .filter(
      (r): r is { order: typeof r.order; shippedOn: string } =>
        r.shippedOn !== null && r.shippedOn >= period.from && r.shippedOn <= period.to,
    )
    .sort(
      (a, b) =>
        a.shippedOn.localeCompare(b.shippedOn) ||
        a.order.mallOrderNumber.localeCompare(b.order.mallOrderNumber),
    );
  const totals = invoiceTotals(
    billed.map((b) => ({
      total: b.order.total,
      taxSummary: b.order.taxSummary as InvoiceOrder["taxSummary"],
    })),
  );
  const [account] = await ctx.db
    .select({ name: accounts.name })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  const { invoiceRegistrationNumber: number } = await readSettings(ctx.db, accountId);
  return {
    issuer: {
      name: account?.name ?? "",
      registrationNumber: number && REGISTRATION_NUMBER.test(number) ? number : null,
    },
    company: { name: company.name, code: company.code },
    period,
    dueOn: company.paymentDueDays === null ? null : addDays(period.to, company.paymentDueDays),
    orders: billed.map((b) => ({
      orderNumber: b.order.mallOrderNumber,
      orderedAt: b.order.orderedAt,
      shippedOn: b.shippedOn,
      total: b.order.total,
    })),
    billed: totals.billed,
    byRate: totals.byRate,
    issuedOn: ctx.clock.now(),
  };
}
