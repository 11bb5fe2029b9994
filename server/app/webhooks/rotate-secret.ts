import { eq } from "drizzle-orm";
import { webhookEndpoints } from "#server/db/schema.ts";
import { PREVIOUS_SECRET_MS } from "#server/domain/webhooks.ts";
import type { AppContext } from "../context.ts";
import { lockedEndpoint } from "./endpoint-views.ts";
import { newWebhookSecret, sealSecret } from "./sign.ts";

/**
 * A new signing secret, answered once. The old one keeps signing beside it for PREVIOUS_SECRET_MS
 * (both signatures in webhook-signature), so a receiver can switch without missing an event.
 */
export async function rotateSecret(ctx: AppContext, accountId: string, id: string): Promise<string> {
  const secret = newWebhookSecret();
  await ctx.db.transaction(async (tx) => {
    const endpoint = await lockedEndpoint(tx, accountId, id);
    const now = ctx.clock.now();
    await tx
      .update(webhookEndpoints)
      .set({
        secret: sealSecret(ctx.secrets, secret),
        previousSecret: endpoint.secret,
        previousSecretUntil: new Date(now.getTime() + PREVIOUS_SECRET_MS),
        secretRotatedAt: now,
        updatedAt: now,
      })
      .where(eq(webhookEndpoints.id, id));
  });
  return secret;
}
