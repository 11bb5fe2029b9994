import type { AppContext } from "#server/app/context.ts";
import { dispatchMailTriggers } from "#server/app/mail/dispatch-mails.ts";
import { type BatchHandler, eachJob } from "./batch.ts";

/** Plans the mails of every status change waiting, a batch per transaction. */
async function handleOne(ctx: AppContext): Promise<void> {
  while ((await dispatchMailTriggers(ctx)) > 0);
}

export const handleMailDispatch: BatchHandler<Record<string, never>> = eachJob(handleOne);
