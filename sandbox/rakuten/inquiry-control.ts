import { z } from "zod";
import type { ControlContext, ControlRoute } from "./control-router.ts";
import { withShop } from "./control-shops.ts";
import { controlError, json, parseWith, type Reply } from "./http-reply.ts";
import {
  addReply,
  CANCEL_CATEGORY,
  type InquiryType,
  inquiryCategories,
  type MallInquiry,
  openInquiry,
  presentInquiry,
} from "./inquiry-record.ts";
import type { MallState } from "./state.ts";

/**
 * What buyers do in R-Messe: open a thread on a shop (about an order or not, a cancel request or
 * not), write again on it; and the thread as the mall holds it, with the shop's replies and flags,
 * so a test sees what the shop's side sent. Every write is at the mall clock's now.
 */

const message = z.string().min(1, "a message is required").max(2000);

const inquiryInput = z
  .strictObject({
    message,
    orderNumber: z.string().min(1).max(40).optional(),
    /** Files the thread under the category RMS shares for returns, exchanges and cancels. */
    cancelRequest: z.boolean().optional(),
    /** One of the documented categories of the thread's type; not together with cancelRequest. */
    category: z.string().optional(),
    userName: z.string().min(1).max(100).optional(),
    itemNumber: z.string().min(1).max(100).optional(),
    itemName: z.string().min(1).max(255).optional(),
  })
  .refine((i) => !(i.cancelRequest && i.category !== undefined), {
    message: "give cancelRequest or category, not both",
    path: ["category"],
  });

const followUpInput = z.strictObject({ message });

/** 受注問い合わせ about an order, 商品問い合わせ about an item, else 店舗問い合わせ. */
const typeOf = (input: { orderNumber?: string | undefined; itemNumber?: string | undefined }): InquiryType =>
  input.orderNumber ? "受注問い合わせ" : input.itemNumber ? "商品問い合わせ" : "店舗問い合わせ";

function withInquiry(
  state: MallState,
  inquiryNumber: string | undefined,
  then: (inquiry: MallInquiry) => Reply,
): Reply {
  const inquiry = inquiryNumber === undefined ? undefined : state.inquiries.get(inquiryNumber);
  return inquiry
    ? then(inquiry)
    : controlError(404, "inquiry_not_found", `no inquiry ${inquiryNumber} in the sandbox`);
}

function postInquiry({ state, params, body }: ControlContext): Reply {
  return withShop(state, params.shopId, (shop) => {
    const input = parseWith(inquiryInput, body);
    if (!input.ok) return input.reply;
    const value = input.value;
    const order = value.orderNumber ? state.orders.get(value.orderNumber) : undefined;
    if (order && order.shopId !== shop.shopId) {
      return controlError(400, "invalid_input", `${value.orderNumber} is another shop's order`, [
        { field: "orderNumber", message: "another shop's order" },
      ]);
    }
    const type = typeOf(value);
    const categories: readonly string[] = inquiryCategories[type];
    if (value.category !== undefined && !categories.includes(value.category)) {
      return controlError(400, "invalid_input", `${type} has no category ${value.category}`, [
        { field: "category", message: `one of ${categories.join(", ")}` },
      ]);
    }
    const category = value.cancelRequest
      ? CANCEL_CATEGORY[type]
      : (value.category ?? (type === "受注問い合わせ" ? "その他" : "商品詳細"));
    const inquiry = openInquiry(state, shop, {
      message: value.message,
      userName: value.userName ?? "楽天 太郎",
      orderNumber: value.orderNumber ?? null,
      type,
      category,
      itemNumber: value.itemNumber ?? null,
      itemName: value.itemName ?? null,
    });
    return json(201, presentInquiry(inquiry));
  });
}

function followUp({ state, params, body }: ControlContext): Reply {
  return withInquiry(state, params.inquiryNumber, (inquiry) => {
    const input = parseWith(followUpInput, body);
    if (!input.ok) return input.reply;
    addReply(inquiry, "user", input.value.message, [], state.now());
    return json(201, presentInquiry(inquiry));
  });
}

function listInquiries({ state, params }: ControlContext): Reply {
  return withShop(state, params.shopId, (shop) => {
    const items = [...state.inquiries.values()].filter((i) => i.shopId === shop.shopId).map(presentInquiry);
    return json(200, { count: items.length, items });
  });
}

export const inquiryRoutes: ControlRoute[] = [
  { method: "POST", pattern: "/_sandbox/shops/:shopId/inquiries", handle: postInquiry },
  { method: "GET", pattern: "/_sandbox/shops/:shopId/inquiries", handle: listInquiries },
  {
    method: "GET",
    pattern: "/_sandbox/inquiries/:inquiryNumber",
    handle: (c) => withInquiry(c.state, c.params.inquiryNumber, (i) => json(200, presentInquiry(i))),
  },
  { method: "POST", pattern: "/_sandbox/inquiries/:inquiryNumber/messages", handle: followUp },
];
