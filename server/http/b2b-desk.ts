import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { inviteBuyer, listBuyers, setBuyerDisabled } from "#server/app/b2b/buyers.ts";
import { readSettings, updateSettings } from "#server/app/b2b/desk.ts";
import { placeB2bOrder } from "#server/app/b2b/place-order.ts";
import { listPrices, putPrices } from "#server/app/b2b/prices.ts";
import type { AppContext } from "#server/app/context.ts";
import { uuid } from "#server/domain/fields.ts";
import { USER_STATUS_LABELS } from "#server/domain/users.ts";
import type { JuchuApi } from "./app.ts";
import { iso, placeOrderSchema, priceItemSchema } from "./b2b-schemas.ts";
import { errorResponses, json, jsonBody, requires } from "./openapi.ts";
import { email } from "./session-view.ts";

const companyId = z.object({ id: uuid("取引先IDはUUIDです") });
const read = requires("b2b:read", "b2b_desk");
const write = requires("b2b:write", "b2b_desk");

const buyerSchema = z
  .object({
    id: uuid(),
    companyId: uuid(),
    email: z.string(),
    name: z.string(),
    status: z.enum(["active", "invited", "disabled"]),
    statusLabel: z.string(),
    lastLoginAt: z.string().nullable(),
  })
  .openapi("BuyerUser");
type BuyerRow = Awaited<ReturnType<typeof listBuyers>>[number];
const presentBuyer = (b: BuyerRow): z.infer<typeof buyerSchema> => ({
  id: b.id,
  companyId: b.companyId,
  email: b.email,
  name: b.name,
  status: b.status,
  statusLabel: USER_STATUS_LABELS[b.status],
  lastLoginAt: iso(b.lastLoginAt),
});

const settingsSchema = z
  .object({
    shopId: uuid().nullable().describe("BtoBの注文が入るショップ(最初の設定か取引先の登録で作られます)"),
    allowCancelRequests: z.boolean().describe("注文キャンセルの受付を許可"),
    showStock: z.boolean().describe("発注フォームに在庫数を表示"),
    invoiceRegistrationNumber: z.string().nullable().describe("適格請求書発行事業者登録番号(T+13桁)"),
  })
  .openapi("B2bSettings");

const priceSchema = priceItemSchema.extend({ sku: z.string(), name: z.string() }).openapi("BuyerPrice");

/** 発注者, 価格表, BtoBの設定 and メール発注. */
export function registerB2bDeskRoutes(app: JuchuApi, ctx: AppContext, publicUrl: string | undefined): void {
  const linkBase = (c: Context) => publicUrl ?? new URL(c.req.url).origin;

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/b2b/companies/{id}/buyers",
      summary: "取引先の発注者",
      ...read,
      request: { params: companyId },
      responses: { 200: json(z.object({ items: z.array(buyerSchema) }), "発注者"), ...errorResponses },
    }),
    async (c) => {
      const rows = await listBuyers(ctx.db, c.get("auth").accountId, c.req.valid("param").id);
      return c.json({ items: rows.map(presentBuyer) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/b2b/companies/{id}/buyers",
      summary: "発注者の招待(7日間有効のリンクで発注者がパスワードを設定します)",
      ...write,
      request: {
        params: companyId,
        ...jsonBody(z.object({ email, name: z.string().trim().min(1, "名前を入力してください").max(100) })),
      },
      responses: {
        201: json(
          z.object({
            buyer: buyerSchema,
            invitation: z.object({
              url: z.string(),
              expiresAt: z.string(),
              mailed: z.boolean().describe("false: 画面に出るリンクを発注者に渡してください"),
            }),
          }),
          "招待した発注者",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const auth = c.get("auth");
      const made = await inviteBuyer(
        ctx,
        auth.actor,
        auth.accountId,
        c.req.valid("param").id,
        c.req.valid("json"),
        linkBase(c),
      );
      return c.json(
        {
          buyer: presentBuyer(made.buyer),
          invitation: { ...made.invitation, expiresAt: iso(made.invitation.expiresAt) ?? "" },
        },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/b2b/companies/{id}/buyers/{buyerId}",
      summary: "発注者の無効化・有効化",
      ...write,
      request: {
        params: companyId.extend({ buyerId: uuid("発注者IDはUUIDです") }),
        ...jsonBody(z.object({ disabled: z.boolean("disabled は true か false です") })),
      },
      responses: { 200: json(buyerSchema, "変更後の発注者"), ...errorResponses },
    }),
    async (c) => {
      const { id, buyerId } = c.req.valid("param");
      const row = await setBuyerDisabled(
        ctx,
        c.get("auth").accountId,
        id,
        buyerId,
        c.req.valid("json").disabled,
      );
      return c.json(presentBuyer(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/b2b/prices",
      summary: "BtoB価格表(取引先ごと、またはランクごと)",
      ...read,
      request: {
        query: z.object({
          companyId: uuid("取引先IDはUUIDです").optional(),
          rank: z.string().trim().min(1).max(30).optional(),
        }),
      },
      responses: { 200: json(z.object({ items: z.array(priceSchema) }), "価格"), ...errorResponses },
    }),
    async (c) => {
      const rows = await listPrices(ctx.db, c.get("auth").accountId, c.req.valid("query"));
      return c.json({ items: rows }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/b2b/prices",
      summary: "BtoB価格の一括登録(商品×取引先 または 商品×ランク ごとに置き換え)",
      ...write,
      request: jsonBody(
        z.object({ items: z.array(priceItemSchema).min(1).max(1000, "一度に1000件までです") }),
      ),
      responses: { 204: { description: "登録しました" }, ...errorResponses },
    }),
    async (c) => {
      await putPrices(ctx, c.get("auth").accountId, c.req.valid("json").items);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/b2b/settings",
      summary: "BtoBの設定",
      ...read,
      responses: { 200: json(settingsSchema, "設定"), ...errorResponses },
    }),
    async (c) => c.json(await readSettings(ctx.db, c.get("auth").accountId), 200),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/b2b/settings",
      summary: "BtoBの設定の変更(最初の変更でBtoBのショップもできます)",
      ...write,
      request: jsonBody(
        z.object({
          allowCancelRequests: z.boolean().optional(),
          showStock: z.boolean().optional(),
          invoiceRegistrationNumber: z.string().trim().max(14).nullable().optional(),
        }),
      ),
      responses: { 200: json(settingsSchema, "変更後の設定"), ...errorResponses },
    }),
    async (c) => c.json(await updateSettings(ctx, c.get("auth").accountId, c.req.valid("json")), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/b2b/mail-orders",
      summary: "メール発注(取引先に代わって注文を入力。発注フォームと同じ確認)",
      ...write,
      request: jsonBody(placeOrderSchema.extend({ companyId: uuid("取引先IDはUUIDです") })),
      responses: { 201: json(z.object({ orderId: uuid() }), "登録した注文"), ...errorResponses },
    }),
    async (c) => {
      const auth = c.get("auth");
      const { companyId: company, ...input } = c.req.valid("json");
      const orderId = await placeB2bOrder(ctx, auth.actor, auth.accountId, company, { via: "mail" }, input);
      return c.json({ orderId }, 201);
    },
  );
}
