import { and, eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import {
  mailCategories,
  mails,
  mailTemplates,
  mailTransports,
  products,
  shopMailSettings,
  shops,
} from "#server/db/schema.ts";
import { STANDARD_MAIL_TEMPLATES } from "#server/domain/mail/standard-templates.ts";
import { checkTemplate } from "#server/domain/mail/template.ts";
import { isOrderStatus, isShippingStatus } from "#server/domain/order-status.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { AppContext } from "../context.ts";

export type CategoryInput = {
  name: string;
  enabled: boolean;
  triggerKind: "order_status" | "shipping_status" | "order_event";
  triggerStatus: string;
  delayMinutes: number;
  productId?: string | null | undefined;
  priority: number;
};

export type TemplateInput = {
  name: string;
  enabled: boolean;
  categoryId: string;
  subject: string;
  body: string;
};

/** The account's own shop; another account's or an unknown one is not found. */
export async function ownShop(db: Db, accountId: string, shopId: string): Promise<void> {
  const [shop] = await db
    .select({ id: shops.id })
    .from(shops)
    .where(and(eq(shops.id, shopId), eq(shops.accountId, accountId)));
  if (!shop) throw notFound("shop", "ショップ");
}

const invalid = (path: string, message: string) =>
  new Refusal("validation.failed", message, { errors: [{ path, message }] });

async function checkCategory(tx: Db, accountId: string, input: CategoryInput, id?: string): Promise<void> {
  if (input.triggerKind === "order_event") {
    // The feature that sends on an event makes its category; a person may rename, delay or switch it off.
    const [own] = id
      ? await tx
          .select({ kind: mailCategories.triggerKind, status: mailCategories.triggerStatus })
          .from(mailCategories)
          .where(and(eq(mailCategories.id, id), eq(mailCategories.accountId, accountId)))
      : [];
    if (own?.kind !== "order_event" || own.status !== input.triggerStatus)
      throw invalid("triggerKind", "注文の出来事で送るカテゴリーは作成・変更できません");
    return;
  }
  const valid =
    input.triggerKind === "order_status"
      ? isOrderStatus(input.triggerStatus)
      : isShippingStatus(input.triggerStatus);
  if (!valid)
    throw invalid(
      "triggerStatus",
      `${input.triggerKind === "order_status" ? "注文" : "出荷"}ステータス「${input.triggerStatus}」はありません`,
    );
  if (input.productId) {
    const [p] = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.id, input.productId), eq(products.accountId, accountId)));
    if (!p) throw invalid("productId", "このアカウントの商品ではありません");
  }
}

const uniqueName = (error: unknown) =>
  error instanceof Error &&
  /mail_categories_account_name_key/.test(`${error.message} ${String((error as { cause?: unknown }).cause)}`);

export async function saveCategory(
  ctx: AppContext,
  accountId: string,
  input: CategoryInput,
  id?: string,
): Promise<string> {
  try {
    return await ctx.db.transaction(async (tx) => {
      await checkCategory(tx, accountId, input, id);
      const values = { ...input, productId: input.productId ?? null };
      if (!id) {
        const newId = ctx.newId();
        await tx.insert(mailCategories).values({ id: newId, accountId, ...values });
        return newId;
      }
      const [row] = await tx
        .update(mailCategories)
        .set(values)
        .where(and(eq(mailCategories.id, id), eq(mailCategories.accountId, accountId)))
        .returning({ id: mailCategories.id });
      if (!row) throw notFound("mail_category", "メールカテゴリー");
      return id;
    });
  } catch (error) {
    if (uniqueName(error)) throw invalid("name", `メールカテゴリー「${input.name}」は既にあります`);
    throw error;
  }
}

/** A category that has mails behind it stays (the log names it); switch it off instead. */
export async function deleteCategory(ctx: AppContext, accountId: string, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const mine = (table: typeof mails | typeof shopMailSettings | typeof mailTemplates) =>
      and(eq(table.categoryId, id), eq(table.accountId, accountId));
    const category = and(eq(mailCategories.id, id), eq(mailCategories.accountId, accountId));
    const [found] = await tx
      .select({ id: mailCategories.id })
      .from(mailCategories)
      .where(category)
      .for("update");
    if (!found) throw notFound("mail_category", "メールカテゴリー");
    const [used] = await tx.select({ id: mails.id }).from(mails).where(mine(mails)).limit(1);
    if (used)
      throw new Refusal(
        "mail_category.in_use",
        "送信記録のあるカテゴリーは削除できません。無効にしてください。",
        { rule: "category_has_mails" },
      );
    await tx.delete(shopMailSettings).where(mine(shopMailSettings));
    await tx.delete(mailTemplates).where(mine(mailTemplates));
    await tx.delete(mailCategories).where(category);
  });
}

export async function saveTemplate(
  ctx: AppContext,
  accountId: string,
  input: TemplateInput,
  id?: string,
): Promise<string> {
  const refusal = checkTemplate(input);
  if (refusal) throw refusal;
  return ctx.db.transaction(async (tx) => {
    const [category] = await tx
      .select({ id: mailCategories.id })
      .from(mailCategories)
      .where(and(eq(mailCategories.id, input.categoryId), eq(mailCategories.accountId, accountId)));
    if (!category) throw invalid("categoryId", "このアカウントのメールカテゴリーではありません");
    if (!id) {
      const newId = ctx.newId();
      await tx.insert(mailTemplates).values({ id: newId, accountId, ...input });
      return newId;
    }
    const [row] = await tx
      .update(mailTemplates)
      .set({ ...input, updatedAt: ctx.clock.now() })
      .where(and(eq(mailTemplates.id, id), eq(mailTemplates.accountId, accountId)))
      .returning({ id: mailTemplates.id });
    if (!row) throw notFound("mail_template", "メールテンプレート");
    return id;
  });
}

/** 標準テンプレートからコピー: the category it belongs to (made when the account has none of that name) and the template. */
export async function copyStandardTemplate(
  ctx: AppContext,
  accountId: string,
  key: string,
): Promise<{ categoryId: string; templateId: string }> {
  const standard = STANDARD_MAIL_TEMPLATES.find((t) => t.key === key);
  if (!standard) throw notFound("mail_template", "標準テンプレート");
  const [existing] = await ctx.db
    .select({ id: mailCategories.id })
    .from(mailCategories)
    .where(and(eq(mailCategories.accountId, accountId), eq(mailCategories.name, standard.name)));
  const categoryId =
    existing?.id ??
    (await saveCategory(ctx, accountId, {
      name: standard.name,
      enabled: true,
      triggerKind: standard.trigger.kind,
      triggerStatus: standard.trigger.status,
      delayMinutes: standard.trigger.delayMinutes,
      priority: 0,
    }));
  const templateId = await saveTemplate(ctx, accountId, {
    name: standard.name,
    enabled: true,
    categoryId,
    subject: standard.subject,
    body: standard.body,
  });
  return { categoryId, templateId };
}

export type ShopMailSetting = { categoryId: string; enabled: boolean; templateId: string | null };

/** ショップごとのメール設定: each category on or off, and the template it sends. */
export async function saveShopMailSettings(
  ctx: AppContext,
  accountId: string,
  shopId: string,
  items: readonly ShopMailSetting[],
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await ownShop(tx, accountId, shopId);
    const errors: { path: string; message: string }[] = [];
    for (const [i, item] of items.entries()) {
      const [category] = await tx
        .select({ id: mailCategories.id })
        .from(mailCategories)
        .where(and(eq(mailCategories.id, item.categoryId), eq(mailCategories.accountId, accountId)));
      if (!category)
        errors.push({
          path: `items.${i}.categoryId`,
          message: "このアカウントのメールカテゴリーではありません",
        });
      if (item.templateId) {
        const [template] = await tx
          .select({ categoryId: mailTemplates.categoryId })
          .from(mailTemplates)
          .where(and(eq(mailTemplates.id, item.templateId), eq(mailTemplates.accountId, accountId)));
        if (template?.categoryId !== item.categoryId)
          errors.push({
            path: `items.${i}.templateId`,
            message: "このカテゴリーのテンプレートを選んでください",
          });
      } else if (item.enabled)
        errors.push({ path: `items.${i}.templateId`, message: "送信するにはテンプレートを選んでください" });
    }
    if (errors.length > 0) throw new Refusal("validation.failed", "メール設定に誤りがあります。", { errors });
    for (const item of items) {
      await tx
        .insert(shopMailSettings)
        .values({ shopId, accountId, ...item })
        .onConflictDoUpdate({
          target: [shopMailSettings.shopId, shopMailSettings.categoryId],
          set: { enabled: item.enabled, templateId: item.templateId },
        });
    }
  });
}

export type TransportInput = {
  host: string;
  port: number;
  secure: boolean;
  username?: string | undefined;
  password?: string | undefined;
  fromAddress: string;
  fromName: string;
};

/** SMTP of the account (shopId null) or of one shop; the password is sealed, and kept when not given again. */
export async function saveMailTransport(
  ctx: AppContext,
  accountId: string,
  shopId: string | null,
  input: TransportInput,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (shopId) await ownShop(tx, accountId, shopId);
    const rows = await tx.select().from(mailTransports).where(eq(mailTransports.accountId, accountId));
    const current = rows.find((r) => r.shopId === shopId);
    const { password, ...rest } = input;
    const values = {
      ...rest,
      username: input.username ?? null,
      password: password ? ctx.secrets.seal({ password }) : (current?.password ?? null),
      updatedAt: ctx.clock.now(),
    };
    if (current) await tx.update(mailTransports).set(values).where(eq(mailTransports.id, current.id));
    else await tx.insert(mailTransports).values({ id: ctx.newId(), accountId, shopId, ...values });
  });
}

export async function deleteMailTransport(
  ctx: AppContext,
  accountId: string,
  shopId: string | null,
): Promise<void> {
  const rows = await ctx.db.select().from(mailTransports).where(eq(mailTransports.accountId, accountId));
  const current = rows.find((r) => r.shopId === shopId);
  if (!current) throw notFound("mail_transport", "SMTP設定");
  await ctx.db.delete(mailTransports).where(eq(mailTransports.id, current.id));
}
