import { Refusal } from "./refusal.ts";

/** How early the merchant hears that a credential runs out. */
export const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * One field of a channel's credentials form, as its definition gives it: a secret the merchant must
 * type (which may stop working `expiresDays` after it is issued), or the optional date it expires.
 */
export type CredentialRule = {
  key: string;
  label: string;
  type: "secret" | "expiresAt";
  expiresDays?: number | undefined;
};

/**
 * Checks what the merchant typed before it is sealed: every secret the channel needs, and when the
 * credentials expire — the date given, or `expiresDays` from now for a key entered today.
 */
export function checkCredentials(
  fields: readonly CredentialRule[],
  input: Record<string, string>,
  now: Date,
): { values: Record<string, string>; expiresAt: Date | null } | Refusal {
  const errors: { path: string; message: string }[] = [];
  const values: Record<string, string> = {};
  let expiresAt: Date | null = null;
  for (const f of fields.filter((f) => f.type === "secret")) {
    const v = input[f.key]?.trim() ?? "";
    if (v === "") errors.push({ path: `credentials.${f.key}`, message: `${f.label} を入力してください` });
    else if (/\s/.test(v))
      errors.push({ path: `credentials.${f.key}`, message: `${f.label} に空白は使えません` });
    values[f.key] = input[f.key] ?? "";
    if (f.expiresDays !== undefined) expiresAt = new Date(now.getTime() + f.expiresDays * DAY_MS);
  }
  for (const f of fields.filter((f) => f.type === "expiresAt")) {
    const given = input[f.key];
    if (given === undefined) continue;
    const parsed = Date.parse(given);
    if (Number.isNaN(parsed)) {
      errors.push({ path: `credentials.${f.key}`, message: "有効期限は日付(ISO 8601)で指定してください" });
    } else if (parsed <= now.getTime()) {
      errors.push({ path: `credentials.${f.key}`, message: "有効期限が過ぎた認証情報は登録できません" });
    } else {
      expiresAt = new Date(parsed);
    }
  }
  if (errors.length > 0) {
    return new Refusal("validation.failed", errors.map((e) => `${e.path}: ${e.message}`).join(" / "), {
      errors,
    });
  }
  return { values, expiresAt };
}

export type CredentialWarning = { level: "expired" | "expiring"; daysLeft: number; message: string };

/** What the channel tells the merchant to do about it; generic words when it says nothing. */
export type ExpiryMessages = { expired: string; expiring: (daysLeft: number) => string };

const GENERIC_EXPIRY: ExpiryMessages = {
  expired: "認証情報の有効期限が切れています。新しい認証情報を発行して登録してください。",
  expiring: (daysLeft) =>
    `認証情報の有効期限まであと${daysLeft}日です。期限前に新しい認証情報を登録してください。`,
};

/** 有効期限の警告: from 14 days before the credentials run out, and once they have. */
export function credentialWarning(
  expiresAt: Date | null,
  now: Date,
  messages: ExpiryMessages = GENERIC_EXPIRY,
): CredentialWarning | null {
  if (!expiresAt) return null;
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return { level: "expired", daysLeft: 0, message: messages.expired };
  const daysLeft = Math.ceil(left / DAY_MS);
  if (daysLeft > EXPIRY_WARNING_DAYS) return null;
  return { level: "expiring", daysLeft, message: messages.expiring(daysLeft) };
}
