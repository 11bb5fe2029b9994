import type { MallInquiry } from "#server/ports/channel.ts";
import { MallError } from "#server/ports/mall.ts";
import { parseRakutenDatetime } from "./datetime.ts";

/**
 * An R-Messe thread as 問い合わせ管理API writes it (inquiry.get, inquiries.get's list) read into the
 * port's MallInquiry.
 */

export type RmsInquiryReply = {
  id?: number;
  message?: string | null;
  regDate?: string;
  replyFrom?: string;
};

export type RmsInquiry = {
  inquiryNumber: string;
  shopId?: number | string;
  userName?: string | null;
  message?: string | null;
  regDate?: string;
  isCompleted?: boolean;
  orderNumber?: string | null;
  readByMerchant?: boolean;
  replies?: RmsInquiryReply[] | null;
  category?: string | null;
  type?: string | null;
  lastUpdateDate?: string;
};

/**
 * RMS has no category for a cancel alone: the documented ones that hold cancels (受注問い合わせ's
 * 返品交換・キャンセル, the others' 返品・交換・キャンセル) hold returns and exchanges too. A thread filed
 * there is flagged; the app confirms with the shop's phrases (sandbox/rakuten/README.md, Assumption).
 */
export const RAKUTEN_CANCEL_CATEGORIES: readonly string[] = [
  "返品交換・キャンセル",
  "返品・交換・キャンセル",
];

function instant(text: string | undefined, field: string, inquiryNumber: string): Date {
  const date = text === undefined ? null : parseRakutenDatetime(text);
  if (date) return date;
  throw new MallError(
    "rakuten.malformed_response",
    `楽天RMSの問い合わせ ${inquiryNumber} の ${field} が日時として読めません: ${String(text)}`,
    { retryable: false },
  );
}

export function toMallInquiry(rms: RmsInquiry): MallInquiry {
  const n = rms.inquiryNumber;
  const receivedAt = instant(rms.regDate, "regDate", n);
  const words = [rms.type, rms.category].filter((w): w is string => typeof w === "string" && w !== "");
  const replies = [...(rms.replies ?? [])]
    .sort((a, b) => (a.id ?? 0) - (b.id ?? 0))
    .map((r) => ({
      from: r.replyFrom === "merchant" ? ("shop" as const) : ("buyer" as const),
      message: r.message ?? "",
      at: instant(r.regDate, "replies.regDate", n),
    }));
  return {
    inquiryNumber: n,
    mallOrderNumber: rms.orderNumber || null,
    buyerName: rms.userName ?? "",
    message: rms.message ?? "",
    receivedAt,
    category: words.length > 0 ? words.join(" / ") : null,
    cancelRequested: RAKUTEN_CANCEL_CATEGORIES.includes(rms.category ?? ""),
    replies,
    readByMerchant: rms.readByMerchant === true,
    completed: rms.isCompleted === true,
    updatedAt:
      rms.lastUpdateDate === undefined ? receivedAt : instant(rms.lastUpdateDate, "lastUpdateDate", n),
  };
}
