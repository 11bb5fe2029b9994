import { isIP } from "node:net";
import { createTransport } from "nodemailer";
import {
  MailError,
  type Mailer,
  type MailerFactory,
  type MailTransportSettings,
} from "#server/ports/mailer.ts";

// Long enough for a slow shared mail host, short enough that a dead one frees the mail job quickly.
const TIMEOUT_MS = 10_000;

/** A certificate nobody can check is only acceptable when the server is this machine (the tests). */
function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost" || h === "::1") return true;
  return isIP(h) === 4 && h.startsWith("127.");
}

type SmtpFailure = Error & { code?: string; responseCode?: number; response?: string; command?: string };

function failure(code: string, message: string, retryable: boolean, cause: unknown): MailError {
  const err = new MailError(code, message, { retryable });
  err.cause = cause;
  return err;
}

/**
 * Sorts a nodemailer failure by whether trying later can help: the server being unreachable or
 * answering 4xx (greylisting, a full queue) can; a 5xx refusal would only be repeated.
 */
export function toMailError(error: unknown, settings: MailTransportSettings): MailError {
  if (error instanceof MailError) return error;
  const e = (error ?? {}) as SmtpFailure;
  const server = `${settings.host}:${settings.port}`;
  const reply = (e.response ?? e.message ?? "").trim();
  const status = e.responseCode;

  if (status !== undefined && status >= 500 && status !== 503) {
    if (e.code === "EAUTH" || status === 535 || status === 534 || status === 530) {
      return failure(
        "mail.auth_failed",
        `メールサーバー(${server})でログインできませんでした。SMTPのユーザー名とパスワードを確認してください(サーバーの応答: ${reply})。`,
        false,
        error,
      );
    }
    return failure(
      "mail.rejected",
      `メールサーバー(${server})がメールの受け取りを拒否しました。宛先と送信元を確認してください(サーバーの応答: ${reply})。`,
      false,
      error,
    );
  }
  if (status !== undefined && status >= 400) {
    return failure(
      "mail.temporary_failure",
      `メールサーバー(${server})が一時的に受け取れませんでした。時間をおいて再送します(サーバーの応答: ${reply})。`,
      true,
      error,
    );
  }
  if (e.code === "EAUTH" || e.code === "ENOAUTH") {
    return failure(
      "mail.auth_failed",
      `メールサーバー(${server})でログインできませんでした。SMTPの設定を確認してください(${reply})。`,
      false,
      error,
    );
  }
  if (e.code === "ETLS") {
    return failure(
      "mail.tls_failed",
      `メールサーバー(${server})と暗号化通信を始められませんでした。サーバー証明書とポート・SSL設定を確認してください(${reply})。`,
      false,
      error,
    );
  }
  if (e.code === "EENVELOPE") {
    return failure(
      "mail.rejected",
      `宛先または送信元のメールアドレスが正しくありません(${reply})。`,
      false,
      error,
    );
  }
  // Refused, reset, timed out, no greeting, DNS: the server may well be back later.
  return failure(
    "mail.unavailable",
    `メールサーバー(${server})に接続できませんでした。時間をおいて再送します(${reply})。`,
    true,
    error,
  );
}

export type SmtpMailer = Mailer & { close(): void };

/**
 * One nodemailer transport per settings object, reused for every mail sent with them. Not pooled:
 * each send opens and QUITs its own connection, so nothing is left open between mail jobs;
 * close() is there for callers that want to release the transport explicitly.
 */
export const smtpMailer: MailerFactory = (settings): SmtpMailer => {
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.username ? { auth: { user: settings.username, pass: settings.password ?? "" } } : {}),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    tls: { rejectUnauthorized: !isLoopback(settings.host) },
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          messageId: mail.messageId,
          from: { name: mail.from.name, address: mail.from.address },
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          // Japanese text: base64 grows it by a third where quoted-printable would triple it.
          textEncoding: "base64",
          headers: { "X-Mailer": "Juchu" },
        });
      } catch (error) {
        throw toMailError(error, settings);
      }
    },
    close() {
      transport.close();
    },
  };
};
