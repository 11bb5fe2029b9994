/** The shapes of the mail endpoints: categories, templates, shop settings, SMTP and the log. */
export type TriggerKind = "order_status" | "shipping_status";

export type MailCategory = {
  id: string;
  name: string;
  enabled: boolean;
  triggerKind: TriggerKind;
  triggerStatus: string;
  delayMinutes: number;
  productId: string | null;
  priority: number;
};

export type MailTemplate = {
  id: string;
  name: string;
  enabled: boolean;
  categoryId: string;
  subject: string;
  body: string;
  updatedAt: string;
};

export type Placeholder = { name: string; description: string; example: string };

export type StandardTemplate = {
  key: string;
  name: string;
  subject: string;
  body: string;
  trigger: { kind: TriggerKind; status: string; delayMinutes: number };
};

export type ShopMailSetting = { categoryId: string; enabled: boolean; templateId: string | null };

export type MailTransport = {
  host: string;
  port: number;
  secure: boolean;
  username?: string;
  fromAddress: string;
  fromName: string;
  hasPassword: boolean;
  shopId: string | null;
};

export type MailStatus = "queued" | "sending" | "sent" | "failed" | "skipped" | "kept";

export type Mail = {
  id: string;
  orderId: string;
  mallOrderNumber: string;
  categoryName: string;
  status: MailStatus;
  statusLabel: string;
  dueAt: string;
  sentAt: string | null;
  toAddress: string;
  subject: string | null;
  body: string | null;
  attempts: number;
  lastError: string | null;
  note: string | null;
  resendOf: string | null;
  createdAt: string;
};
export type MailList = { items: Mail[]; total: number };

export const resendable = (m: Mail) => m.status === "sent" || m.status === "failed" || m.status === "kept";
