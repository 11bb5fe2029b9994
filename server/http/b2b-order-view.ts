import { z } from "@hono/zod-openapi";
import type { OrderB2bFacts } from "#server/db/orders/order-b2b.ts";
import { type CancelRequestStatus, MERCHANT_LABELS, reasonLabel } from "#server/domain/b2b/cancel-request.ts";
import { uuid } from "#server/domain/fields.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";

/** What the merchant's 受注一覧 and 受注詳細 show of a BtoB order. */
export const orderB2bSchema = z
  .object({
    companyId: uuid(),
    companyName: z.string(),
    placedVia: z.enum(["form", "mail"]).describe("form 発注フォーム / mail メール発注"),
    cancelRequest: z
      .object({
        status: z.enum(["requested", "approved", "refused"]),
        label: z.string().describe("requested なら「発注者がキャンセルを希望しています」"),
        reasonLabel: z.string(),
        reasonText: z.string().nullable(),
        requestedAt: z.string(),
        decidedAt: z.string().nullable(),
        refusalReason: z.string().nullable(),
      })
      .nullable(),
  })
  .nullable()
  .describe("BtoBの注文のとき: 取引先と発注の経路、キャンセルリクエスト。ほかの注文は null")
  .openapi("OrderB2b");

const at = (json: string | null) => (json ? toTokyoIso(new Date(json)) : null);

export function presentOrderB2b(facts: OrderB2bFacts): z.infer<typeof orderB2bSchema> {
  if (!facts) return null;
  const status = facts.cancelRequestStatus as CancelRequestStatus | null;
  return {
    companyId: facts.companyId,
    companyName: facts.companyName,
    placedVia: facts.placedVia as "form" | "mail",
    cancelRequest:
      status && facts.cancelRequestedAt
        ? {
            status,
            label: MERCHANT_LABELS[status],
            reasonLabel: reasonLabel({
              reasonCode: facts.cancelReasonCode ?? "other",
              reasonText: facts.cancelReasonText,
            }),
            reasonText: facts.cancelReasonText,
            requestedAt: at(facts.cancelRequestedAt) ?? "",
            decidedAt: at(facts.cancelDecidedAt),
            refusalReason: facts.cancelRefusalReason,
          }
        : null,
  };
}
