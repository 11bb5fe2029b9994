/** Where a mail stands in the log: kept is rendered and stored but NOT sent (no SMTP configured). */
export const MAIL_STATUS_LABELS = {
  queued: "送信待ち",
  sending: "送信中",
  sent: "送信済",
  failed: "送信失敗",
  skipped: "送信しない",
  kept: "未送信(SMTP未設定・保存のみ)",
} as const;

export type MailStatus = keyof typeof MAIL_STATUS_LABELS;
export const MAIL_STATUSES = Object.keys(MAIL_STATUS_LABELS) as [MailStatus, ...MailStatus[]];
