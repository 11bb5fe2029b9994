import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { appendEvents, type LoadedOrder, loadOrder } from "#server/db/orders/order-queries.ts";
import { mailCategories, mails, mailTemplates, mailTriggers, shopMailSettings } from "#server/db/schema.ts";
import { chooseCategories } from "#server/domain/mail/category-choice.ts";
import { featureRefusal, type PlanCode } from "#server/domain/plans.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import { planOf } from "../account/account-plan.ts";
import type { AppContext } from "../context.ts";

const BATCH = 200;

/**
 * Turns status changes into mails: each change a trigger kept is matched against the account's
 * enabled categories and the shop's mail settings. The mail row is the once-only record (order,
 * category, shipment), so a change seen twice, or two dispatchers at once, make one mail.
 */
export async function dispatchMailTriggers(ctx: AppContext): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(mailTriggers)
      .orderBy(asc(mailTriggers.eventId))
      .limit(BATCH)
      .for("update", { skipLocked: true });
    const plans = new Map<string, PlanCode>();
    for (const trigger of rows) {
      const plan = plans.get(trigger.accountId) ?? (await planOf(tx, trigger.accountId));
      plans.set(trigger.accountId, plan);
      await planMails(tx, ctx, trigger, plan);
    }
    if (rows.length > 0) {
      await tx.delete(mailTriggers).where(
        inArray(
          mailTriggers.eventId,
          rows.map((r) => r.eventId),
        ),
      );
    }
    return rows.length;
  });
}

async function planMails(
  tx: Db,
  ctx: AppContext,
  trigger: typeof mailTriggers.$inferSelect,
  plan: PlanCode,
): Promise<void> {
  const categories = await tx
    .select()
    .from(mailCategories)
    .where(
      and(
        eq(mailCategories.accountId, trigger.accountId),
        eq(mailCategories.enabled, true),
        eq(mailCategories.triggerKind, trigger.kind),
        eq(mailCategories.triggerStatus, trigger.status),
      ),
    )
    .orderBy(asc(mailCategories.createdAt));
  if (categories.length === 0) return;
  // Read only: planning a mail never changes the order, so it does not wait on the workers moving it.
  const order = await loadOrder(tx, trigger.accountId, trigger.orderId, { lock: false });
  if (!order) return;
  const settings = await tx
    .select({ categoryId: shopMailSettings.categoryId, template: mailTemplates })
    .from(shopMailSettings)
    .leftJoin(mailTemplates, eq(mailTemplates.id, shopMailSettings.templateId))
    .where(
      and(
        eq(shopMailSettings.shopId, order.row.shopId),
        eq(shopMailSettings.enabled, true),
        inArray(
          shopMailSettings.categoryId,
          categories.map((c) => c.id),
        ),
      ),
    );
  // A shop that does not send a category has no mail to log: it never was one.
  const sent = categories.filter((c) => settings.some((s) => s.categoryId === c.id));
  for (const category of chooseCategories(sent, productIdsOf(order))) {
    const template = settings.find((s) => s.categoryId === category.id)?.template ?? null;
    await queueMail(tx, ctx, order, {
      category,
      template,
      dueAt: new Date(trigger.at.getTime() + category.delayMinutes * 60_000),
      shipmentKey: trigger.shipmentId ?? "",
      toAddress: order.row.buyerEmail,
      accountPlan: plan,
    });
  }
}

/**
 * One mail into the log, once per (order, category, shipment), with its timeline entry and its send
 * job in the caller's transaction. A mail planned with its text (rendered from facts only its planner
 * knows) is sent with that text.
 */
export async function queueMail(
  tx: Db,
  ctx: AppContext,
  order: LoadedOrder,
  plan: {
    category: { id: string; name: string };
    template: typeof mailTemplates.$inferSelect | null;
    dueAt: Date;
    shipmentKey: string;
    toAddress: string;
    rendered?: { subject: string; body: string };
    /** The account's plan, when the caller read it: without メール自動送信 the mail is logged, not sent. */
    accountPlan?: PlanCode;
  },
): Promise<string | null> {
  const { category, template, dueAt } = plan;
  const skip = skipReason(order, template, plan.toAddress, plan.accountPlan);
  const id = ctx.newId();
  const [created] = await tx
    .insert(mails)
    .values({
      id,
      accountId: order.row.accountId,
      orderId: order.row.id,
      shopId: order.row.shopId,
      categoryId: category.id,
      templateId: template?.id ?? null,
      shipmentKey: plan.shipmentKey,
      status: skip ? "skipped" : "queued",
      note: skip,
      dueAt,
      toAddress: plan.toAddress,
      ...(plan.rendered && !skip ? plan.rendered : {}),
      messageId: `<${id}@mail.juchu.example>`,
    })
    .onConflictDoNothing()
    .returning({ id: mails.id });
  if (!created) return null;
  await appendEvents(
    tx,
    order.row,
    [
      skip
        ? {
            type: "mail_skipped",
            message: `メール「${category.name}」を送りませんでした: ${skip}`,
            detail: { mailId: id },
          }
        : {
            type: "mail_queued",
            message: `メール「${category.name}」を送信予約しました(${toTokyoIso(dueAt).slice(0, 16).replace("T", " ")})`,
            detail: { mailId: id },
          },
    ],
    { actor: "system:mail", now: ctx.clock.now() },
  );
  if (!skip) await ctx.jobs.enqueue(tx, "send-mail", { mailId: id }, { startAfter: dueAt, singletonKey: id });
  return id;
}

function productIdsOf(order: LoadedOrder): Set<string> {
  return new Set(order.items.flatMap((i) => i.mapping?.components.map((c) => c.productId) ?? []));
}

/**
 * Why a mail the settings ask for is not sent, kept on the mail log and the order's timeline. An account
 * whose plan lost メール自動送信 still gets the record, so the merchant sees what the plan held back.
 */
function skipReason(
  order: LoadedOrder,
  template: typeof mailTemplates.$inferSelect | null,
  toAddress: string,
  plan: PlanCode | undefined,
): string | null {
  const notInPlan = plan && featureRefusal(plan, "mail_automation");
  if (notInPlan) return notInPlan.detail;
  if (order.row.testImport) return "テスト取込の注文のため送りません";
  if (!template) return "ショップのメール設定でテンプレートが選ばれていません";
  if (!template.enabled) return `テンプレート「${template.name}」が無効です`;
  if (!toAddress.includes("@")) return "宛先のメールアドレスがありません";
  return null;
}

/** The scheduler's part: one dispatch queued while changes wait for it. */
export async function enqueueMailDispatch(ctx: AppContext): Promise<boolean> {
  return ctx.db.transaction(async (tx) => {
    const [waiting] = await tx.select({ id: mailTriggers.eventId }).from(mailTriggers).limit(1);
    if (waiting) await ctx.jobs.enqueue(tx, "mail-dispatch", {}, { singletonKey: "mail-dispatch" });
    return Boolean(waiting);
  });
}
