import { createRoute, z } from "@hono/zod-openapi";
import { CARRIER_CSV_FORMATS } from "#server/carriers/registry.ts";
import { CARRIER_CODES, CARRIERS } from "#server/domain/carrier.ts";
import { TIME_SLOT_LABELS, TIME_SLOTS } from "#server/domain/delivery-conditions.ts";
import { MAIL_STATUS_LABELS, MAIL_STATUSES } from "#server/domain/mail/mail-status.ts";
import {
  ORDER_STATUS_LABELS,
  ORDER_STATUSES,
  SHIPPING_STATUS_LABELS,
  SHIPPING_STATUSES,
} from "#server/domain/order-status.ts";
import { PAYMENT_METHODS, type PaymentMethod } from "#server/domain/payment.ts";
import { PREFECTURES } from "#server/domain/prefectures.ts";
import {
  SHIPPING_SERVICE_LABELS,
  SHIPPING_SERVICES,
  TEMPERATURE_LABELS,
  TEMPERATURES,
} from "#server/domain/shipping-service.ts";
import type { ChannelRegistry } from "#server/ports/channel.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, signedIn } from "./openapi.ts";

const coded = z.array(z.object({ code: z.string(), label: z.string() }));

const channelSchema = z
  .object({
    code: z.string(),
    label: z.string(),
    kind: z.enum(["mall", "cart", "file", "internal"]),
    source: z
      .enum(["poll", "upload", "internal"])
      .describe("注文の入り方: 取込(ポーリング)・ファイル・Juchuで登録"),
    credentials: z
      .array(
        z.object({
          key: z.string(),
          label: z.string(),
          type: z.enum(["secret", "expiresAt"]),
          hint: z.string().nullable(),
        }),
      )
      .describe("ショップ設定の認証情報欄(空ならモール接続なし)"),
    capabilities: z.object({
      confirm: z.boolean().describe("注文確認をチャネルに送る"),
      reportShipping: z.boolean(),
      cancel: z.boolean(),
      stock: z.boolean(),
      inquiries: z.boolean().describe("購入者からの問い合わせ(モールのメッセージ)を取り込み、返信する"),
    }),
    defaultGracePeriodMinutes: z.int(),
    cancelReasons: coded.describe("チャネルに伝えるキャンセル理由(コードは <チャネル>:<理由>)"),
  })
  .openapi("Channel");

export const vocabularySchema = z
  .object({
    orderStatuses: coded,
    shippingStatuses: coded,
    paymentMethods: coded,
    channels: z.array(channelSchema).describe("登録されているチャネル(ショップを作れるのはこれだけ)"),
    carriers: coded,
    carrierCsvFormats: coded,
    shippingServices: coded,
    temperatures: coded,
    timeSlots: coded.describe("お届け時間帯(商品の配送条件で受け付ける時間帯)"),
    mallCancelReasons: z
      .array(z.object({ code: z.string(), label: z.string(), channel: z.string() }))
      .describe("モールに伝えるキャンセル理由、チャネルごと"),
    mailStatuses: coded,
    prefectures: z.array(z.string()),
  })
  .openapi("Vocabulary");

/** Every registered channel's キャンセル理由, named `<channel>:<code>` so two channels never collide. */
export function mallCancelReasons(
  channels: Pick<ChannelRegistry, "list">,
): { code: string; label: string; channel: string }[] {
  return channels.list.flatMap((c) =>
    c.cancelReasons.map((r) => ({ code: `${c.code}:${r.code}`, label: r.label, channel: c.code })),
  );
}

const channelsOf = (channels: ChannelRegistry): z.infer<typeof channelSchema>[] =>
  channels.list.map((c) => ({
    code: c.code,
    label: c.label,
    kind: c.kind,
    source: c.capabilities.source,
    credentials: c.credentials.map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      hint: f.hint ?? null,
    })),
    capabilities: {
      confirm: c.capabilities.confirm?.required ?? false,
      reportShipping: c.capabilities.reportShipping,
      cancel: c.capabilities.cancel,
      stock: c.capabilities.stock,
      inquiries: c.capabilities.inquiries ?? false,
    },
    defaultGracePeriodMinutes: c.defaults.gracePeriodMinutes,
    cancelReasons: mallCancelReasons({ list: [c] }),
  }));

// The code's own tables, the same for every account; channels come from the registry.
const TABLES = {
  orderStatuses: ORDER_STATUSES.map((code) => ({ code, label: ORDER_STATUS_LABELS[code] })),
  shippingStatuses: SHIPPING_STATUSES.map((code) => ({ code, label: SHIPPING_STATUS_LABELS[code] })),
  paymentMethods: (Object.keys(PAYMENT_METHODS) as PaymentMethod[]).map((code) => ({
    code,
    label: PAYMENT_METHODS[code],
  })),
  carriers: CARRIER_CODES.map((code) => ({ code, label: CARRIERS[code].label })),
  carrierCsvFormats: CARRIER_CSV_FORMATS.map(({ code, label }) => ({ code, label })),
  shippingServices: SHIPPING_SERVICES.map((code) => ({ code, label: SHIPPING_SERVICE_LABELS[code] })),
  temperatures: TEMPERATURES.map((code) => ({ code, label: TEMPERATURE_LABELS[code] })),
  timeSlots: TIME_SLOTS.map((code) => ({ code, label: TIME_SLOT_LABELS[code] })),
  mailStatuses: MAIL_STATUSES.map((code) => ({ code, label: MAIL_STATUS_LABELS[code] })),
  prefectures: [...PREFECTURES],
};

export const vocabularyOf = (channels: ChannelRegistry): z.infer<typeof vocabularySchema> => ({
  ...TABLES,
  channels: channelsOf(channels),
  mallCancelReasons: mallCancelReasons(channels),
});

/** The codes the API speaks and their Japanese labels, so no client keeps its own copy of them. */
export function registerVocabularyRoutes(app: JuchuApi, channels: ChannelRegistry): void {
  const vocabulary = vocabularyOf(channels);
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/vocabulary",
      summary:
        "コードと日本語の表示名(注文・出荷ステータス、支払方法、チャネル、配送会社、送り状形式、モールへのキャンセル理由、都道府県)",
      ...signedIn,
      responses: { 200: json(vocabularySchema, "表示名の一覧"), ...errorResponses },
    }),
    (c) => c.json(vocabulary, 200),
  );
}
