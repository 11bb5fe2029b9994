import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { startTestApp, type TestApp } from "#test/app.ts";
import { acceptInvitationAt, PERSON_PASSWORD } from "#test/people.ts";
import { startSmtpServer } from "#test/smtp.ts";
import { createHttpApp } from "./app.ts";

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
before(async () => {
  t = await startTestApp();
  smtp = await startSmtpServer();
  const transport = { ...smtp.settings, fromAddress: "info@shop.example.jp", fromName: "テスト商店" };
  assert.equal((await t.api("PUT", "/api/mail-transport", transport)).status, 200);
});
after(async () => {
  await t.close();
  await smtp.close();
});

let seq = 0;
const invite = (email = `mailed${++seq}-${Date.now()}@example.com`) =>
  t.api("POST", "/api/users/invitations", { email, name: "山田 太郎", role: "staff" });

test("with the account's SMTP the invitation is mailed in Japanese, and the mailed link signs the invitee in", async () => {
  const before = smtp.received.length;
  const invited = await invite();
  assert.equal(invited.status, 201, JSON.stringify(invited.body));
  assert.equal(invited.body.invitation.mailed, true);
  const mail = smtp.received[before];
  assert.ok(mail, "the mail arrived at the SMTP server");
  assert.equal(mail.to, invited.body.user.email);
  assert.match(mail.from, /info@shop\.example\.jp/);
  assert.equal(mail.subject, "【Juchu】テスト商店への招待");
  assert.match(mail.text, /^山田 太郎 様/);
  const link = mail.text.match(/https?:\/\/\S+/)?.[0] ?? "";
  assert.equal(link, invited.body.invitation.url);
  assert.ok(link.startsWith(`${t.url}/invitations/`), "the link points at the address the owner used");
  assert.match(mail.text, /1回だけ使えます/);

  const browser = await acceptInvitationAt(t, link, PERSON_PASSWORD);
  assert.equal(browser.status, 201, JSON.stringify(browser.session));
  assert.equal(browser.session.user.email, invited.body.user.email);
  assert.equal((await browser.call("GET", "/api/orders")).status, 200);
});

test("a mail server that is down costs the mail, not the invitation: the link is shown instead", async () => {
  await smtp.stop();
  try {
    const invited = await invite();
    assert.equal(invited.status, 201, JSON.stringify(invited.body));
    assert.equal(invited.body.invitation.mailed, false);
    assert.ok(invited.body.invitation.mailError, "says why");
    assert.equal(invited.body.user.status, "invited");
    assert.equal((await acceptInvitationAt(t, invited.body.invitation.url, PERSON_PASSWORD)).status, 201);
  } finally {
    await smtp.start();
  }
});

test("JUCHU_PUBLIC_URL is the link's base when set, in the answer and in the mail", async () => {
  const behindProxy = createHttpApp(t.ctx, {
    database: t.database.kind,
    version: "test",
    publicUrl: "https://juchu.example.jp",
  });
  const before = smtp.received.length;
  const res = await behindProxy.request("/api/users/invitations", {
    method: "POST",
    headers: { authorization: `Bearer ${t.owner.apiToken}`, "content-type": "application/json" },
    body: JSON.stringify({ email: `proxied-${Date.now()}@example.com`, name: "代理 経由", role: "viewer" }),
  });
  assert.equal(res.status, 201);
  const { invitation } = (await res.json()) as { invitation: { url: string; mailed: boolean } };
  assert.match(invitation.url, /^https:\/\/juchu\.example\.jp\/invitations\/jci_/);
  assert.ok(smtp.received[before]?.text.includes(invitation.url));
});
