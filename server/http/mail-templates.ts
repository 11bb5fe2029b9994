import { createRoute, z } from "@hono/zod-openapi";
import { and, asc, eq } from "drizzle-orm";
import type { AppContext } from "#server/app/context.ts";
import { previewMail } from "#server/app/mail/mail-log.ts";
import {
  copyStandardTemplate,
  deleteCategory,
  saveCategory,
  saveTemplate,
} from "#server/app/mail/mail-settings.ts";
import { mailCategories, mailTemplates } from "#server/db/schema.ts";
import { uuid } from "#server/domain/fields.ts";
import { MAIL_PLACEHOLDERS } from "#server/domain/mail/placeholders.ts";
import { STANDARD_MAIL_TEMPLATES } from "#server/domain/mail/standard-templates.ts";
import { notFound } from "#server/domain/refusal.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

const categoryInput = z.object({
  name: z.string().trim().min(1, "カテゴリー名を入力してください").max(50, "カテゴリー名は50文字以内です"),
  enabled: z.boolean().default(true),
  triggerKind: z
    .enum(["order_status", "shipping_status", "order_event"], {
      error: "送信条件は order_status(注文ステータス)か shipping_status(出荷ステータス)です",
    })
    .describe(
      "order_event は注文の出来事(キャンセルリクエストなど)で送るカテゴリー: その機能が作り、送信条件は変えられない",
    ),
  triggerStatus: z.string().min(1, "送信条件のステータスを選んでください"),
  delayMinutes: z
    .int("遅延は分(整数)で指定してください")
    .min(0)
    .max(60 * 24 * 90, "遅延は90日までです")
    .default(0),
  productId: uuid("productIdはUUIDです").nullable().optional().describe("この商品を含む注文だけに送る"),
  priority: z
    .int("優先度は整数で指定してください")
    .min(0, "優先度は0〜100です")
    .max(100, "優先度は0〜100です")
    .default(0)
    .describe(
      "優先度(大きいほど優先): 同じ時点の特定商品カテゴリーが複数当てはまる注文には、いちばん高いものだけを送る",
    ),
});
const categorySchema = categoryInput
  .extend({ id: uuid(), productId: uuid().nullable() })
  .openapi("MailCategory");

const templateInput = z.object({
  name: z.string().trim().min(1, "テンプレート名を入力してください").max(50),
  enabled: z.boolean().default(true),
  categoryId: uuid("categoryIdはUUIDです"),
  subject: z.string(),
  body: z.string(),
});
const templateSchema = templateInput.extend({ id: uuid(), updatedAt: z.string() }).openapi("MailTemplate");

const idParam = z.object({ id: uuid("IDはUUIDです") });
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } } },
});

export function registerMailTemplateRoutes(app: JuchuApi, ctx: AppContext): void {
  const categoriesOf = (accountId: string) =>
    ctx.db
      .select()
      .from(mailCategories)
      .where(eq(mailCategories.accountId, accountId))
      .orderBy(asc(mailCategories.createdAt));
  const presentCategory = (c: typeof mailCategories.$inferSelect) => ({
    id: c.id,
    name: c.name,
    enabled: c.enabled,
    triggerKind: c.triggerKind as "order_status" | "shipping_status" | "order_event",
    triggerStatus: c.triggerStatus,
    delayMinutes: c.delayMinutes,
    productId: c.productId,
    priority: c.priority,
  });
  const presentTemplate = (t: typeof mailTemplates.$inferSelect) => ({
    id: t.id,
    name: t.name,
    enabled: t.enabled,
    categoryId: t.categoryId,
    subject: t.subject,
    body: t.body,
    updatedAt: t.updatedAt.toISOString(),
  });
  const templateOf = async (accountId: string, id: string) => {
    const [t] = await ctx.db
      .select()
      .from(mailTemplates)
      .where(and(eq(mailTemplates.id, id), eq(mailTemplates.accountId, accountId)));
    if (!t) throw notFound("mail_template", "メールテンプレート");
    return presentTemplate(t);
  };

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/mail-categories",
      summary: "メールカテゴリー一覧",
      ...requires("mail:read"),
      responses: { 200: json(z.object({ items: z.array(categorySchema) }), "カテゴリー"), ...errorResponses },
    }),
    async (c) => c.json({ items: (await categoriesOf(c.get("auth").accountId)).map(presentCategory) }, 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/mail-categories",
      summary: "メールカテゴリーの登録(送信条件: 注文/出荷ステータスに入った時、N分後、特定商品)",
      ...requires("mail:write", "mail_automation"),
      request: jsonBody(categoryInput),
      responses: { 201: json(categorySchema, "登録したカテゴリー"), ...errorResponses },
    }),
    async (c) => {
      const { accountId } = c.get("auth");
      const id = await saveCategory(ctx, accountId, c.req.valid("json"));
      const row = (await categoriesOf(accountId)).find((x) => x.id === id);
      if (!row) throw notFound("mail_category", "メールカテゴリー");
      return c.json(presentCategory(row), 201);
    },
  );
  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/mail-categories/{id}",
      summary: "メールカテゴリーの変更",
      ...requires("mail:write", "mail_automation"),
      request: { params: idParam, ...jsonBody(categoryInput) },
      responses: { 200: json(categorySchema, "変更後"), ...errorResponses },
    }),
    async (c) => {
      const { accountId } = c.get("auth");
      const id = await saveCategory(ctx, accountId, c.req.valid("json"), c.req.valid("param").id);
      const row = (await categoriesOf(accountId)).find((x) => x.id === id);
      if (!row) throw notFound("mail_category", "メールカテゴリー");
      return c.json(presentCategory(row), 200);
    },
  );
  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/mail-categories/{id}",
      summary: "メールカテゴリーの削除(送信記録がない場合のみ)",
      ...requires("mail:write", "mail_automation"),
      request: { params: idParam },
      responses: { 204: { description: "削除しました" }, ...errorResponses },
    }),
    async (c) => {
      await deleteCategory(ctx, c.get("auth").accountId, c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/mail-templates",
      summary: "メールテンプレート一覧",
      ...requires("mail:read"),
      responses: {
        200: json(z.object({ items: z.array(templateSchema) }), "テンプレート"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const rows = await ctx.db
        .select()
        .from(mailTemplates)
        .where(eq(mailTemplates.accountId, c.get("auth").accountId))
        .orderBy(asc(mailTemplates.createdAt));
      return c.json({ items: rows.map(presentTemplate) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/mail-templates",
      summary: "メールテンプレートの登録(使えない差し込み項目は一覧付きで拒否)",
      ...requires("mail:write"),
      request: jsonBody(templateInput),
      responses: { 201: json(templateSchema, "登録したテンプレート"), ...errorResponses },
    }),
    async (c) => {
      const { accountId } = c.get("auth");
      return c.json(
        await templateOf(accountId, await saveTemplate(ctx, accountId, c.req.valid("json"))),
        201,
      );
    },
  );
  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/mail-templates/{id}",
      summary: "メールテンプレートの変更",
      ...requires("mail:write"),
      request: { params: idParam, ...jsonBody(templateInput) },
      responses: { 200: json(templateSchema, "変更後"), ...errorResponses },
    }),
    async (c) => {
      const { accountId } = c.get("auth");
      return c.json(
        await templateOf(
          accountId,
          await saveTemplate(ctx, accountId, c.req.valid("json"), c.req.valid("param").id),
        ),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/mail-placeholders",
      summary: "差し込み項目の一覧",
      ...requires("mail:read"),
      responses: {
        200: json(
          z.object({
            items: z.array(z.object({ name: z.string(), description: z.string(), example: z.string() })),
          }),
          "差し込み項目",
        ),
        ...errorResponses,
      },
    }),
    (c) => c.json({ items: [...MAIL_PLACEHOLDERS] }, 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/mail-templates/standard",
      summary: "標準テンプレート(コピー元)",
      ...requires("mail:read"),
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                key: z.string(),
                name: z.string(),
                subject: z.string(),
                body: z.string(),
                trigger: z.object({ kind: z.string(), status: z.string(), delayMinutes: z.int() }),
              }),
            ),
          }),
          "標準テンプレート",
        ),
        ...errorResponses,
      },
    }),
    (c) => c.json({ items: STANDARD_MAIL_TEMPLATES.map((t) => ({ ...t, trigger: { ...t.trigger } })) }, 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/mail-templates/standard/{key}/copy",
      summary: "標準テンプレートをコピー(カテゴリーも無ければ作成)",
      ...requires("mail:write"),
      request: { params: z.object({ key: z.string() }) },
      responses: {
        201: json(z.object({ categoryId: uuid(), templateId: uuid() }), "作成したカテゴリーとテンプレート"),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await copyStandardTemplate(ctx, c.get("auth").accountId, c.req.valid("param").key), 201),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/mail-templates/preview",
      summary: "プレビュー(実際の注文で差し込み)",
      ...requires("mail:read"),
      request: jsonBody(
        z.object({
          subject: z.string(),
          body: z.string(),
          orderId: uuid("orderIdはUUIDです"),
          shipmentId: uuid().optional(),
        }),
      ),
      responses: {
        200: json(z.object({ subject: z.string(), body: z.string() }), "差し込んだ件名と本文"),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await previewMail(ctx, c.get("auth").accountId, c.req.valid("json")), 200),
  );
}
