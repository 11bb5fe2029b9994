import { createRoute, z } from "@hono/zod-openapi";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { AppContext } from "#server/app/context.ts";
import { resendMail } from "#server/app/mail/mail-log.ts";
import {
  deleteMailTransport,
  ownShop,
  saveMailTransport,
  saveShopMailSettings,
} from "#server/app/mail/mail-settings.ts";
import { mailCategories, mails, mailTransports, orders, shopMailSettings, shops } from "#server/db/schema.ts";
import { uuid } from "#server/domain/fields.ts";
import { MAIL_STATUS_LABELS, MAIL_STATUSES, type MailStatus } from "#server/domain/mail/mail-status.ts";
import { notFound } from "#server/domain/refusal.ts";
import { toTokyoIso } from "#server/domain/tokyo-time.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

const mailSchema = z
  .object({
    id: uuid(),
    orderId: uuid(),
    mallOrderNumber: z.string(),
    shopId: uuid(),
    categoryId: uuid(),
    categoryName: z.string(),
    shipmentId: uuid().nullable(),
    status: z.enum(MAIL_STATUSES),
    statusLabel: z.string(),
    dueAt: z.string(),
    sentAt: z.string().nullable(),
    toAddress: z.string(),
    fromAddress: z.string().nullable(),
    subject: z.string().nullable(),
    body: z.string().nullable(),
    messageId: z.string(),
    attempts: z.int(),
    lastError: z.string().nullable(),
    note: z.string().nullable(),
    resendOf: uuid().nullable(),
    createdAt: z.string(),
  })
  .openapi("Mail");

const transportInput = z.object({
  host: z.string().trim().min(1, "SMTPサーバーを入力してください").max(255),
  port: z.int("ポートは整数です").min(1).max(65535),
  secure: z.boolean().describe("true: 465番などTLSで接続、false: STARTTLS"),
  username: z.string().max(255).optional(),
  password: z.string().max(255).optional().describe("書き込み専用"),
  fromAddress: z.email("送信元メールアドレスの形式が正しくありません"),
  fromName: z.string().trim().min(1, "送信者名を入力してください").max(100),
});
const transportSchema = transportInput
  .omit({ password: true })
  .extend({ hasPassword: z.boolean(), shopId: uuid().nullable() });

const shopParam = z.object({ id: uuid("ショップIDはUUIDです") });

export function registerMailLogRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/mails",
      summary: "メールログ(送信済・失敗・送信しない理由・SMTP未設定で保存のみ)",
      ...requires("mail:read"),
      request: {
        query: z.object({
          orderId: uuid().optional(),
          status: z.enum(MAIL_STATUSES).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      responses: {
        200: json(z.object({ items: z.array(mailSchema), total: z.int() }), "メール"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { accountId } = c.get("auth");
      const q = c.req.valid("query");
      const where: SQL[] = [eq(mails.accountId, accountId)];
      if (q.orderId) where.push(eq(mails.orderId, q.orderId));
      if (q.status) where.push(eq(mails.status, q.status));
      const [rows, total] = await Promise.all([
        ctx.db
          .select({ mail: mails, categoryName: mailCategories.name, mallOrderNumber: orders.mallOrderNumber })
          .from(mails)
          .innerJoin(mailCategories, eq(mailCategories.id, mails.categoryId))
          .innerJoin(orders, eq(orders.id, mails.orderId))
          .where(and(...where))
          .orderBy(desc(mails.createdAt), desc(mails.id))
          .limit(q.limit)
          .offset(q.offset),
        ctx.db
          .select({ n: count() })
          .from(mails)
          .where(and(...where)),
      ]);
      const iso = (d: Date | null) => (d ? toTokyoIso(d) : null);
      return c.json(
        {
          items: rows.map(({ mail: m, categoryName, mallOrderNumber }) => ({
            id: m.id,
            orderId: m.orderId,
            mallOrderNumber,
            shopId: m.shopId,
            categoryId: m.categoryId,
            categoryName,
            shipmentId: m.shipmentKey || null,
            status: m.status as MailStatus,
            statusLabel: MAIL_STATUS_LABELS[m.status as MailStatus],
            dueAt: toTokyoIso(m.dueAt),
            sentAt: iso(m.sentAt),
            toAddress: m.toAddress,
            fromAddress: m.fromAddress,
            subject: m.subject,
            body: m.body,
            messageId: m.messageId,
            attempts: m.attempts,
            lastError: m.lastError,
            note: m.note,
            resendOf: m.resendOf,
            createdAt: toTokyoIso(m.createdAt),
          })),
          total: total[0]?.n ?? 0,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/mails/{id}/resend",
      summary: "メールの再送",
      ...requires("mail:write"),
      request: { params: z.object({ id: uuid() }) },
      responses: { 202: json(z.object({ mailId: uuid() }), "再送の予約"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      return c.json({ mailId: await resendMail(ctx, actor, accountId, c.req.valid("param").id) }, 202);
    },
  );

  const settingsSchema = z.object({
    items: z.array(z.object({ categoryId: uuid(), enabled: z.boolean(), templateId: uuid().nullable() })),
  });
  const shopSettingsOf = async (accountId: string, shopId: string) => {
    const [shop] = await ctx.db
      .select({ id: shops.id })
      .from(shops)
      .where(and(eq(shops.id, shopId), eq(shops.accountId, accountId)));
    if (!shop) throw notFound("shop", "ショップ");
    const rows = await ctx.db.select().from(shopMailSettings).where(eq(shopMailSettings.shopId, shopId));
    return {
      items: rows.map((r) => ({ categoryId: r.categoryId, enabled: r.enabled, templateId: r.templateId })),
    };
  };
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/shops/{id}/mail-settings",
      summary: "ショップのメール設定(カテゴリーごとの送信有無とテンプレート)",
      ...requires("mail:read"),
      request: { params: shopParam },
      responses: { 200: json(settingsSchema, "メール設定"), ...errorResponses },
    }),
    async (c) => c.json(await shopSettingsOf(c.get("auth").accountId, c.req.valid("param").id), 200),
  );
  app.openapi(
    createRoute({
      method: "put",
      path: "/api/shops/{id}/mail-settings",
      summary: "ショップのメール設定を保存",
      ...requires("mail:write", "mail_automation"),
      request: { params: shopParam, body: { content: { "application/json": { schema: settingsSchema } } } },
      responses: { 200: json(settingsSchema, "保存後"), ...errorResponses },
    }),
    async (c) => {
      const { accountId } = c.get("auth");
      const { id } = c.req.valid("param");
      await saveShopMailSettings(ctx, accountId, id, c.req.valid("json").items);
      return c.json(await shopSettingsOf(accountId, id), 200);
    },
  );

  const transportOf = async (accountId: string, shopId: string | null) => {
    const rows = await ctx.db.select().from(mailTransports).where(eq(mailTransports.accountId, accountId));
    const t = rows.find((r) => r.shopId === shopId);
    return t
      ? {
          host: t.host,
          port: t.port,
          secure: t.secure,
          ...(t.username ? { username: t.username } : {}),
          fromAddress: t.fromAddress,
          fromName: t.fromName,
          hasPassword: t.password !== null,
          shopId: t.shopId,
        }
      : null;
  };
  for (const scope of ["account", "shop"] as const) {
    const path = scope === "account" ? "/api/mail-transport" : "/api/shops/{id}/mail-transport";
    const what =
      scope === "account" ? "アカウントのSMTP設定" : "ショップのSMTP設定(楽天あんしんメルアドの中継など)";
    const params = scope === "shop" ? { params: shopParam } : {};
    const shopIdOf = (c: { req: { param(): Record<string, string> } }) =>
      scope === "shop" ? shopParam.parse(c.req.param()).id : null;
    app.openapi(
      createRoute({
        method: "get",
        path,
        summary: what,
        ...requires("mail:read"),
        request: params,
        responses: {
          200: json(z.object({ transport: transportSchema.nullable() }), what),
          ...errorResponses,
        },
      }),
      async (c) => {
        const { accountId } = c.get("auth");
        const shopId = shopIdOf(c);
        if (shopId) await ownShop(ctx.db, accountId, shopId);
        return c.json({ transport: await transportOf(accountId, shopId) }, 200);
      },
    );
    app.openapi(
      createRoute({
        method: "put",
        path,
        summary: `${what}を保存`,
        ...requires("mail:write"),
        request: { ...params, body: { content: { "application/json": { schema: transportInput } } } },
        responses: {
          200: json(z.object({ transport: transportSchema.nullable() }), what),
          ...errorResponses,
        },
      }),
      async (c) => {
        const { accountId } = c.get("auth");
        await saveMailTransport(ctx, accountId, shopIdOf(c), c.req.valid("json"));
        return c.json({ transport: await transportOf(accountId, shopIdOf(c)) }, 200);
      },
    );
    app.openapi(
      createRoute({
        method: "delete",
        path,
        summary: `${what}を削除`,
        ...requires("mail:write"),
        request: params,
        responses: { 204: { description: "削除しました" }, ...errorResponses },
      }),
      async (c) => {
        await deleteMailTransport(ctx, c.get("auth").accountId, shopIdOf(c));
        return c.body(null, 204);
      },
    );
  }
}
