import { createHmac, randomBytes } from "node:crypto";
import type { webhookEndpoints } from "#server/db/schema.ts";
import type { SealedSecret, SecretBox } from "#server/ports/secret-box.ts";

const PREFIX = "whsec_";

/** A new signing secret, Standard Webhooks style: `whsec_` and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  return PREFIX + randomBytes(24).toString("base64");
}

export const sealSecret = (secrets: SecretBox, secret: string) => secrets.seal({ secret });

/** The secrets that sign now: the current one, and the one before a rotation while its overlap lasts. */
export function signingSecrets(
  secrets: SecretBox,
  endpoint: Pick<typeof webhookEndpoints.$inferSelect, "secret" | "previousSecret" | "previousSecretUntil">,
  now: Date,
): string[] {
  const open = (sealed: unknown) => (secrets.open(sealed as SealedSecret).secret ?? "") as string;
  const current = [open(endpoint.secret)];
  const overlap =
    endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now;
  return overlap ? [...current, open(endpoint.previousSecret)] : current;
}

/**
 * The Standard Webhooks headers: the signed content is `id.timestamp.body`, HMAC-SHA256 keyed with the
 * secret's bytes after `whsec_`, sent as `v1,<base64>`; several secrets sign side by side, space-separated.
 */
export function signatureHeaders(input: {
  id: string;
  at: Date;
  body: string;
  secrets: readonly string[];
}): Record<string, string> {
  const timestamp = String(Math.floor(input.at.getTime() / 1000));
  const content = `${input.id}.${timestamp}.${input.body}`;
  const signatures = input.secrets.map((secret) => {
    const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
    return `v1,${createHmac("sha256", key).update(content).digest("base64")}`;
  });
  return {
    "webhook-id": input.id,
    "webhook-timestamp": timestamp,
    "webhook-signature": signatures.join(" "),
  };
}
