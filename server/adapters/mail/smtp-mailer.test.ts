import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { MailError, type OutgoingMail } from "#server/ports/mailer.ts";
import { startSmtpServer } from "#test/smtp.ts";
import { smtpMailer, toMailError } from "./smtp-mailer.ts";

const mail = (overrides: Partial<OutgoingMail> = {}): OutgoingMail => ({
  messageId: `<${crypto.randomUUID()}@juchu.test>`,
  from: { name: "お茶の山田園", address: "shop@example.jp" },
  to: "taro@example.jp",
  subject: "【お茶の山田園】ご注文ありがとうございます(注文番号: 123456-20261201-0000001)",
  text: "山田 太郎 様\n\nこのたびはご注文いただき、誠にありがとうございます。\n煎茶 100g  × 2  ¥2,160\n",
  ...overrides,
});

async function refusal(promise: Promise<unknown>): Promise<MailError> {
  const err = await promise.then(
    () => assert.fail("the send should have failed"),
    (e: unknown) => e,
  );
  assert.ok(err instanceof MailError, String(err));
  return err;
}

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
before(async () => {
  smtp = await startSmtpServer();
});
after(() => smtp.close());

test("a Japanese subject and body arrive intact, in UTF-8, with Juchu's Message-ID", async () => {
  const sent = mail();
  await smtpMailer(smtp.settings).send(sent);
  const got = smtp.received.at(-1);
  assert.ok(got);
  assert.equal(got.messageId, sent.messageId);
  assert.equal(got.subject, sent.subject);
  assert.equal(got.text, sent.text);
  assert.equal(got.from, '"お茶の山田園" <shop@example.jp>');
  assert.equal(got.to, "taro@example.jp");
  assert.match(got.raw, /^Subject: =\?UTF-8\?[BQ]\?/im);
  assert.match(got.raw, /^Content-Type: text\/plain; charset=utf-8/im);
  assert.match(got.raw, /^Content-Transfer-Encoding: base64/im);
  assert.match(got.raw, /^X-Mailer: Juchu/im);
  assert.equal(
    got.tls,
    true,
    "upgraded with STARTTLS despite the self-signed certificate, as it is loopback",
  );
});

test("failures nodemailer reports without a reply code: only connection trouble is retryable", () => {
  const settings = { host: "smtp.example.jp", port: 587, secure: false };
  const cases = [
    [{ code: "ECONNECTION", message: "connect ECONNREFUSED" }, "mail.unavailable", true],
    [{ code: "ESOCKET", message: "read ECONNRESET" }, "mail.unavailable", true],
    [{ code: "ETIMEDOUT", message: "Greeting never received" }, "mail.unavailable", true],
    [{ code: "EDNS", message: "getaddrinfo ENOTFOUND" }, "mail.unavailable", true],
    [{ code: "EAUTH", message: "Invalid login", responseCode: 454 }, "mail.temporary_failure", true],
    [{ code: "EPROTOCOL", responseCode: 503, message: "Bad sequence" }, "mail.temporary_failure", true],
    [{ code: "EAUTH", message: "Invalid login", responseCode: 535 }, "mail.auth_failed", false],
    [{ code: "ETLS", message: "self-signed certificate" }, "mail.tls_failed", false],
    [{ code: "EENVELOPE", message: "No recipients defined" }, "mail.rejected", false],
  ] as const;
  for (const [error, code, retryable] of cases) {
    const mapped = toMailError(Object.assign(new Error(error.message), error), settings);
    assert.deepEqual([mapped.code, mapped.retryable], [code, retryable], error.message);
    assert.ok(mapped.message.includes("smtp.example.jp:587") || code === "mail.rejected", mapped.message);
  }
});

test("a 4xx reply is retryable and the next send goes through", async () => {
  const mailer = smtpMailer(smtp.settings);
  smtp.failNext(1, 451);
  const err = await refusal(mailer.send(mail()));
  assert.equal(err.code, "mail.temporary_failure");
  assert.equal(err.retryable, true);
  assert.match(err.message, /451/);
  const before = smtp.received.length;
  await mailer.send(mail());
  assert.equal(smtp.received.length, before + 1);
});

test("a 5xx reply is a refusal that retrying would not change", async () => {
  smtp.failNext(1, 550);
  const err = await refusal(smtpMailer(smtp.settings).send(mail()));
  assert.equal(err.code, "mail.rejected");
  assert.equal(err.retryable, false);
  assert.match(err.message, /550.*Mailbox unavailable/);
});

test("a server that is down is retryable, and sending works again once it is back on its port", async () => {
  const mailer = smtpMailer(smtp.settings);
  await smtp.stop();
  try {
    const err = await refusal(mailer.send(mail()));
    assert.equal(err.code, "mail.unavailable");
    assert.equal(err.retryable, true);
  } finally {
    await smtp.start();
  }
  await mailer.send(mail({ subject: "復旧後" }));
  assert.equal(smtp.received.at(-1)?.subject, "復旧後");
});

test("with authentication required: the right password sends, a wrong one is not retried", async () => {
  const secured = await startSmtpServer({ auth: { username: "shop", password: "合言葉-secret" } });
  try {
    await smtpMailer(secured.settings).send(mail({ subject: "認証あり" }));
    assert.equal(secured.received.at(-1)?.subject, "認証あり");

    const err = await refusal(smtpMailer({ ...secured.settings, password: "wrong" }).send(mail()));
    assert.equal(err.code, "mail.auth_failed");
    assert.equal(err.retryable, false);
    assert.match(err.message, /535/);

    const anonymous = await refusal(smtpMailer({ ...secured.settings, username: undefined }).send(mail()));
    assert.deepEqual([anonymous.code, anonymous.retryable], ["mail.auth_failed", false]);
  } finally {
    await secured.close();
  }
});
