import type { AppContext } from "#server/app/context.ts";
import { actOnCancelRequest } from "#server/app/inquiries/act-on-cancel-request.ts";
import { runInquiryImport } from "#server/app/inquiries/import-inquiries.ts";
import { sendCancelReply } from "#server/app/inquiries/send-cancel-reply.ts";
import { type BatchHandler, eachJob } from "./batch.ts";

/**
 * 問い合わせ (buyer messages at the channel): one poll of a shop (a channel that fails is noted on the shop's inquiry cursor
 * and read again at the next poll), the action on a cancel request, and its automatic reply. A warehouse
 * or mall that is down fails the job, for pg-boss to retry; each is safe to run again.
 */
export const handleInquiryImport: BatchHandler<{ shopId: string }> = eachJob((ctx: AppContext, data) =>
  runInquiryImport(ctx, data.shopId),
);

export const handleInquiryAct: BatchHandler<{ inquiryId: string }> = eachJob((ctx: AppContext, data) =>
  actOnCancelRequest(ctx, data.inquiryId),
);

export const handleInquiryReply: BatchHandler<{ inquiryId: string }> = eachJob((ctx: AppContext, data) =>
  sendCancelReply(ctx, data.inquiryId),
);
