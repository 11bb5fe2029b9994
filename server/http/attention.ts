import { createRoute, z } from "@hono/zod-openapi";
import type { AppContext } from "#server/app/context.ts";
import {
  expiringCredentials,
  failedImports,
  failedMails,
  openCancelRequests,
  shortProducts,
  tagCounts,
  warehouseDay,
} from "#server/db/attention/attention-queries.ts";
import { ATTENTION_GROUP_LABELS, ATTENTION_GROUPS, tagAttention } from "#server/domain/attention.ts";
import { uuid } from "#server/domain/fields.ts";
import { credentialWarning, EXPIRY_WARNING_DAYS } from "#server/domain/mall-credentials.ts";
import { ORDER_STATUS_LABELS, type OrderStatus } from "#server/domain/order-status.ts";
import { tokyoDate, toTokyoIso } from "#server/domain/tokyo-time.ts";
import { warehouseSettingsOf } from "#server/domain/warehouse-settings.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Orders listed under each line: enough to open the one a customer calls about, not a second list. */
const SAMPLE = 5;
const RECENT_DAYS = 7;
/**
 * Counting a tag stops here: past it the board says "1,000件以上" and the order list has the rest.
 * Each counted order is one key read, so this bounds the board's cost however many orders wait.
 */
const COUNT_CAP = 1000;

const attentionSchema = z
  .object({
    generatedAt: z.string(),
    today: z.string().describe("東京の日付(YYYY-MM-DD)"),
    tags: z.array(
      z.object({
        tagId: uuid(),
        systemCode: z.string().nullable(),
        name: z.string(),
        color: z.string(),
        hold: z.boolean(),
        group: z.enum(ATTENTION_GROUPS),
        groupLabel: z.string(),
        count: z.int(),
        capped: z.boolean().describe(`true なら ${COUNT_CAP} 件以上`),
        action: z.string().describe("すること"),
        orders: z.array(
          z.object({
            id: uuid(),
            mallOrderNumber: z.string(),
            buyerName: z.string(),
            orderedAt: z.string(),
            statusLabel: z.string(),
          }),
        ),
      }),
    ),
    stockShort: z.array(
      z.object({
        productId: uuid(),
        sku: z.string(),
        name: z.string(),
        warehouseId: uuid(),
        warehouseName: z.string(),
        short: z.int().describe("待っている出荷に足りない数"),
        available: z.int().describe("今の有効在庫"),
        shipments: z.int().describe("この商品を待っている出荷の数"),
      }),
    ),
    warehouses: z.array(
      z.object({
        warehouseId: uuid(),
        name: z.string(),
        cutoff: z.string().nullable().describe("出荷締め時刻(未設定は null)"),
        cutoffPassed: z.boolean(),
        awaitingRequest: z.int().describe("出荷待ち(倉庫へ依頼前)"),
        shipping: z.int().describe("出荷中"),
        dueToday: z.int().describe("出荷中のうち本日出荷予定"),
        overdue: z.int().describe("出荷中のうち出荷予定日を過ぎたもの"),
        unshippable: z.int().describe("出荷不可"),
      }),
    ),
    importFailures: z.array(
      z.object({
        shopId: uuid(),
        shopName: z.string(),
        kind: z.enum(["mall", "csv"]),
        runId: uuid(),
        startedAt: z.string(),
        failed: z.int().describe("取り込めなかった注文(行)の数"),
        message: z.string().nullable(),
        action: z.string(),
      }),
    ),
    credentials: z.array(
      z.object({
        shopId: uuid(),
        shopName: z.string(),
        expiresAt: z.string(),
        level: z.enum(["expired", "expiring"]),
        daysLeft: z.int(),
        message: z.string(),
      }),
    ),
    failedMails: z.object({
      count: z.int().describe(`直近${RECENT_DAYS}日に送れず、再送もしていないメール`),
      latestAt: z.string().nullable(),
      action: z.string(),
    }),
    cancelRequests: z
      .object({
        count: z.int().describe("対応完了になっていない、購入者からのキャンセル希望(問い合わせ)"),
        latestAt: z.string().nullable(),
        action: z.string(),
      })
      .describe("キャンセル希望の問い合わせ"),
  })
  .openapi("Attention");

type Attention = z.infer<typeof attentionSchema>;

const IMPORT_ACTIONS = {
  mall: "取込ログでエラー内容を確かめ、ショップ設定の接続情報を見直してください。次の取込で自動でやり直します。",
  csv: "CSV受注取込で取り込めなかった行を確かめ、直したファイルをもう一度取り込んでください。",
} as const;

const hhmm = (now: Date) => toTokyoIso(now).slice(11, 16);

async function attentionOf(ctx: AppContext, accountId: string): Promise<Attention> {
  const now = ctx.clock.now();
  const today = tokyoDate(now);
  const since = new Date(now.getTime() - RECENT_DAYS * DAY_MS);
  const [tags, short, days, imports, shops, mails, cancels] = await Promise.all([
    tagCounts(ctx.db, accountId, COUNT_CAP, SAMPLE),
    shortProducts(ctx.db, accountId, 50),
    warehouseDay(ctx.db, accountId, today),
    failedImports(ctx.db, accountId, since),
    expiringCredentials(ctx.db, accountId, new Date(now.getTime() + EXPIRY_WARNING_DAYS * DAY_MS)),
    failedMails(ctx.db, accountId, since),
    openCancelRequests(ctx.db, accountId),
  ]);
  return {
    generatedAt: toTokyoIso(now),
    today,
    tags: tags
      .filter((t) => t.count > 0)
      .map((t) => {
        const { group, action } = tagAttention(t.systemCode);
        return {
          tagId: t.tagId,
          systemCode: t.systemCode,
          name: t.name,
          color: t.color,
          hold: t.hold,
          group,
          groupLabel: ATTENTION_GROUP_LABELS[group],
          count: Math.min(t.count, COUNT_CAP),
          capped: t.count > COUNT_CAP,
          action,
          orders: t.orders.map((o) => ({
            id: o.id,
            mallOrderNumber: o.mallOrderNumber,
            buyerName: o.buyerName,
            orderedAt: toTokyoIso(new Date(o.orderedAt)),
            statusLabel: ORDER_STATUS_LABELS[o.status as OrderStatus] ?? o.status,
          })),
        };
      })
      .sort((a, b) => ATTENTION_GROUPS.indexOf(a.group) - ATTENTION_GROUPS.indexOf(b.group)),
    stockShort: short,
    warehouses: days.map(({ settings, ...w }) => {
      const cutoff = warehouseSettingsOf(settings).shippingCutoff ?? null;
      return { ...w, cutoff, cutoffPassed: cutoff !== null && hhmm(now) >= cutoff };
    }),
    importFailures: imports.map((r) => ({
      ...r,
      startedAt: toTokyoIso(new Date(r.startedAt)),
      action: IMPORT_ACTIONS[r.kind],
    })),
    credentials: shops.flatMap((s) => {
      const expiresAt = new Date(s.expiresAt);
      const warning = credentialWarning(expiresAt, now, ctx.channels.get(s.channel)?.credentialExpiry);
      return warning
        ? [{ shopId: s.shopId, shopName: s.name, expiresAt: toTokyoIso(expiresAt), ...warning }]
        : [];
    }),
    failedMails: {
      count: mails.count,
      latestAt: mails.latestAt ? toTokyoIso(new Date(mails.latestAt)) : null,
      action: "メールログでエラー内容を確かめ、メール送信設定を直してから再送してください。",
    },
    cancelRequests: {
      count: cancels.count,
      latestAt: cancels.latestAt ? toTokyoIso(new Date(cancels.latestAt)) : null,
      action:
        "問い合わせを開き、Juchuの対応(自動キャンセル・出荷取下げ)を確かめて購入者に返信し、対応完了にしてください。",
    },
  };
}

export function registerAttentionRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/attention",
      summary: "要対応: 人の手が要る注文・出荷・取込・認証情報・メール",
      description: `保留・エラーのタグごとの注文数(各${COUNT_CAP}件まで)と先頭${SAMPLE}件、在庫が足りない商品、倉庫ごとの本日の出荷、取込失敗、期限が近い認証情報、送れなかったメール、対応完了になっていないキャンセル希望の問い合わせ。`,
      ...requires("orders:read"),
      responses: { 200: json(attentionSchema, "要対応"), ...errorResponses },
    }),
    async (c) => c.json(await attentionOf(ctx, c.get("auth").accountId), 200),
  );
}
