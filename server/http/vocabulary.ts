import { createRoute, z } from "@hono/zod-openapi";
import { CARRIER_CSV_FORMATS } from "#server/carriers/registry.ts";
import { CARRIER_CODES, CARRIERS } from "#server/domain/carrier.ts";
import { MAIL_STATUS_LABELS, MAIL_STATUSES } from "#server/domain/mail/mail-status.ts";
import { MALL_CANCEL_REASON_CODES, MALL_CANCEL_REASONS } from "#server/domain/mall-cancel-reasons.ts";
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
import { CHANNEL_LABELS, CHANNELS } from "#server/domain/shop-settings.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, security } from "./openapi.ts";

const coded = z.array(z.object({ code: z.string(), label: z.string() }));

const vocabularySchema = z
  .object({
    orderStatuses: coded,
    shippingStatuses: coded,
    paymentMethods: coded,
    channels: coded,
    carriers: coded,
    carrierCsvFormats: coded,
    shippingServices: coded,
    temperatures: coded,
    mallCancelReasons: coded,
    mailStatuses: coded,
    prefectures: z.array(z.string()),
  })
  .openapi("Vocabulary");

// Built once: these are the code's own tables, the same for every account.
const VOCABULARY: z.infer<typeof vocabularySchema> = {
  orderStatuses: ORDER_STATUSES.map((code) => ({ code, label: ORDER_STATUS_LABELS[code] })),
  shippingStatuses: SHIPPING_STATUSES.map((code) => ({ code, label: SHIPPING_STATUS_LABELS[code] })),
  paymentMethods: (Object.keys(PAYMENT_METHODS) as PaymentMethod[]).map((code) => ({
    code,
    label: PAYMENT_METHODS[code],
  })),
  channels: CHANNELS.map((code) => ({ code, label: CHANNEL_LABELS[code] })),
  carriers: CARRIER_CODES.map((code) => ({ code, label: CARRIERS[code].label })),
  carrierCsvFormats: CARRIER_CSV_FORMATS.map(({ code, label }) => ({ code, label })),
  shippingServices: SHIPPING_SERVICES.map((code) => ({ code, label: SHIPPING_SERVICE_LABELS[code] })),
  temperatures: TEMPERATURES.map((code) => ({ code, label: TEMPERATURE_LABELS[code] })),
  mallCancelReasons: MALL_CANCEL_REASON_CODES.map((code) => ({ code, label: MALL_CANCEL_REASONS[code] })),
  mailStatuses: MAIL_STATUSES.map((code) => ({ code, label: MAIL_STATUS_LABELS[code] })),
  prefectures: [...PREFECTURES],
};

/** The codes the API speaks and their Japanese labels, so no client keeps its own copy of them. */
export function registerVocabularyRoutes(app: JuchuApi): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/vocabulary",
      summary:
        "コードと日本語の表示名(注文・出荷ステータス、支払方法、チャネル、配送会社、送り状形式、モールへのキャンセル理由、都道府県)",
      security,
      responses: { 200: json(vocabularySchema, "表示名の一覧"), ...errorResponses },
    }),
    (c) => c.json(VOCABULARY, 200),
  );
}
