import { Refusal } from "#server/domain/refusal.ts";
import type { AppContext } from "../context.ts";
import { lockedEndpoint } from "./endpoint-views.ts";
import { recordWebhookEvent } from "./record-event.ts";

/** テスト送信: a webhook.test event to this endpoint alone, through the outbox like any other. */
export async function sendTestEvent(ctx: AppContext, accountId: string, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const endpoint = await lockedEndpoint(tx, accountId, id);
    if (!endpoint.enabled)
      throw new Refusal(
        "webhook.disabled",
        "無効の送信先にはテスト送信できません。有効にしてからお試しください。",
      );
    await recordWebhookEvent(ctx, tx, accountId, [
      {
        type: "webhook.test",
        endpointId: id,
        data: { endpointId: id, message: "Juchuからのテスト送信です" },
      },
    ]);
  });
}
