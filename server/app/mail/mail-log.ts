import { and, eq } from "drizzle-orm";
import { appendEvents, loadOrder } from "#server/db/orders/order-queries.ts";
import { mails, shops } from "#server/db/schema.ts";
import { checkTemplate, renderMail } from "#server/domain/mail/template.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { Actor, AppContext } from "../context.ts";
import { actorLabel } from "../context.ts";
import { mailFactsOf } from "./mail-facts.ts";

/**
 * 再送: a person sends a mail again (it failed, or was kept while no SMTP was set). A new log row
 * points at the first, with a Message-ID of its own: it is a second mail, on purpose.
 */
export async function resendMail(
  ctx: AppContext,
  actor: Actor,
  accountId: string,
  mailId: string,
): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const [mail] = await tx
      .select()
      .from(mails)
      .where(and(eq(mails.id, mailId), eq(mails.accountId, accountId)));
    if (!mail) throw notFound("mail", "メール");
    if (!["sent", "failed", "kept"].includes(mail.status)) {
      throw new Refusal(
        "mail.resend_not_allowed",
        "再送できるのは送信済・送信失敗・未送信(保存のみ)のメールです。",
        {
          rule: "mail_not_settled",
        },
      );
    }
    const id = ctx.newId();
    const now = ctx.clock.now();
    await tx.insert(mails).values({
      id,
      accountId,
      orderId: mail.orderId,
      shopId: mail.shopId,
      categoryId: mail.categoryId,
      templateId: mail.templateId,
      shipmentKey: mail.shipmentKey,
      status: "queued",
      dueAt: now,
      toAddress: mail.toAddress,
      // The same mail once more: its text as it went (or was kept), not the template as it is now.
      subject: mail.subject,
      body: mail.body,
      messageId: `<${id}@mail.juchu.example>`,
      resendOf: mail.id,
    });
    await appendEvents(
      tx,
      { id: mail.orderId, accountId },
      [
        {
          type: "mail_resend_queued",
          message: "メールを再送します",
          detail: { mailId: id, resendOf: mail.id },
        },
      ],
      { actor: actorLabel(actor), now },
    );
    await ctx.jobs.enqueue(tx, "send-mail", { mailId: id }, { singletonKey: id });
    return id;
  });
}

/** プレビュー: any template, saved or not, rendered against a real order of the account. */
export async function previewMail(
  ctx: AppContext,
  accountId: string,
  input: { subject: string; body: string; orderId: string; shipmentId?: string | undefined },
): Promise<{ subject: string; body: string }> {
  const refusal = checkTemplate(input);
  if (refusal) throw refusal;
  const order = await loadOrder(ctx.db, accountId, input.orderId, { lock: false });
  if (!order) throw notFound("order", "注文");
  const [shop] = await ctx.db.select({ name: shops.name }).from(shops).where(eq(shops.id, order.row.shopId));
  const shipmentId = input.shipmentId ?? order.shipments.find((s) => s.status === "shipped")?.id ?? null;
  return renderMail(input, mailFactsOf(order, shop?.name ?? "", shipmentId));
}
