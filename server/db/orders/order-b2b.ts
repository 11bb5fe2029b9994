import { sql } from "drizzle-orm";

/** An order's BtoB facts (who placed it, how, its キャンセルリクエスト); null for every other order. */
export type OrderB2bFacts = {
  companyId: string;
  companyName: string;
  placedVia: string;
  cancelRequestStatus: string | null;
  cancelReasonCode: string | null;
  cancelReasonText: string | null;
  cancelRequestedAt: string | null;
  cancelDecidedAt: string | null;
  cancelRefusalReason: string | null;
} | null;

/**
 * A sub-select evaluated per row of the list page or the order view, by the primary key of
 * b2b_orders: no statement per row, nothing read for the orders of other channels.
 */
export const orderB2bSql = sql<OrderB2bFacts>`(
  select json_build_object('companyId', b.company_id, 'companyName', c.name, 'placedVia', b.placed_via,
    'cancelRequestStatus', b.cancel_request_status, 'cancelReasonCode', b.cancel_reason_code,
    'cancelReasonText', b.cancel_reason_text, 'cancelRequestedAt', b.cancel_requested_at,
    'cancelDecidedAt', b.cancel_decided_at, 'cancelRefusalReason', b.cancel_refusal_reason)
  from b2b_orders b join buyer_companies c on c.id = b.company_id where b.order_id = "orders"."id")`;

/** 発注者がキャンセルを希望しています: the orders whose request waits for the merchant. */
export const cancelRequestedSql = sql`exists (select 1 from b2b_orders b
  where b.order_id = "orders"."id" and b.cancel_request_status = 'requested')`;
