import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import type { LoadedOrder } from "#server/db/orders/order-queries.ts";
import {
  b2bOrders,
  buyerCompanies,
  buyerCompanyMailDestinations,
  mailCategories,
  mailTemplates,
  shopMailSettings,
  shops,
  users,
} from "#server/db/schema.ts";
import { B2B_MAILS, type B2bMailKey } from "#server/domain/b2b/mails.ts";
import { renderMail } from "#server/domain/mail/template.ts";
import type { AppContext } from "../context.ts";
import { queueMail } from "../mail/dispatch-mails.ts";
import { mailFactsOf } from "../mail/mail-facts.ts";

export type B2bMailFacts = { cancelReason?: string | null; refusalReason?: string | null };

/**
 * One of the desk's four mails about this order, queued in the caller's transaction through the mail
 * log (once per order and mail, whatever calls it twice). Its category and template are made the
 * first time; after that they are the merchant's: a category or shop setting switched off sends
 * nothing. The text is rendered now, since 会社名 and the reasons are the desk's facts.
 */
export async function queueB2bMail(
  tx: Db,
  ctx: AppContext,
  order: LoadedOrder,
  key: B2bMailKey,
  facts: B2bMailFacts = {},
): Promise<void> {
  const setup = await mailSetup(tx, ctx, order, key);
  if (!setup) return;
  const [company] = await tx
    .select({ id: buyerCompanies.id, name: buyerCompanies.name })
    .from(b2bOrders)
    .innerJoin(buyerCompanies, eq(buyerCompanies.id, b2bOrders.companyId))
    .where(eq(b2bOrders.orderId, order.row.id));
  const [shop] = await tx.select({ name: shops.name }).from(shops).where(eq(shops.id, order.row.shopId));
  if (!company || !shop) return;
  const rendered = renderMail(setup.template, {
    ...mailFactsOf(order, shop.name, null),
    companyName: company.name,
    cancelReason: facts.cancelReason ?? null,
    refusalReason: facts.refusalReason ?? "(理由の入力はありません)",
  });
  const to =
    B2B_MAILS[key].to === "buyer"
      ? await destinationsOf(tx, company.id)
      : await merchantAddresses(tx, order.row.accountId);
  await queueMail(tx, ctx, order, {
    category: setup.category,
    template: setup.template,
    dueAt: ctx.clock.now(),
    shipmentKey: "",
    toAddress: to.join(", "),
    rendered,
  });
}

/** Every mail destination of the company: the seed's 事業者に登録されているメールアドレス. */
async function destinationsOf(tx: Db, companyId: string): Promise<string[]> {
  const rows = await tx
    .select({ email: buyerCompanyMailDestinations.email })
    .from(buyerCompanyMailDestinations)
    .where(eq(buyerCompanyMailDestinations.companyId, companyId))
    .orderBy(asc(buyerCompanyMailDestinations.createdAt));
  return rows.map((r) => r.email);
}

/** The merchant's side: the account's owners, the people a 事業者's mail is for. */
async function merchantAddresses(tx: Db, accountId: string): Promise<string[]> {
  const rows = await tx
    .select({ email: users.email })
    .from(users)
    .where(
      and(
        eq(users.accountId, accountId),
        eq(users.role, "owner"),
        isNull(users.disabledAt),
        isNull(users.removedAt),
      ),
    )
    .orderBy(asc(users.createdAt));
  return rows.map((r) => r.email);
}

/** The category, its template and the shop's setting, made enabled the first time; null when switched off. */
async function mailSetup(tx: Db, ctx: AppContext, order: LoadedOrder, key: B2bMailKey) {
  const mail = B2B_MAILS[key];
  const accountId = order.row.accountId;
  const now = ctx.clock.now();
  const find = () =>
    tx
      .select()
      .from(mailCategories)
      .where(
        and(
          eq(mailCategories.accountId, accountId),
          eq(mailCategories.triggerKind, "order_event"),
          eq(mailCategories.triggerStatus, mail.event),
        ),
      )
      .orderBy(asc(mailCategories.createdAt))
      .limit(1);
  let [category] = await find();
  if (!category) {
    // Two first mails at once: the name's unique key lets one insert, both read it back.
    await tx
      .insert(mailCategories)
      .values({
        id: ctx.newId(),
        accountId,
        name: mail.name,
        enabled: true,
        triggerKind: "order_event",
        triggerStatus: mail.event,
        createdAt: now,
      })
      .onConflictDoNothing();
    [category] = await find();
  }
  if (!category?.enabled) return null;
  const [setting] = await tx
    .select({ enabled: shopMailSettings.enabled, template: mailTemplates })
    .from(shopMailSettings)
    .leftJoin(mailTemplates, eq(mailTemplates.id, shopMailSettings.templateId))
    .where(and(eq(shopMailSettings.shopId, order.row.shopId), eq(shopMailSettings.categoryId, category.id)));
  if (setting) return setting.enabled && setting.template ? { category, template: setting.template } : null;
  const [template] = await tx
    .insert(mailTemplates)
    .values({
      id: ctx.newId(),
      accountId,
      categoryId: category.id,
      name: mail.name,
      enabled: true,
      subject: mail.subject,
      body: mail.body,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!template) throw new Error("insert returned nothing");
  await tx
    .insert(shopMailSettings)
    .values({
      shopId: order.row.shopId,
      categoryId: category.id,
      accountId,
      enabled: true,
      templateId: template.id,
    })
    .onConflictDoNothing();
  return { category, template };
}
