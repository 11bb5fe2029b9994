import { eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import type { LoadedOrder } from "#server/db/orders/order-queries.ts";
import { b2bOrders, b2bSettings, buyerCompanies } from "#server/db/schema.ts";
import type {
  CancelRequest,
  CancelRequestFacts,
  CancelRequestStatus,
} from "#server/domain/b2b/cancel-request.ts";

export type B2bOrderRow = typeof b2bOrders.$inferSelect;

/** The キャンセルリクエスト a BtoB order row carries, or null while none was made. */
export function cancelRequestOf(row: B2bOrderRow): CancelRequest | null {
  if (!row.cancelRequestStatus || !row.cancelReasonCode || !row.cancelRequestedAt) return null;
  return {
    status: row.cancelRequestStatus as CancelRequestStatus,
    reasonCode: row.cancelReasonCode,
    reasonText: row.cancelReasonText,
    requestedAt: row.cancelRequestedAt,
    decidedAt: row.cancelDecidedAt,
    decidedBy: row.cancelDecidedBy,
    refusalReason: row.cancelRefusalReason,
  };
}

/** The columns a decided or new request writes; decidedBy is kept only for the merchant's users. */
export function cancelRequestColumns(request: CancelRequest) {
  return {
    cancelRequestStatus: request.status,
    cancelReasonCode: request.reasonCode,
    cancelReasonText: request.reasonText,
    cancelRequestedAt: request.requestedAt,
    cancelDecidedAt: request.decidedAt,
    cancelDecidedBy: request.decidedBy?.startsWith("user:") ? request.decidedBy.slice(5) : null,
    cancelRefusalReason: request.refusalReason,
  };
}

/**
 * The BtoB facts of an order the caller has locked: its row (locked too), its company and whether the
 * desk takes cancel requests; null for an order that is not a BtoB order.
 */
export async function b2bFactsOf(tx: Db, order: LoadedOrder) {
  const [found] = await tx
    .select({ b2b: b2bOrders, companyName: buyerCompanies.name })
    .from(b2bOrders)
    .innerJoin(buyerCompanies, eq(buyerCompanies.id, b2bOrders.companyId))
    .where(eq(b2bOrders.orderId, order.row.id))
    .for("update", { of: b2bOrders });
  if (!found) return null;
  const [settings] = await tx
    .select({ allowed: b2bSettings.allowCancelRequests })
    .from(b2bSettings)
    .where(eq(b2bSettings.accountId, order.row.accountId));
  const request = cancelRequestOf(found.b2b);
  const facts: CancelRequestFacts = {
    allowed: settings?.allowed ?? false,
    status: order.snapshot.status,
    shipments: order.snapshot.shipments,
    request,
  };
  return { row: found.b2b, companyName: found.companyName, request, facts };
}
