import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { Refusal } from "#server/domain/refusal.ts";

/** The one table from rule codes to HTTP statuses; a code not listed here is a conflict with the order's state. */
const STATUS_BY_CODE: Record<string, ContentfulStatusCode> = {
  "validation.failed": 422,
  "request.malformed": 400,
  "request.too_large": 413,
  "auth.required": 401,
  "auth.invalid_token": 401,
  "auth.session_expired": 401,
  "auth.invalid_credentials": 401,
  "auth.csrf_failed": 403,
  "auth.forbidden": 403,
  "plan.feature_not_included": 403,
  "plan.limit_reached": 403,
  "auth.too_many_attempts": 429,
  "auth.session_only": 403,
  "user.wrong_password": 422,
  "token.scope_not_held": 422,
  "order.payment_amount_mismatch": 422,
  "order.refetch_failed": 502,
  "inquiry.mall_refused": 422,
  "inquiry.mall_unavailable": 502,
  "order.tag_system_only": 422,
  "b2b_cancel.reason_required": 422,
  "b2b_cancel.reason_too_long": 422,
  "stock.invalid_adjustment": 422,
  "carrier_csv.invalid_settings": 422,
  "tracking_import.invalid_profile": 422,
  "csv_import.empty": 422,
  "csv_import.columns_missing": 422,
  "product_import.unsupported": 422,
  "saved_search.name_taken": 422,
  "saved_search.too_many": 422,
  "customer_rank.name_taken": 422,
  "customer_rank.too_many": 422,
  "b2b_order.no_lines": 422,
  "b2b_order.unknown_product": 422,
  "b2b_order.duplicate_product": 422,
  "b2b_order.below_minimum": 422,
  "b2b_order.not_a_lot_multiple": 422,
  "b2b.company_code_taken": 422,
  "b2b.buyer_email_taken": 422,
  "b2b.mail_destination_taken": 422,
  "b2b.price_invalid": 422,
  "shop.setup_incomplete": 422,
  "shop.setup_item_not_ready": 422,
  "delivery_conditions.unknown_warehouse": 422,
  "delivery_conditions.csv_refused": 422,
  internal: 500,
};

export function statusFor(code: string): ContentfulStatusCode {
  if (code.endsWith(".not_found")) return 404;
  return STATUS_BY_CODE[code] ?? 409;
}

const TITLES: Record<number, string> = {
  400: "リクエストの形式が正しくありません",
  401: "認証が必要です",
  403: "この操作は許可されていません",
  404: "見つかりません",
  409: "この操作はできません",
  413: "リクエストが大きすぎます",
  422: "入力内容に誤りがあります",
  429: "しばらくしてからお試しください",
  500: "内部エラーが発生しました",
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  rule?: string;
  errors?: { path: string; message: string; rule?: string }[];
};

export function problemOf(refusal: Refusal): Problem {
  const status = statusFor(refusal.code);
  return {
    type: `https://juchu.dev/problems/${refusal.code}`,
    title: TITLES[status] ?? "エラー",
    status,
    code: refusal.code,
    detail: refusal.detail,
    ...(refusal.rule ? { rule: refusal.rule } : {}),
    ...(refusal.errors ? { errors: [...refusal.errors] } : {}),
  };
}

export function problemResponse(c: Context, refusal: Refusal): Response {
  const body = problemOf(refusal);
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    "content-type": "application/problem+json; charset=utf-8",
  });
}

/** zod issues → one problem listing every bad field, by its name in the body, query or path. */
export function validationRefusal(error: z.ZodError): Refusal {
  return invalidFields(
    error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
  );
}

export function invalidFields(errors: { path: string; message: string }[]): Refusal {
  const first = errors[0];
  return new Refusal(
    "validation.failed",
    first
      ? `${first.path || "body"}: ${first.message}${errors.length > 1 ? ` (ほか${errors.length - 1}件)` : ""}`
      : "入力が正しくありません",
    { errors },
  );
}

export { Refusal };
