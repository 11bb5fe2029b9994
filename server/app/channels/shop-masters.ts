import { and, eq, sql } from "drizzle-orm";
import { orders, shops } from "#server/db/schema.ts";
import {
  checkMasterRows,
  type MasterKind,
  type MasterRow,
  shopMastersOf,
} from "#server/domain/mall-masters.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import { UNKNOWN_VALUE_KINDS } from "#server/domain/unknown-mall-values.ts";
import type { AppContext } from "../context.ts";

/** One master of a shop as the マスタ管理 screen shows it: both vocabularies, and the shop's rows. */
export type ShopMasterView = {
  kind: string;
  label: string;
  everyCode: boolean;
  codes: { code: string; label: string }[];
  mallCodes: { code: string; label: string }[];
  mallCodeHint: string;
  rows: (MasterRow & { label: string; mallLabel: string | null })[];
  /** The shop has its own rows (false: the channel's defaults). */
  edited: boolean;
};

async function shopOf(ctx: AppContext, accountId: string, shopId: string) {
  const [shop] = await ctx.db
    .select()
    .from(shops)
    .where(and(eq(shops.id, shopId), eq(shops.accountId, accountId)));
  if (!shop) throw notFound("shop", "ショップ");
  return shop;
}

function view(kind: MasterKind, rows: readonly MasterRow[], edited: boolean): ShopMasterView {
  const labelled = (list: Readonly<Record<string, string>>) =>
    Object.entries(list).map(([code, label]) => ({ code, label }));
  return {
    kind: kind.kind,
    label: kind.label,
    everyCode: kind.everyCode,
    codes: labelled(kind.codes),
    mallCodes: labelled(kind.mallCode.labels),
    mallCodeHint: kind.mallCode.hint,
    rows: rows.map((r) => ({
      ...r,
      label: kind.codes[r.code] ?? r.code,
      mallLabel: kind.mallCode.labels[r.mallCode] ?? null,
    })),
    edited,
  };
}

/** マスタ管理: every master the shop's channel has, with the shop's rows. */
export async function shopMasters(ctx: AppContext, accountId: string, shopId: string) {
  const shop = await shopOf(ctx, accountId, shopId);
  const kinds = ctx.channels.get(shop.channel)?.masters ?? [];
  const resolved = shopMastersOf(kinds, shop.masters);
  const own = shop.masters as Record<string, unknown>;
  return kinds.map((k) => view(k, resolved[k.kind] ?? [], k.kind in own));
}

/**
 * The shop's rows for one master, replacing what it had; checked as a whole (domain/mall-masters.ts).
 * The next import reads orders with them, and a re-read order whose value is now mapped loses 未登録のモール値.
 */
export async function saveShopMaster(
  ctx: AppContext,
  accountId: string,
  shopId: string,
  kind: string,
  rows: readonly MasterRow[],
): Promise<ShopMasterView> {
  return ctx.db.transaction(async (tx) => {
    const [shop] = await tx
      .select()
      .from(shops)
      .where(and(eq(shops.id, shopId), eq(shops.accountId, accountId)))
      .for("update");
    if (!shop) throw notFound("shop", "ショップ");
    const master = ctx.channels.get(shop.channel)?.masters?.find((m) => m.kind === kind);
    if (!master)
      throw new Refusal("master.not_found", `このショップのチャネルに「${kind}」のマスタはありません。`);
    const checked = checkMasterRows(master, rows);
    if (checked instanceof Refusal) throw checked;
    await tx
      .update(shops)
      .set({ masters: { ...(shop.masters as object), [kind]: checked }, updatedAt: ctx.clock.now() })
      .where(eq(shops.id, shop.id));
    return view(master, checked, true);
  });
}

export type UnknownValueRow = {
  kind: string;
  kindLabel: string;
  mallCode: string;
  label: string;
  firstSeenAt: Date;
  orderCount: number;
  /** Whether the shop's channel has a master the merchant maps this kind in. */
  hasMaster: boolean;
};

/**
 * 未登録の値: what the shop's orders, as last read, carry that Juchu could not place — one row per kind
 * and mall code, first seen when the first such order came in, with the orders still carrying it.
 */
export async function shopUnknownValues(
  ctx: AppContext,
  accountId: string,
  shopId: string,
): Promise<UnknownValueRow[]> {
  const shop = await shopOf(ctx, accountId, shopId);
  const masters = ctx.channels.get(shop.channel)?.masters ?? [];
  const value = sql`jsonb_array_elements(${orders.unknownMallValues})`;
  const result = await ctx.db.execute(sql`
    select v->>'kind' as kind, v->>'mallCode' as mall_code, max(v->>'label') as label,
      min(${orders.createdAt}) as first_seen, count(*) as order_count
    from ${orders} cross join lateral ${value} as v
    where ${orders.shopId} = ${shop.id} and ${orders.accountId} = ${accountId} and ${orders.deletedAt} is null
    group by 1, 2
    order by first_seen, kind, mall_code`);
  type Row = {
    kind: string;
    mall_code: string;
    label: string;
    first_seen: string | Date;
    order_count: number | string;
  };
  return (result as unknown as { rows: Row[] }).rows.map((r) => ({
    kind: r.kind,
    kindLabel: UNKNOWN_VALUE_KINDS[r.kind]?.label ?? r.kind,
    mallCode: r.mall_code,
    label: r.label,
    firstSeenAt: new Date(r.first_seen),
    orderCount: Number(r.order_count),
    hasMaster: masters.some((m) => m.kind === r.kind),
  }));
}
