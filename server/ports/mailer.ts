/**
 * Sending one mail over SMTP. The Message-ID is Juchu's own and stays the same on every retry of one
 * mail, so a copy delivered twice in the residual window is recognisable as the same message.
 */
export type OutgoingMail = {
  messageId: string;
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
};

export type MailTransportSettings = {
  host: string;
  port: number;
  /** true: TLS from the first byte (465); false: plain, upgraded with STARTTLS when the server offers it. */
  secure: boolean;
  username?: string | undefined;
  password?: string | undefined;
};

export type Mailer = { send(mail: OutgoingMail): Promise<void> };

export type MailerFactory = (settings: MailTransportSettings) => Mailer;

/** A mail the server did not take; `retryable` when trying later can help (down, 4xx), not on a 5xx refusal. */
export class MailError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  constructor(code: string, message: string, options: { retryable: boolean }) {
    super(message);
    this.name = "MailError";
    this.code = code;
    this.retryable = options.retryable;
  }
}
