import type { AppContext } from "#server/app/context.ts";
import { sendMail } from "#server/app/mail/send-mail.ts";
import { type BatchHandler, eachJob } from "./batch.ts";

/** One mail; an SMTP server that is down fails the job, for pg-boss to retry with backoff. */
async function handleOne(ctx: AppContext, data: { mailId: string }): Promise<void> {
  await sendMail(ctx, data.mailId);
}

export const handleSendMail: BatchHandler<{ mailId: string }> = eachJob(handleOne, 4);
