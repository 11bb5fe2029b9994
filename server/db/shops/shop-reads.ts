import { and, eq } from "drizzle-orm";
import type { Db } from "#server/db/database.ts";
import { shops, tags } from "#server/db/schema.ts";
import type { ShopSettings } from "#server/domain/shop-settings.ts";
import type { SystemTagCode } from "#server/domain/system-tags.ts";

export async function shopSettings(tx: Db, shopId: string): Promise<ShopSettings> {
  const [shop] = await tx.select({ settings: shops.settings }).from(shops).where(eq(shops.id, shopId));
  if (!shop) throw new Error(`shop ${shopId} vanished`);
  return shop.settings as ShopSettings;
}

export async function systemTag(tx: Db, accountId: string, code: SystemTagCode) {
  const [tag] = await tx
    .select()
    .from(tags)
    .where(and(eq(tags.accountId, accountId), eq(tags.systemCode, code)));
  if (!tag) throw new Error(`account ${accountId} has no system tag ${code}`);
  return { tagId: tag.id, name: tag.name, hold: tag.hold, systemCode: tag.systemCode };
}
