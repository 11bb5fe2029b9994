import { and, eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { shops, warehouses } from "#server/db/schema.ts";
import { inquiryLinkageOf } from "#server/domain/inquiry-linkage.ts";
import { checkCredentials } from "#server/domain/mall-credentials.ts";
import { shopLimitRefusal } from "#server/domain/plans.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { type StoredChecklist, syncGateRefusal } from "#server/domain/setup-checklist.ts";
import {
  checkSyncStart,
  defaultShopSettings,
  type ShopSettings,
  shopSettingsSchema,
} from "#server/domain/shop-settings.ts";
import type { SealedSecret } from "#server/ports/secret-box.ts";
import { planOf, shopsOf } from "../account/account-plan.ts";
import type { AppContext } from "../context.ts";

export type ShopRow = typeof shops.$inferSelect;

/** Settings the caller sent over the defaults (or the current ones), checked as a whole. */
async function settle(
  tx: Db,
  accountId: string,
  before: ShopSettings | null,
  base: ShopSettings,
  patch: Partial<ShopSettings> | undefined,
  now: Date,
  checklist: StoredChecklist,
): Promise<ShopSettings> {
  // The linkage's fields patch one by one: switching it off keeps the merchant's template and phrases.
  const linkage = patch?.inquiryLinkage
    ? { inquiryLinkage: { ...inquiryLinkageOf(base), ...patch.inquiryLinkage } }
    : {};
  const merged = shopSettingsSchema.safeParse({ ...base, ...patch, ...linkage });
  if (!merged.success) {
    const errors = merged.error.issues.map((i) => ({
      path: ["settings", ...i.path].join("."),
      message: i.message,
    }));
    throw new Refusal("validation.failed", errors.map((e) => `${e.path}: ${e.message}`).join(" / "), {
      errors,
    });
  }
  const syncProblem = checkSyncStart(before, merged.data, now);
  if (syncProblem) throw new Refusal("validation.failed", syncProblem.message, { errors: [syncProblem] });
  const setupOpen = syncGateRefusal(before, merged.data, checklist);
  if (setupOpen) throw setupOpen;
  if (merged.data.warehouseId) {
    const [w] = await tx
      .select({ id: warehouses.id })
      .from(warehouses)
      .where(and(eq(warehouses.id, merged.data.warehouseId), eq(warehouses.accountId, accountId)));
    if (!w) {
      throw new Refusal("validation.failed", "指定した倉庫がありません。", {
        errors: [{ path: "settings.warehouseId", message: "このアカウントの倉庫ではありません" }],
      });
    }
  }
  return merged.data;
}

/** Checked, then sealed: the database never holds a mall secret in the clear. */
function sealCredentials(
  ctx: AppContext,
  channel: string,
  input: Record<string, string> | undefined,
  now: Date,
): { credentials?: SealedSecret; credentialsExpireAt?: Date | null } {
  if (!input) return {};
  const checked = checkCredentials(ctx.channels.get(channel)?.credentials ?? [], input, now);
  if (checked instanceof Refusal) throw checked;
  return { credentials: ctx.secrets.seal(checked.values), credentialsExpireAt: checked.expiresAt };
}

export async function createShop(
  ctx: AppContext,
  accountId: string,
  input: {
    channel: string;
    name: string;
    settings?: Partial<ShopSettings>;
    credentials?: Record<string, string>;
  },
): Promise<ShopRow> {
  return ctx.db.transaction(async (tx) => {
    const plan = await planOf(tx, accountId, true);
    const overLimit = shopLimitRefusal(plan, await shopsOf(tx, accountId));
    if (overLimit) throw overLimit;
    const now = ctx.clock.now();
    const settings = await settle(
      tx,
      accountId,
      null,
      defaultShopSettings(channelDefaults(ctx, input.channel)),
      input.settings,
      now,
      {},
    );
    const [row] = await tx
      .insert(shops)
      .values({
        id: ctx.newId(),
        accountId,
        channel: input.channel,
        name: input.name,
        settings,
        ...sealCredentials(ctx, input.channel, input.credentials, now),
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    return row;
  });
}

export async function updateShop(
  ctx: AppContext,
  accountId: string,
  shopId: string,
  input: {
    name?: string | undefined;
    settings?: Partial<ShopSettings> | undefined;
    credentials?: Record<string, string> | undefined;
  },
): Promise<ShopRow> {
  return ctx.db.transaction(async (tx) => {
    const [shop] = await tx
      .select()
      .from(shops)
      .where(and(eq(shops.id, shopId), eq(shops.accountId, accountId)))
      .for("update");
    if (!shop) throw notFound("shop", "ショップ");
    const now = ctx.clock.now();
    const current = shop.settings as ShopSettings;
    const settings = await settle(
      tx,
      accountId,
      current,
      current,
      input.settings,
      now,
      shop.setupChecklist as StoredChecklist,
    );
    const [row] = await tx
      .update(shops)
      .set({
        name: input.name ?? shop.name,
        settings,
        ...sealCredentials(ctx, shop.channel, input.credentials, now),
        updatedAt: now,
      })
      .where(eq(shops.id, shopId))
      .returning();
    if (!row) throw new Error("update returned nothing");
    return row;
  });
}

function channelDefaults(ctx: AppContext, code: string) {
  const channel = ctx.channels.get(code);
  if (!channel) {
    throw new Refusal("validation.failed", "登録されていないチャネルです。", {
      errors: [{ path: "channel", message: `${code} は登録されていないチャネルです` }],
    });
  }
  return {
    gracePeriodMinutes: channel.defaults.gracePeriodMinutes,
    takesCancels: channel.capabilities.cancel,
  };
}
