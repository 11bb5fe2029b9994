/**
 * Webhooks (Webhook通知): what an endpoint can subscribe to, when a failed delivery is tried again,
 * and when an endpoint that keeps failing is switched off.
 */
export const WEBHOOK_EVENT_LABELS = {
  "order.status_changed": "注文ステータスの変更",
  "order.cancelled": "注文のキャンセル",
  "shipment.status_changed": "出荷ステータスの変更",
  "shipment.shipped": "出荷済み",
  "mail.failed": "メール送信の失敗",
  "import.failed": "取込の失敗",
  "inquiry.received": "問い合わせの受信",
  "webhook.test": "テスト送信",
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_LABELS;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENT_LABELS) as WebhookEventType[];

/**
 * Waits before each retry of a delivery that failed: the first try goes at once, then after these;
 * a delivery that fails all eight tries (about 21 hours in all) is given up.
 */
export const RETRY_DELAYS_MS = [
  30_000,
  2 * 60_000,
  10 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  6 * 3_600_000,
  12 * 3_600_000,
] as const;

export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** When the next try is due after `attemptsMade` failed tries; null once every try is spent. */
export function nextAttemptAt(attemptsMade: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attemptsMade - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

/** Deliveries given up in a row (no success between) after which an endpoint is switched off. */
export const DISABLE_AFTER_FAILED_DELIVERIES = 5;

export function disabledReason(failedInARow: number): string | null {
  if (failedInARow < DISABLE_AFTER_FAILED_DELIVERIES) return null;
  return `配信に${failedInARow}件続けて失敗したため無効にしました(1件につき${MAX_DELIVERY_ATTEMPTS}回まで送信)。受信先を直してから有効にしてください。`;
}

/** After a rotation the old secret still signs beside the new one this long, for receivers to switch. */
export const PREVIOUS_SECRET_MS = 24 * 3_600_000;

/** What a receiver's answer keeps in the attempt log. */
export const RESPONSE_BODY_CHARS = 2_000;

/** Why a URL cannot receive webhooks, in the merchant's words; null when it can. */
export function webhookUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "URLの形式が正しくありません(例: https://example.com/juchu/webhook)";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return "http:// か https:// で始まるURLを指定してください";
  if (url.username || url.password) return "URLにユーザー名やパスワードを含めないでください";
  if (url.hash) return "URLに # 以降を含めないでください";
  return null;
}
