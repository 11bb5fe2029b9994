import { eq, sql } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { accounts, b2bSettings, shops } from "#server/db/schema.ts";
import { REGISTRATION_NUMBER } from "#server/domain/b2b/invoice.ts";
import { Refusal } from "#server/domain/refusal.ts";
import { defaultShopSettings } from "#server/domain/shop-settings.ts";
import type { AppContext } from "../context.ts";

export type B2bSettings = typeof b2bSettings.$inferSelect;

/** The channel code of the desk's shop: server/channels/b2b registers it. */
export const B2B_CHANNEL = "b2b";

/**
 * The merchant's BtoB desk, made the first time they set B2B up (the settings or their first 取引先):
 * one shop of channel b2b, named after the account, where every buyer order is registered — so its
 * stock, warehouse, mails and tags are those of any shop, set on the shop screen.
 */
export async function ensureDesk(tx: Db, ctx: Pick<AppContext, "clock" | "newId">, accountId: string) {
  // Two first set-ups at once would make two shops: the account row serialises them.
  await tx.execute(sql`select 1 from ${accounts} where ${accounts.id} = ${accountId} for update`);
  const [found] = await tx.select().from(b2bSettings).where(eq(b2bSettings.accountId, accountId));
  if (found) return found;
  const [account] = await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, accountId));
  if (!account) throw new Error(`account ${accountId} vanished`);
  const now = ctx.clock.now();
  const shopId = ctx.newId();
  await tx.insert(shops).values({
    id: shopId,
    accountId,
    channel: B2B_CHANNEL,
    name: `${account.name} BtoB`,
    // The desk is Juchu's own, with no mall set-up to check first: a cancelled B2B order frees its stock.
    settings: {
      ...defaultShopSettings({ gracePeriodMinutes: 0, takesCancels: false }),
      returnStockOnCancel: true,
    },
    createdAt: now,
    updatedAt: now,
  });
  const [row] = await tx.insert(b2bSettings).values({ accountId, shopId, updatedAt: now }).returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

/** The desk's settings; before the first set-up, what it would start with. */
export async function readSettings(db: Db, accountId: string) {
  const [row] = await db.select().from(b2bSettings).where(eq(b2bSettings.accountId, accountId));
  return {
    shopId: row?.shopId ?? null,
    allowCancelRequests: row?.allowCancelRequests ?? false,
    showStock: row?.showStock ?? false,
    invoiceRegistrationNumber: row?.invoiceRegistrationNumber ?? null,
  };
}

export type SettingsChange = {
  allowCancelRequests?: boolean | undefined;
  showStock?: boolean | undefined;
  invoiceRegistrationNumber?: string | null | undefined;
};

export async function updateSettings(ctx: AppContext, accountId: string, change: SettingsChange) {
  const number = change.invoiceRegistrationNumber;
  if (number && !REGISTRATION_NUMBER.test(number)) {
    throw new Refusal("validation.failed", "登録番号は T と13桁の数字です。", {
      errors: [{ path: "invoiceRegistrationNumber", message: "T と13桁の数字で入力してください" }],
    });
  }
  await ctx.db.transaction(async (tx) => {
    await ensureDesk(tx, ctx, accountId);
    await tx
      .update(b2bSettings)
      .set({
        ...(change.allowCancelRequests === undefined
          ? {}
          : { allowCancelRequests: change.allowCancelRequests }),
        ...(change.showStock === undefined ? {} : { showStock: change.showStock }),
        ...(number === undefined ? {} : { invoiceRegistrationNumber: number }),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(b2bSettings.accountId, accountId));
  });
  return readSettings(ctx.db, accountId);
}
