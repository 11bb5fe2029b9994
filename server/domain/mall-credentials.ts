import { Refusal } from "./refusal.ts";

/** Rakuten's licenseKey stops working 90 days after it is issued (RMS: WEB APIサービス). */
export const RAKUTEN_LICENSE_DAYS = 90;
/** How early the merchant hears that the key runs out. */
export const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 86_400_000;

const REQUIRED: Record<string, readonly { key: string; label: string }[]> = {
  rakuten: [
    { key: "serviceSecret", label: "serviceSecret" },
    { key: "licenseKey", label: "licenseKey" },
  ],
};

/**
 * Checks what the merchant typed before it is sealed: every field the channel needs, and when the
 * key expires — given, or 90 days from now for a Rakuten key entered today.
 */
export function checkCredentials(
  channel: string,
  input: Record<string, string>,
  now: Date,
): { values: Record<string, string>; expiresAt: Date | null } | Refusal {
  const { licenseExpiresAt, ...values } = input;
  const errors: { path: string; message: string }[] = [];
  for (const f of REQUIRED[channel] ?? []) {
    const v = values[f.key]?.trim() ?? "";
    if (v === "") errors.push({ path: `credentials.${f.key}`, message: `${f.label} を入力してください` });
    else if (/\s/.test(v))
      errors.push({ path: `credentials.${f.key}`, message: `${f.label} に空白は使えません` });
  }
  let expiresAt: Date | null =
    channel === "rakuten" ? new Date(now.getTime() + RAKUTEN_LICENSE_DAYS * DAY_MS) : null;
  if (licenseExpiresAt !== undefined) {
    const parsed = Date.parse(licenseExpiresAt);
    if (Number.isNaN(parsed)) {
      errors.push({
        path: "credentials.licenseExpiresAt",
        message: "有効期限は日付(ISO 8601)で指定してください",
      });
    } else if (parsed <= now.getTime()) {
      errors.push({
        path: "credentials.licenseExpiresAt",
        message: "有効期限が過ぎたライセンスキーは登録できません",
      });
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

/** 有効期限の警告: from 14 days before the key runs out, and once it has. */
export function credentialWarning(expiresAt: Date | null, now: Date): CredentialWarning | null {
  if (!expiresAt) return null;
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) {
    return {
      level: "expired",
      daysLeft: 0,
      message:
        "ライセンスキーの有効期限が切れています。RMSで新しいライセンスキーを発行して登録してください。",
    };
  }
  const daysLeft = Math.ceil(left / DAY_MS);
  if (daysLeft > EXPIRY_WARNING_DAYS) return null;
  return {
    level: "expiring",
    daysLeft,
    message: `ライセンスキーの有効期限まであと${daysLeft}日です。期限前にRMSで新しいキーを発行して登録してください。`,
  };
}
