import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "#server/app/context.ts";
import { replyToInquiry, setInquiryCompleted } from "#server/app/inquiries/answer-inquiry.ts";
import { runInquiryImport } from "#server/app/inquiries/import-inquiries.ts";
import { INQUIRY_STATES, inquiryDetail, listInquiries } from "#server/app/inquiries/inquiry-views.ts";
import { shops } from "#server/db/schema.ts";
import { uuid } from "#server/domain/fields.ts";
import { notFound, Refusal } from "#server/domain/refusal.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";
import { actedBySchema } from "./present-actor.ts";

const inquiryId = z.object({ id: uuid("問い合わせIDはUUIDです") });
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: true },
});

const summarySchema = z
  .object({
    id: uuid(),
    shopId: uuid(),
    shopName: z.string(),
    inquiryNumber: z.string().describe("モールの問い合わせ番号"),
    orderId: uuid().nullable().describe("紐付いた注文(モール注文番号の注文がないときnull)"),
    mallOrderNumber: z.string().nullable(),
    buyerName: z.string(),
    message: z.string().describe("購入者の最初のメッセージ(一覧では先頭200文字)"),
    category: z.string().nullable().describe("モールの問い合わせ種別"),
    cancelRequested: z.boolean().describe("キャンセル希望(モールの種別、またはショップのキャンセル語句)"),
    action: z
      .enum(["cancelled", "withdrawn", "withdraw_refused", "tagged", "none"])
      .describe(
        "キャンセル連携で行ったこと: cancelled 注文キャンセル / withdrawn 出荷依頼取下げ(注文はキャンセルしていない) / withdraw_refused 取下げ不可 / tagged タグ付け / none なし",
      ),
    actionNote: z.string().nullable().describe("行ったことの説明(倉庫の拒否理由など)"),
    replyState: z
      .enum(["none", "pending", "sent", "failed"])
      .describe("返信: なし / 送信待ち / 送信済み / モールが拒否"),
    replyError: z.string().nullable().describe("返信をモールが受け付けなかったときのモールの説明"),
    read: z.boolean(),
    completed: z.boolean().describe("対応完了"),
    receivedAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("InquirySummary");

const detailSchema = summarySchema
  .extend({
    replies: z.array(z.object({ from: z.enum(["buyer", "shop"]), message: z.string(), at: z.string() })),
    timeline: z.array(
      z.object({
        at: z.string(),
        actor: z.string(),
        actedBy: actedBySchema,
        type: z.string(),
        message: z.string(),
      }),
    ),
  })
  .openapi("InquiryDetail");

/** 問い合わせ (buyer messages at the channel): the inbox, a thread, a person's reply and 対応完了. */
export function registerInquiryRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/inquiries",
      summary: "問い合わせ一覧(受信の新しい順)",
      description:
        "state: open 未完了 / linked 注文に紐付いた / unlinked 注文に紐付かない / handled 対応完了 / cancel キャンセル希望",
      ...requires("inquiries:read", "inquiry_linkage"),
      request: {
        query: z.object({
          shopId: uuid("ショップIDはUUIDです").optional(),
          state: z.enum(INQUIRY_STATES).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(500).optional(),
        }),
      },
      responses: {
        200: json(
          z.object({ items: z.array(summarySchema), nextCursor: z.string().nullable() }),
          "問い合わせ",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await listInquiries(ctx.db, c.get("auth").accountId, c.req.valid("query")), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/inquiries/{id}",
      summary: "問い合わせ(やり取りの全文と、注文の履歴のうちこの問い合わせのもの)",
      ...requires("inquiries:read", "inquiry_linkage"),
      request: { params: inquiryId },
      responses: { 200: json(detailSchema, "問い合わせ"), ...errorResponses },
    }),
    async (c) => c.json(await inquiryDetail(ctx.db, c.get("auth").accountId, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/inquiries/{id}/reply",
      summary: "返信(モールに送り、既読にする)",
      description: "モールが受け付けないときは422(detailにモールの説明)、モールに接続できないときは502。",
      ...requires("inquiries:write", "inquiry_linkage"),
      request: {
        params: inquiryId,
        ...body(
          z.object({
            message: z.string().trim().min(1, "返信を入力してください").max(2000, "返信は2000文字以内です"),
          }),
        ),
      },
      responses: { 200: json(detailSchema, "返信後の問い合わせ"), ...errorResponses },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const { id } = c.req.valid("param");
      await replyToInquiry(ctx, actor, accountId, id, c.req.valid("json").message);
      return c.json(await inquiryDetail(ctx.db, accountId, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/inquiries/{id}/complete",
      summary: "対応完了にする / 未完了に戻す(モールにも反映)",
      ...requires("inquiries:write", "inquiry_linkage"),
      request: { params: inquiryId, ...body(z.object({ completed: z.boolean() })) },
      responses: { 200: json(detailSchema, "変更後の問い合わせ"), ...errorResponses },
    }),
    async (c) => {
      const { accountId } = c.get("auth");
      const { id } = c.req.valid("param");
      await setInquiryCompleted(ctx, accountId, id, c.req.valid("json").completed);
      return c.json(await inquiryDetail(ctx.db, accountId, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/shops/{id}/inquiry-import",
      summary: "今すぐ問い合わせを取込(キャンセル希望はこの取込で処理されます)",
      ...requires("inquiries:write", "inquiry_linkage"),
      request: { params: z.object({ id: uuid("ショップIDはUUIDです") }) },
      responses: {
        200: json(
          z.object({
            status: z.enum(["succeeded", "failed"]),
            found: z.int().describe("モールが新規・更新として返した問い合わせ"),
            saved: z.int(),
            decided: z.int().describe("キャンセル希望として処理を決めた問い合わせ"),
            error: z.object({ code: z.string(), message: z.string() }).nullable(),
          }),
          "この取込の結果",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const [shop] = await ctx.db
        .select({ id: shops.id, channel: shops.channel })
        .from(shops)
        .where(and(eq(shops.id, c.req.valid("param").id), eq(shops.accountId, c.get("auth").accountId)));
      if (!shop) throw notFound("shop", "ショップ");
      if (!ctx.channels.get(shop.channel)?.capabilities.inquiries) {
        throw new Refusal(
          "inquiry.channel_not_supported",
          "このショップのモールの問い合わせには対応していません。",
        );
      }
      const summary = await runInquiryImport(ctx, shop.id);
      if (!summary) {
        throw new Refusal(
          "inquiry.import_running",
          "このショップの問い合わせ取込が実行中です。終わってから確認してください。",
        );
      }
      return c.json(summary, 200);
    },
  );
}
