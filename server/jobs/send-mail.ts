import type { AppContext } from "#server/app/context.ts";
import { sendMail } from "#server/app/send-mail.ts";

/** One mail; an SMTP server that is down fails the job, for pg-boss to retry with backoff. */
export async function handleSendMail(ctx: AppContext, data: { mailId: string }): Promise<void> {
  await sendMail(ctx, data.mailId);
}
