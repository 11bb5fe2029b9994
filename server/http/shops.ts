import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, eq } from "drizzle-orm";
import { createShop, type ShopRow, updateShop } from "#server/app/channels/shops.ts";
import type { AppContext } from "#server/app/context.ts";
import { shops } from "#server/db/schema.ts";
import { uuid } from "#server/domain/fields.ts";
import { inquiryLinkageOf } from "#server/domain/inquiry-linkage.ts";
import { credentialWarning } from "#server/domain/mall-credentials.ts";
import { notFound } from "#server/domain/refusal.ts";
import { shipFromOf } from "#server/domain/ship-from.ts";
import { type ShopSettings, shopSettingsSchema } from "#server/domain/shop-settings.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { ChannelRegistry } from "#server/ports/channel.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

export const shopSchema = z
  .object({
    id: uuid(),
    channel: z.string().describe("チャネルのコード(/api/vocabulary の channels)"),
    channelLabel: z.string(),
    name: z.string(),
    settings: shopSettingsSchema,
    hasCredentials: z.boolean(),
    credentialsExpireAt: z.string().nullable().describe("認証情報の有効期限(期限のあるチャネルのみ)"),
    credentialWarning: z
      .object({ level: z.enum(["expired", "expiring"]), daysLeft: z.int(), message: z.string() })
      .nullable()
      .describe("有効期限の14日前から出る警告"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Shop");

const credentialsSchema = z
  .record(z.string().max(100), z.string().max(2000))
  .optional()
  .describe(
    "書き込み専用。キーはチャネルごとに /api/vocabulary の channels[].credentials。保存時に暗号化され、応答には含まれない",
  );
const nameSchema = z
  .string()
  .trim()
  .min(1, "ショップ名を入力してください")
  .max(100, "ショップ名は100文字以内です");

function presentShop(channels: ChannelRegistry, row: ShopRow, now: Date): z.infer<typeof shopSchema> {
  const channel = channels.get(row.channel);
  return {
    id: row.id,
    channel: row.channel,
    // A shop of a channel no longer registered still lists, under its code.
    channelLabel: channel?.label ?? row.channel,
    name: row.name,
    // A shop saved before the inquiry linkage or 送付元住所 existed shows their defaults.
    settings: {
      ...(row.settings as ShopSettings),
      inquiryLinkage: inquiryLinkageOf(row.settings),
      shipFrom: shipFromOf(row.settings),
    },
    hasCredentials: row.credentials !== null,
    credentialsExpireAt: row.credentialsExpireAt ? toTokyoIso(row.credentialsExpireAt) : null,
    credentialWarning: credentialWarning(row.credentialsExpireAt, now, channel?.credentialExpiry),
    createdAt: toTokyoIso(row.createdAt),
    updatedAt: toTokyoIso(row.updatedAt),
  };
}

/** The account's shops, oldest first: the list route and the session's reference data. */
export async function listShops(ctx: AppContext, accountId: string): Promise<z.infer<typeof shopSchema>[]> {
  const rows = await ctx.db
    .select()
    .from(shops)
    .where(eq(shops.accountId, accountId))
    .orderBy(asc(shops.createdAt));
  const now = ctx.clock.now();
  return rows.map((r) => presentShop(ctx.channels, r, now));
}

const shopId = z.object({ id: uuid("ショップIDはUUIDです") });

export function registerShopRoutes(app: JuchuApi, ctx: AppContext): void {
  const codes = ctx.channels.list.map((c) => c.code) as [string, ...string[]];
  const present = (row: ShopRow, now: Date) => presentShop(ctx.channels, row, now);
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/shops",
      summary: "ショップ一覧",
      ...requires("shops:read"),
      responses: { 200: json(z.object({ items: z.array(shopSchema) }), "ショップ"), ...errorResponses },
    }),
    async (c) => c.json({ items: await listShops(ctx, c.get("auth").accountId) }, 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/shops",
      summary: "ショップ登録",
      ...requires("shops:write"),
      request: {
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z.object({
                channel: z.enum(codes, `channelは ${codes.join(", ")} のいずれかです`),
                name: nameSchema,
                settings: z.record(z.string(), z.unknown()).optional(),
                credentials: credentialsSchema,
              }),
            },
          },
        },
      },
      responses: { 201: json(shopSchema, "登録したショップ"), ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const row = await createShop(ctx, c.get("auth").accountId, {
        channel: body.channel,
        name: body.name,
        settings: body.settings as Partial<ShopSettings> | undefined,
        ...(body.credentials ? { credentials: body.credentials } : {}),
      });
      return c.json(present(row, ctx.clock.now()), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/shops/{id}",
      summary: "ショップ詳細",
      ...requires("shops:read"),
      request: { params: shopId },
      responses: { 200: json(shopSchema, "ショップ"), ...errorResponses },
    }),
    async (c) => {
      const [row] = await ctx.db
        .select()
        .from(shops)
        .where(and(eq(shops.id, c.req.valid("param").id), eq(shops.accountId, c.get("auth").accountId)));
      if (!row) throw notFound("shop", "ショップ");
      return c.json(present(row, ctx.clock.now()), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/shops/{id}",
      summary: "ショップ設定の変更",
      ...requires("shops:write"),
      request: {
        params: shopId,
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z.object({
                name: nameSchema.optional(),
                settings: z.record(z.string(), z.unknown()).optional(),
                credentials: credentialsSchema,
              }),
            },
          },
        },
      },
      responses: { 200: json(shopSchema, "変更後のショップ"), ...errorResponses },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const row = await updateShop(ctx, c.get("auth").accountId, c.req.valid("param").id, {
        name: body.name,
        settings: body.settings as Partial<ShopSettings> | undefined,
        credentials: body.credentials,
      });
      return c.json(present(row, ctx.clock.now()), 200);
    },
  );
}
