import type { OrderEvent } from "../order.ts";
import type { OrderStatus, ShippingStatus } from "../order-status.ts";
import { Refusal } from "../refusal.ts";

/**
 * キャンセルリクエスト (SPEC.md §9, seed conect-b2b-cancel-request): a buyer company asks, the merchant
 * decides. The request itself cancels nothing; only an approval does, through the ordinary cancel.
 *
 * A refused request is final: the order cannot be asked again. The seed shows one result per order
 * (「キャンセルできませんでした」 stays on the history), and each of the request's mails is sent once
 * per order — a second request would reach the merchant silently.
 */
export const CANCEL_REQUEST_TRANSITIONS = {
  none: ["requested"],
  requested: ["approved", "refused"],
  approved: [],
  refused: [],
} as const satisfies Record<string, readonly string[]>;

export type CancelRequestStatus = Exclude<keyof typeof CANCEL_REQUEST_TRANSITIONS, "none">;

/** What the buyer's 発注履歴 shows beside the order, in the seed's words. */
export const BUYER_HISTORY_LABELS = {
  requested: "キャンセルリクエスト中",
  approved: "キャンセルリクエストが承認され取引停止されました",
  refused: "キャンセルできませんでした",
} as const satisfies Record<CancelRequestStatus, string>;

/** 注文状況 on the buyer's 発注履歴詳細: 取引中止 after an approval, キャンセル却下 (+ the reason) after a refusal. */
export const BUYER_DETAIL_LABELS = {
  requested: "キャンセルリクエスト中",
  approved: "取引中止",
  refused: "キャンセル却下",
} as const satisfies Record<CancelRequestStatus, string>;

/** What the merchant's 受注一覧 / 受注詳細 shows. */
export const MERCHANT_LABELS = {
  requested: "発注者がキャンセルを希望しています",
  approved: "取引中止",
  refused: "キャンセルのリクエストを却下しました。",
} as const satisfies Record<CancelRequestStatus, string>;

/** キャンセル理由: exactly one of these; その他 needs the buyer's own words. */
export const CANCEL_REASONS = {
  wrong_item: "注文内容を間違えた",
  wrong_quantity: "数量を間違えた",
  duplicate: "重複して発注した",
  delivery_date: "希望の納期に間に合わない",
  no_longer_needed: "不要になった",
  other: "その他",
} as const;

export type CancelReasonCode = keyof typeof CANCEL_REASONS;
export const REASON_MAX_CHARACTERS = 20;

export type CancelRequest = {
  status: CancelRequestStatus;
  reasonCode: string;
  reasonText: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  refusalReason: string | null;
};

/** What the rules read about the order, loaded before deciding. */
export type CancelRequestFacts = {
  /** 注文キャンセルの受付を許可 */
  allowed: boolean;
  status: OrderStatus;
  shipments: readonly { status: ShippingStatus }[];
  request: CancelRequest | null;
};

/** Characters as the buyer sees them: 「👨‍👩‍👧」 or 「が」 written as か + ゛ is one, whatever UTF-16 says. */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of new Intl.Segmenter("ja", { granularity: "grapheme" }).segment(text)) count++;
  return count;
}

const refuse = (code: string, detail: string, rule?: string) =>
  new Refusal(`b2b_cancel.${code}`, detail, rule ? { rule } : {});

const fieldError = (code: string, path: string, message: string) =>
  new Refusal(`b2b_cancel.${code}`, `${path}: ${message}`, { errors: [{ path, message }] });

/** 出荷済 or later: the seed hides the button once the merchant marks the order shipped. */
export function isShipped(facts: Pick<CancelRequestFacts, "status" | "shipments">): boolean {
  return (
    facts.status === "shipped" ||
    facts.status === "completed" ||
    facts.shipments.some((s) => s.status === "shipped")
  );
}

/** Why this order may not be asked to be cancelled now, or null. */
export function requestRefusal(facts: CancelRequestFacts): Refusal | null {
  if (!facts.allowed)
    return refuse("not_allowed", "この取引先では注文キャンセルのリクエストを受け付けていません。");
  if (facts.request) {
    return refuse(
      "already_requested",
      facts.request.status === "requested"
        ? "この注文はすでにキャンセルをリクエストしています。"
        : "この注文のキャンセルリクエストはすでに処理されています。",
      facts.request.status,
    );
  }
  if (facts.status === "cancelled") return refuse("order_cancelled", "この注文はすでに取引中止です。");
  if (isShipped(facts)) return refuse("already_shipped", "出荷済の注文はキャンセルをリクエストできません。");
  return null;
}

/** The 「キャンセルリクエスト」 button: shown exactly when a request would be taken. */
export const canRequestCancel = (facts: CancelRequestFacts): boolean => requestRefusal(facts) === null;

export type CancelReasonInput = { reasonCode: string; otherReason?: string | null | undefined };

/** Exactly one reason from the list; その他 with 1–20 characters of the buyer's own. */
export function checkReason(
  input: CancelReasonInput,
): Refusal | { code: CancelReasonCode; text: string | null } {
  if (!Object.hasOwn(CANCEL_REASONS, input.reasonCode))
    return fieldError("reason_required", "reasonCode", "キャンセル理由を一つ選んでください");
  const code = input.reasonCode as CancelReasonCode;
  if (code !== "other") return { code, text: null };
  const text = (input.otherReason ?? "").trim();
  if (text === "") return fieldError("reason_required", "otherReason", "キャンセル理由を入力してください");
  if (characterCount(text) > REASON_MAX_CHARACTERS)
    return fieldError(
      "reason_too_long",
      "otherReason",
      `キャンセル理由は${REASON_MAX_CHARACTERS}文字以内で入力してください`,
    );
  return { code, text };
}

export const reasonLabel = (request: Pick<CancelRequest, "reasonCode" | "reasonText">): string =>
  request.reasonCode === "other" && request.reasonText
    ? request.reasonText
    : (CANCEL_REASONS[request.reasonCode as CancelReasonCode] ?? request.reasonCode);

type Outcome = { request: CancelRequest; event: OrderEvent };

/** 「キャンセルをリクエストする」: the order is not touched; the timeline names the company. */
export function requestCancel(
  facts: CancelRequestFacts,
  input: CancelReasonInput,
  by: { companyName: string },
  now: Date,
): Outcome | Refusal {
  const refusal = requestRefusal(facts);
  if (refusal) return refusal;
  const reason = checkReason(input);
  if (reason instanceof Refusal) return reason;
  const request: CancelRequest = {
    status: "requested",
    reasonCode: reason.code,
    reasonText: reason.text,
    requestedAt: now,
    decidedAt: null,
    decidedBy: null,
    refusalReason: null,
  };
  return {
    request,
    event: {
      type: "b2b_cancel_requested",
      message: `発注者(${by.companyName})がキャンセルをリクエストしました(理由: ${reasonLabel(request)})`,
      detail: { reasonCode: reason.code, reasonText: reason.text },
    },
  };
}

/** The request still waiting for the merchant, or why there is none to decide. */
function waiting(request: CancelRequest | null): CancelRequest | Refusal {
  if (!request) return refuse("not_requested", "この注文にはキャンセルリクエストがありません。");
  if (request.status !== "requested")
    return refuse("already_decided", "このキャンセルリクエストはすでに処理されています。", request.status);
  return request;
}

/**
 * 承認する: the request is settled; the caller cancels the order in the same transaction (取引中止),
 * whose own rules may still refuse (a parcel at the warehouse must be withdrawn first). A request
 * made while 許可 stays decidable after the merchant switches it off.
 */
export function approveCancelRequest(
  request: CancelRequest | null,
  actor: string,
  now: Date,
): Outcome | Refusal {
  const open = waiting(request);
  if (open instanceof Refusal) return open;
  return {
    request: { ...open, status: "approved", decidedAt: now, decidedBy: actor },
    event: { type: "b2b_cancel_approved", message: "キャンセルリクエストを承認しました(取引中止)" },
  };
}

/** 拒否を実行: an optional reason of at most 20 characters, shown to the buyer. */
export function refuseCancelRequest(
  request: CancelRequest | null,
  input: { reason?: string | null | undefined },
  actor: string,
  now: Date,
): Outcome | Refusal {
  const open = waiting(request);
  if (open instanceof Refusal) return open;
  const reason = (input.reason ?? "").trim() || null;
  if (reason && characterCount(reason) > REASON_MAX_CHARACTERS)
    return fieldError(
      "reason_too_long",
      "reason",
      `拒否の理由は${REASON_MAX_CHARACTERS}文字以内で入力してください`,
    );
  return {
    request: { ...open, status: "refused", decidedAt: now, decidedBy: actor, refusalReason: reason },
    event: {
      type: "b2b_cancel_refused",
      message: `${MERCHANT_LABELS.refused}${reason ? `(理由: ${reason})` : ""}`,
      detail: { reason },
    },
  };
}
