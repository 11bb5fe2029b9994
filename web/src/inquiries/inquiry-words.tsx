import { query } from "../api/client.ts";
import type { Inquiry, InquiryRow } from "../api/types.ts";

/** The inbox's tabs, each one of the API's `state` filters, in the order a merchant works through them. */
export const INQUIRY_TABS = [
  { state: "open", label: "未対応" },
  { state: "cancel", label: "キャンセル希望" },
  { state: "linked", label: "注文あり" },
  { state: "unlinked", label: "注文なし" },
  { state: "handled", label: "対応済み" },
] as const;

export type InquiryState = (typeof INQUIRY_TABS)[number]["state"];

const STATES = new Set<string>(INQUIRY_TABS.map((t) => t.state));
export const inquiryStateOf = (value: string | null): InquiryState =>
  value && STATES.has(value) ? (value as InquiryState) : "open";

export const inquiriesHref = (filters: { state?: InquiryState; shop?: string; cursor?: string }) =>
  `/inquiries${query({ state: filters.state === "open" ? undefined : filters.state, shop: filters.shop, cursor: filters.cursor })}`;

export const inquiryHref = (id: string) => `/inquiries/${id}`;

/** What Juchu did about a cancel request, as the merchant says it; `none` says nothing. */
export const ACTION_WORDS: Record<InquiryRow["action"], { label: string; tone: string } | null> = {
  cancelled: { label: "自動キャンセル済み", tone: "done" },
  withdrawn: { label: "出荷取下げ済み", tone: "done" },
  withdraw_refused: { label: "出荷を止められませんでした", tone: "failed" },
  tagged: { label: "要確認", tone: "check" },
  none: null,
};

export const REPLY_WORDS: Record<InquiryRow["replyState"], { label: string; tone: string }> = {
  none: { label: "未返信", tone: "none" },
  pending: { label: "返信送信中", tone: "pending" },
  sent: { label: "返信済み", tone: "done" },
  failed: { label: "返信できませんでした", tone: "failed" },
};

export function ActionBadges({ inquiry }: { inquiry: InquiryRow | Inquiry }) {
  const action = ACTION_WORDS[inquiry.action];
  return (
    <>
      {inquiry.cancelRequested && <span className="badge inquiry-cancel">キャンセル希望</span>}
      {action && <span className={`badge inquiry-action inquiry-${action.tone}`}>{action.label}</span>}
    </>
  );
}

export function ReplyBadge({ inquiry }: { inquiry: InquiryRow | Inquiry }) {
  const reply = REPLY_WORDS[inquiry.replyState];
  return <span className={`badge inquiry-reply inquiry-${reply.tone}`}>{reply.label}</span>;
}
