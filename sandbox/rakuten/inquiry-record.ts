import { createHash } from "node:crypto";
import { colonOffsetDatetime, jstCompactDate } from "./rms-time.ts";
import type { MallState, Shop } from "./state.ts";

/**
 * An R-Messe thread as the mall holds it: the buyer's first message, the replies of both sides, and
 * the shop's flags (既読, 完了). Whatever changes a thread — a reply from either side, 既読, 完了 —
 * moves its lastUpdateDate on the mall clock, which is what the list's date window looks at.
 */

export type InquiryAttachment = { label: string; path: string };

export type InquiryReply = {
  id: number;
  message: string;
  regDate: Date;
  replyFrom: "merchant" | "user";
  /** A merchant reply: the buyer read it (never, here). A user reply: the shop read it (既読). */
  isRead: boolean;
  attachments: InquiryAttachment[];
};

export type MallInquiry = {
  inquiryNumber: string;
  shopId: string;
  userName: string;
  userMaskEmail: string;
  message: string;
  regDate: Date;
  itemUrl: string | null;
  itemName: string | null;
  itemNumber: string | null;
  isCompleted: boolean;
  completedDate: Date | null;
  orderNumber: string | null;
  readByMerchant: boolean;
  attachments: InquiryAttachment[];
  replies: InquiryReply[];
  category: string;
  type: string;
  lastUpdateDate: Date;
};

/** 問い合わせタイプ and the categories RMS's inquiry.get documents for each. */
export const inquiryCategories = {
  受注問い合わせ: [
    "送料・商品配送",
    "返品交換・キャンセル",
    "決済方法・購入金額",
    "商品詳細",
    "注文情報の追加連絡",
    "ソーシャルギフト受取",
    "その他",
  ],
  商品問い合わせ: ["商品詳細", "再入荷・在庫", "返品・交換・キャンセル", "配送", "店舗サービス"],
  店舗問い合わせ: ["商品詳細", "再入荷・在庫", "返品・交換・キャンセル", "配送", "店舗サービス"],
} as const;

export type InquiryType = keyof typeof inquiryCategories;

/**
 * What the sandbox files a cancel request under. RMS publishes no category for "cancel" alone: the
 * nearest is the one shared with returns and exchanges (README, Assumptions).
 */
export const CANCEL_CATEGORY: Record<InquiryType, string> = {
  受注問い合わせ: "返品交換・キャンセル",
  商品問い合わせ: "返品・交換・キャンセル",
  店舗問い合わせ: "返品・交換・キャンセル",
};

/** A thread opened by a buyer (the control API plays the buyer). */
export function openInquiry(
  state: MallState,
  shop: Shop,
  input: {
    message: string;
    userName: string;
    orderNumber: string | null;
    type: InquiryType;
    category: string;
    itemNumber: string | null;
    itemName: string | null;
  },
): MallInquiry {
  const now = state.now();
  const serial = state.next.inquiry++;
  const inquiryNumber = `${shop.shopId}-${jstCompactDate(now)}-${serial}t`;
  // A relay address like RMS's: 34 hex-ish characters at pc.fw.rakuten.ne.jp, stable per thread.
  const mask = createHash("sha256").update(inquiryNumber).digest("hex").slice(0, 34);
  const inquiry: MallInquiry = {
    inquiryNumber,
    shopId: shop.shopId,
    userName: input.userName,
    userMaskEmail: `${mask}@pc.fw.rakuten.ne.jp`,
    message: input.message,
    regDate: now,
    itemUrl: input.itemNumber ? `/${shop.shopId}/${input.itemNumber}/` : `/${shop.shopId}/`,
    itemName: input.itemName,
    itemNumber: input.itemNumber,
    isCompleted: false,
    completedDate: null,
    orderNumber: input.orderNumber,
    readByMerchant: false,
    attachments: [],
    replies: [],
    category: input.category,
    type: input.type,
    lastUpdateDate: now,
  };
  state.inquiries.set(inquiryNumber, inquiry);
  return inquiry;
}

/** A message on the thread from either side; a buyer's makes the thread unread for the shop again. */
export function addReply(
  inquiry: MallInquiry,
  from: InquiryReply["replyFrom"],
  message: string,
  attachments: InquiryAttachment[],
  now: Date,
): InquiryReply {
  const reply: InquiryReply = {
    id: inquiry.replies.length,
    message,
    regDate: now,
    replyFrom: from,
    isRead: false,
    attachments,
  };
  inquiry.replies.push(reply);
  if (from === "user") inquiry.readByMerchant = false;
  inquiry.lastUpdateDate = now;
  return reply;
}

export type InquiryFlag = "read" | "complete" | "incomplete";

/** 既読 / 完了 / 未完了: false when the thread is that way already (RMS: already set value as specified). */
export function setFlag(inquiry: MallInquiry, flag: InquiryFlag, now: Date): boolean {
  if (flag === "read") {
    if (inquiry.readByMerchant) return false;
    inquiry.readByMerchant = true;
    for (const r of inquiry.replies) if (r.replyFrom === "user") r.isRead = true;
  } else if (flag === "complete") {
    if (inquiry.isCompleted) return false;
    inquiry.isCompleted = true;
    inquiry.completedDate = now;
  } else {
    if (!inquiry.isCompleted) return false;
    inquiry.isCompleted = false;
    inquiry.completedDate = null;
  }
  inquiry.lastUpdateDate = now;
  return true;
}

/** Whether the shop owes an answer (noMerchantReply): the thread's last word is the buyer's. */
export const awaitsMerchant = (inquiry: MallInquiry): boolean =>
  (inquiry.replies.at(-1)?.replyFrom ?? "user") === "user";

export const presentReply = (r: InquiryReply) => ({
  id: r.id,
  message: r.message,
  regDate: colonOffsetDatetime(r.regDate),
  replyFrom: r.replyFrom,
  isRead: r.isRead,
  attachments: r.attachments,
  isMessageDeleted: false,
});

/** The inquiry as inquiry.get and inquiries.get write it, keys in the documented order. */
export function presentInquiry(i: MallInquiry): Record<string, unknown> {
  return {
    inquiryNumber: i.inquiryNumber,
    shopId: Number(i.shopId),
    userName: i.userName,
    userMaskEmail: i.userMaskEmail,
    message: i.message,
    regDate: colonOffsetDatetime(i.regDate),
    itemUrl: i.itemUrl,
    itemName: i.itemName,
    itemNumber: i.itemNumber,
    isCompleted: i.isCompleted,
    completedDate: i.completedDate && colonOffsetDatetime(i.completedDate),
    orderNumber: i.orderNumber,
    readByMerchant: i.readByMerchant,
    attachments: i.attachments,
    replies: i.replies.map(presentReply),
    category: i.category,
    type: i.type,
    isMessageDeleted: false,
    lastUpdateDate: colonOffsetDatetime(i.lastUpdateDate),
    socialGiftUserType: null,
  };
}

/** A shop's threads; another shop's number is as unknown as a made-up one. */
export function shopInquiry(state: MallState, shop: Shop, inquiryNumber: string): MallInquiry | undefined {
  const inquiry = state.inquiries.get(inquiryNumber);
  return inquiry?.shopId === shop.shopId ? inquiry : undefined;
}
