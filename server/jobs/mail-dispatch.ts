import type { AppContext } from "#server/app/context.ts";
import { dispatchMailTriggers } from "#server/app/dispatch-mails.ts";

/** Plans the mails of every status change waiting, a batch per transaction. */
export async function handleMailDispatch(ctx: AppContext): Promise<void> {
  while ((await dispatchMailTriggers(ctx)) > 0);
}
