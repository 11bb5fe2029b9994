import { simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import type { MailTransportSettings } from "#server/ports/mailer.ts";

/** One mail as the test SMTP server took it, parsed back with mailparser. */
export type ReceivedMail = {
  messageId: string | undefined;
  from: string;
  to: string;
  subject: string;
  text: string;
  headers: Map<string, unknown>;
  /** The message exactly as it came over DATA, to check encodings. */
  raw: string;
  /** Whether the connection had been upgraded with STARTTLS. */
  tls: boolean;
};

type SmtpFailure = Error & { responseCode: number };

/**
 * A real SMTP server on 127.0.0.1 for the mail tests. It offers STARTTLS with smtp-server's built-in
 * self-signed certificate — the case the adapter only accepts on loopback — and can be taken down and
 * brought back on the same port, or made to refuse the next messages with a chosen reply code.
 */
export async function startSmtpServer(options: { auth?: { username: string; password: string } } = {}) {
  const received: ReceivedMail[] = [];
  let failures: number[] = [];
  let port = 0;
  let server: SMTPServer | null = null;
  let closed = false;

  const serverOptions: SMTPServerOptions = {
    authOptional: !options.auth,
    logger: false,
    closeTimeout: 1000,
    onAuth(auth, _session, callback) {
      const expected = options.auth;
      if (expected && auth.username === expected.username && auth.password === expected.password) {
        return callback(null, { user: auth.username });
      }
      const err = Object.assign(new Error("5.7.8 Authentication credentials invalid"), { responseCode: 535 });
      return callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const code = failures.shift();
        if (code !== undefined) {
          const text = code >= 500 ? "5.2.2 Mailbox unavailable" : "4.3.0 Try again later";
          const err: SmtpFailure = Object.assign(new Error(text), { responseCode: code });
          return callback(err);
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw).then(
          (parsed) => {
            const addresses = (a: typeof parsed.to) =>
              Array.isArray(a) ? a.map((x) => x.text).join(", ") : (a?.text ?? "");
            received.push({
              messageId: parsed.messageId,
              from: parsed.from?.text ?? "",
              to: addresses(parsed.to),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              headers: parsed.headers,
              raw,
              tls: session.secure,
            });
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  };

  async function start(): Promise<void> {
    if (closed) throw new Error("the test SMTP server is closed");
    if (server) return;
    const next = new SMTPServer(serverOptions);
    await new Promise<void>((resolve, reject) => {
      next.once("error", reject);
      // Port 0 the first time; the same port after stop(), so settings handed out stay valid.
      const listener = next.listen(port, "127.0.0.1", () => {
        next.off("error", reject);
        const address = listener.address();
        if (address && typeof address === "object") port = address.port;
        resolve();
      });
    });
    server = next;
  }

  async function stop(): Promise<void> {
    const current = server;
    server = null;
    if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
  }

  await start();
  const settings: MailTransportSettings = {
    host: "127.0.0.1",
    port,
    secure: false,
    ...(options.auth ? { username: options.auth.username, password: options.auth.password } : {}),
  };

  return {
    port,
    settings,
    received,
    /** The next `times` messages are refused after DATA with `code` (4xx temporary, 5xx permanent). */
    failNext(times: number, code = 451): void {
      failures = [...failures, ...Array.from({ length: times }, () => code)];
    },
    stop,
    start,
    async close(): Promise<void> {
      await stop();
      closed = true;
    },
  };
}
