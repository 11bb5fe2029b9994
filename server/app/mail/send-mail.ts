import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { appendEvents, loadOrder } from "#server/db/orders/order-queries.ts";
import { mailCategories, mails, mailTemplates, mailTransports, shops } from "#server/db/schema.ts";
import { renderMail } from "#server/domain/mail/template.ts";
import { MailError, type MailTransportSettings } from "#server/ports/mailer.ts";
import type { SealedSecret } from "#server/ports/secret-box.ts";
import type { AppContext } from "../context.ts";
import { recordWebhookEvent } from "../webhooks/record-event.ts";
import { mailFactsOf } from "./mail-facts.ts";

/** A claim older than this is taken to be a sender that died mid-send: its mail is tried again. */
export const SEND_LEASE_MS = 10 * 60_000;
/** After this many failed tries a mail the server keeps refusing for now is marked failed for a person. */
export const MAX_SEND_ATTEMPTS = 8;

type Mail = typeof mails.$inferSelect;
const ACTOR = "system:mail";

/** The SMTP a shop's mails leave through: its own (あんしんメルアド relay), else the account's (shopId null: the account's own mail, e.g. an invitation). */
export async function transportFor(tx: Db, ctx: AppContext, accountId: string, shopId: string | null) {
  const rows = await tx.select().from(mailTransports).where(eq(mailTransports.accountId, accountId));
  const row = rows.find((t) => t.shopId === shopId) ?? rows.find((t) => t.shopId === null);
  if (!row) return null;
  const password = row.password ? ctx.secrets.open(row.password as SealedSecret).password : undefined;
  const settings: MailTransportSettings = {
    host: row.host,
    port: row.port,
    secure: row.secure,
    ...(row.username ? { username: row.username } : {}),
    ...(password ? { password } : {}),
  };
  return { settings, from: { name: row.fromName, address: row.fromAddress } };
}

/**
 * The send-mail job. The row is claimed under its lock (two workers never both send it), the text is
 * rendered from the template as it is now, sent outside any transaction with the mail's own
 * Message-ID, then recorded. The residual window: a crash after the server took the mail and before
 * "sent" is written sends it again once the claim's lease runs out (same Message-ID).
 */
export async function sendMail(ctx: AppContext, mailId: string): Promise<void> {
  const claimed = await ctx.db.transaction((tx) => claim(tx, ctx, mailId));
  if (!claimed) return;
  const { mail, transport, subject, body } = claimed;
  try {
    await ctx.mailers(transport.settings).send({
      messageId: mail.messageId,
      from: transport.from,
      to: mail.toAddress,
      subject,
      text: body,
    });
  } catch (error) {
    if (!(error instanceof MailError)) throw error;
    const last = !error.retryable || mail.attempts >= MAX_SEND_ATTEMPTS;
    await record(ctx, mail, last ? "failed" : "queued", {
      lastError: `${error.code}: ${error.message}`,
      message: last
        ? `メールを送れませんでした: ${error.message}`
        : `メールの送信に失敗しました。時間をおいて再送します(${mail.attempts}回目): ${error.message}`,
      type: last ? "mail_failed" : "mail_retry",
    });
    if (!last) throw error;
    return;
  }
  await record(ctx, mail, "sent", {
    message: `メール「${subject}」を ${mail.toAddress} に送信しました`,
    type: "mail_sent",
  });
}

async function claim(tx: Db, ctx: AppContext, mailId: string) {
  const now = ctx.clock.now();
  const [mail] = await tx.select().from(mails).where(eq(mails.id, mailId)).for("update");
  if (!mail) return null;
  const stale =
    mail.status === "sending" && mail.claimedAt && now.getTime() - mail.claimedAt.getTime() > SEND_LEASE_MS;
  if (mail.status !== "queued" && !stale) return null;
  const order = await loadOrder(tx, mail.accountId, mail.orderId, { lock: false });
  const [category] = await tx.select().from(mailCategories).where(eq(mailCategories.id, mail.categoryId));
  const [template] = mail.templateId
    ? await tx.select().from(mailTemplates).where(eq(mailTemplates.id, mail.templateId))
    : [];
  const [shop] = await tx.select({ name: shops.name }).from(shops).where(eq(shops.id, mail.shopId));
  if (!order || !category || !shop) return null;
  const skip = laterSkipReason(order.row, category, template);
  if (skip) {
    await settle(
      tx,
      ctx,
      mail,
      { status: "skipped", note: skip },
      `メール「${category.name}」を送りませんでした: ${skip}`,
      "mail_skipped",
    );
    return null;
  }
  if (!template) return null;
  // A mail's text is fixed once rendered: a retry sends the same message under the same Message-ID,
  // and a mail planned with its text (facts only its planner knows) is sent with it.
  const rendered =
    mail.subject !== null && mail.body !== null
      ? { subject: mail.subject, body: mail.body }
      : renderMail(template, mailFactsOf(order, shop.name, mail.shipmentKey || null));
  const transport = await transportFor(tx, ctx, mail.accountId, mail.shopId);
  if (!transport) {
    const note = "SMTPが未設定のため送信していません(メールログに保存しました)";
    await settle(
      tx,
      ctx,
      mail,
      { status: "kept", note, subject: rendered.subject, body: rendered.body },
      `メール「${rendered.subject}」は${note}`,
      "mail_kept",
    );
    return null;
  }
  const [taken] = await tx
    .update(mails)
    .set({
      status: "sending",
      claimedAt: now,
      attempts: mail.attempts + 1,
      subject: rendered.subject,
      body: rendered.body,
      fromAddress: transport.from.address,
    })
    .where(eq(mails.id, mailId))
    .returning();
  return taken ? { mail: taken, transport, ...rendered } : null;
}

/** What may have changed between planning and sending a delayed mail (the order cancelled, the template off). */
function laterSkipReason(
  order: { status: string; deletedAt: Date | null },
  category: typeof mailCategories.$inferSelect,
  template: typeof mailTemplates.$inferSelect | undefined,
): string | null {
  if (!category.enabled) return `カテゴリー「${category.name}」が無効になりました`;
  if (!template?.enabled) return "テンプレートが無効になりました";
  if (order.deletedAt) return "注文が削除されました";
  // A mail about one event on the order (a cancel request decided) tells what happened, cancel or not.
  if (
    order.status === "cancelled" &&
    category.triggerKind !== "order_event" &&
    category.triggerStatus !== "cancelled"
  )
    return "注文がキャンセルされました";
  return null;
}

async function settle(
  tx: Db,
  ctx: AppContext,
  mail: Mail,
  values: Partial<Mail>,
  message: string,
  type: string,
): Promise<void> {
  await tx.update(mails).set(values).where(eq(mails.id, mail.id));
  await appendEvents(
    tx,
    { id: mail.orderId, accountId: mail.accountId },
    [{ type, message, detail: { mailId: mail.id } }],
    {
      actor: ACTOR,
      now: ctx.clock.now(),
    },
  );
}

async function record(
  ctx: AppContext,
  mail: Mail,
  status: "sent" | "failed" | "queued",
  outcome: { message: string; type: string; lastError?: string },
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    // Only the claim that sent it records it: a sender whose lease was taken over stays silent.
    const [still] = await tx
      .select({ id: mails.id })
      .from(mails)
      .where(
        and(
          eq(mails.id, mail.id),
          eq(mails.status, "sending"),
          mail.claimedAt ? eq(mails.claimedAt, mail.claimedAt) : isNull(mails.claimedAt),
        ),
      )
      .for("update");
    if (!still) return;
    await settle(
      tx,
      ctx,
      mail,
      {
        status,
        ...(status === "sent" ? { sentAt: ctx.clock.now(), lastError: null } : {}),
        ...(outcome.lastError ? { lastError: outcome.lastError } : {}),
      },
      outcome.message,
      outcome.type,
    );
    if (status === "failed") {
      await recordWebhookEvent(ctx, tx, mail.accountId, [
        {
          type: "mail.failed",
          data: {
            mailId: mail.id,
            orderId: mail.orderId,
            shopId: mail.shopId,
            subject: mail.subject,
            error: outcome.lastError ?? null,
          },
        },
      ]);
    }
  });
}
