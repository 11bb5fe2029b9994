import { z } from "@hono/zod-openapi";
import { instant, uuid } from "#server/domain/fields.ts";
import { ORDER_STATUSES, SHIPPING_STATUSES } from "#server/domain/order-status.ts";
import { PAYMENT_METHODS } from "#server/domain/payment.ts";
import { PREFECTURES } from "#server/domain/prefectures.ts";
import { orderB2bSchema } from "./b2b-order-view.ts";
import { actedBySchema } from "./present-actor.ts";
import { shipmentFields } from "./present-shipment.ts";

const yen = (what: string) =>
  z.int(`${what}は整数(円)で指定してください`).min(0, `${what}は0以上で指定してください`).max(1_000_000_000);
const text = (max: number, what: string) =>
  z
    .string(`${what}は文字列で指定してください`)
    .trim()
    .min(1, `${what}を入力してください`)
    .max(max, `${what}は${max}文字以内です`);
const day = z.iso.date("日付は YYYY-MM-DD(例: 2026-12-07)で指定してください");
const isoTime = instant("日時はISO 8601(例: 2026-11-22T10:00:00+09:00)で指定してください");

/** 送付先 as an order, a BtoB address book entry and every API that takes one checks it. */
export const shipToSchema = z.object({
  name: text(100, "送付先氏名"),
  postalCode: z.string().regex(/^\d{3}-?\d{4}$/, "郵便番号は7桁(例: 100-0001)で指定してください"),
  prefecture: z.enum(PREFECTURES, "都道府県名が正しくありません"),
  address1: text(200, "住所1"),
  address2: z.string().max(200).optional(),
  phone: z.string().regex(/^[0-9+\-() ]{10,20}$/, "電話番号の形式が正しくありません"),
});

export const orderRegistrationSchema = z
  .object({
    shopId: uuid("shopIdはUUIDで指定してください"),
    mallOrderNumber: text(64, "モール注文番号"),
    orderedAt: isoTime.optional(),
    buyer: z.object({
      name: text(100, "購入者名"),
      email: z.email("メールアドレスの形式が正しくありません").max(254),
      phone: z.string().max(20).optional(),
    }),
    shipTo: shipToSchema,
    paymentMethod: z.enum(
      Object.keys(PAYMENT_METHODS) as [keyof typeof PAYMENT_METHODS],
      "支払方法が正しくありません",
    ),
    paid: z.boolean().optional(),
    items: z
      .array(
        z.object({
          mallItemCode: text(100, "商品管理番号"),
          mallSkuCode: z.string().trim().max(100).optional(),
          name: text(255, "商品名"),
          unitPrice: yen("単価"),
          quantity: z.int("数量は整数で指定してください").min(1, "数量は1以上で指定してください").max(9999),
        }),
        "itemsは配列で指定してください",
      )
      .min(1, "商品を1つ以上指定してください")
      .max(200, "明細は200行までです"),
    shippingFee: yen("送料").optional(),
    remarks: z.string().max(2000, "備考は2000文字以内です").optional(),
    desiredDeliveryDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "お届け希望日は YYYY-MM-DD で指定してください")
      .optional(),
    desiredTimeSlot: z
      .string()
      .trim()
      .max(40, "お届け希望時間帯は40文字以内です")
      .optional()
      .describe("お届け希望時間帯(午前中、14:00-16:00 など)。配送会社・商品の配送条件で指定できなければ保留"),
  })
  .openapi("OrderRegistration");

const statusLabelled = { statusLabel: z.string() };

/** An order's dates from its shipments (domain/warehouse-calendar.ts orderSchedule). */
const scheduleFields = {
  plannedShipDate: z
    .string()
    .nullable()
    .describe("出荷予定日(YYYY-MM-DD): 倉庫の回答、なければ倉庫カレンダーから"),
  plannedShipDateBy: z
    .enum(["warehouse", "calendar"])
    .nullable()
    .describe("出荷予定日の出どころ: warehouse 倉庫の回答 / calendar 倉庫カレンダー"),
  expectedDeliveryDate: z.string().nullable().describe("お届け予定日(YYYY-MM-DD): 出荷予定日+配送日数"),
  desiredDeliveryTooEarly: z.boolean().describe("お届け希望日がお届け予定日より前(間に合わない)"),
};

export const orderSummarySchema = z
  .object({
    id: uuid(),
    shopId: uuid(),
    mallOrderNumber: z.string(),
    status: z.enum(ORDER_STATUSES),
    ...statusLabelled,
    shippingStatus: z.enum(SHIPPING_STATUSES).nullable(),
    shippingStatusLabel: z.string().nullable(),
    orderedAt: z.string(),
    buyerName: z.string(),
    total: z.int().nullable().describe("請求金額。null は未確定(送料未確定など)"),
    paymentMethod: z.string(),
    paid: z.boolean(),
    tags: z.array(z.object({ id: uuid(), name: z.string(), hold: z.boolean(), color: z.string() })),
    deleted: z.boolean(),
    deliveryMethod: z
      .string()
      .nullable()
      .describe("配送方法: 購入時に選ばれた配送方法、なければ出荷の配送サービス"),
    ...scheduleFields,
    desiredDeliveryDate: z.string().nullable().describe("お届け希望日"),
    desiredTimeSlot: z.string().nullable().describe("お届け希望時間帯"),
    b2b: orderB2bSchema,
  })
  .openapi("OrderSummary");

export const orderSchema = z
  .object({
    id: uuid(),
    shopId: uuid(),
    mallOrderNumber: z.string(),
    source: z.string(),
    status: z.enum(ORDER_STATUSES),
    ...statusLabelled,
    shippingStatus: z.enum(SHIPPING_STATUSES).nullable(),
    shippingStatusLabel: z.string().nullable(),
    orderedAt: z.string(),
    graceUntil: z.string(),
    buyer: z.object({
      name: z.string(),
      email: z.string(),
      emailMasked: z.boolean().describe("モールの中継アドレス(楽天 あんしんメルアド)"),
      phone: z.string().nullable(),
    }),
    customerId: uuid().nullable().describe("顧客(GET /api/customers/{id})"),
    customerRank: z.string().nullable().describe("注文時の顧客ランク(顧客ランク設定)"),
    shipTo: z.record(z.string(), z.unknown()),
    paymentMethod: z.string(),
    paymentMethodLabel: z.string(),
    paid: z.boolean(),
    paidAt: z.string().nullable(),
    subtotal: z.int(),
    shippingFee: z.int().nullable().describe("null は送料未確定"),
    fees: z.int().nullable().describe("代引料・決済手数料。null は未確定"),
    feeBreakdown: z
      .object({
        cashOnDelivery: z.int().nullable().describe("代引手数料"),
        payment: z.int().nullable().describe("決済手数料"),
        deferredPayment: z.int().nullable().describe("後払い手数料"),
        wrapping: z.int().nullable().describe("ラッピング料"),
      })
      .nullable()
      .describe("手数料の内訳(モールが分けて渡すとき)"),
    couponDiscount: z.int(),
    couponDiscounts: z
      .object({
        shop: z.int().describe("ショップクーポン"),
        mall: z.int().describe("モールのクーポン(楽天クーポン)"),
      })
      .describe("クーポン値引の内訳"),
    gift: z.boolean().describe("ギフト指定"),
    wrappings: z.array(z.object({ name: z.string(), fee: z.int().nullable() })).describe("ラッピング"),
    taxSummary: z
      .array(z.object({ ratePercent: z.int(), amount: z.int().nullable(), tax: z.int().nullable() }))
      .describe("税率ごとの請求額と消費税(税込)"),
    pointsUsed: z.int(),
    total: z.int().nullable().describe("請求金額。null は未確定"),
    remarks: z.string().nullable(),
    desiredDeliveryDate: z.string().nullable().describe("お届け希望日 (YYYY-MM-DD)"),
    desiredTimeSlot: z.string().nullable().describe("お届け希望時間帯"),
    ...scheduleFields,
    mall: z
      .object({
        status: z.string(),
        statusLabel: z.string(),
        paymentLabel: z.string().nullable(),
        checkedAt: z.string().nullable(),
        confirmedAt: z.string().nullable(),
      })
      .nullable()
      .describe("モール側の状態(取込注文のみ)"),
    testImport: z.boolean().describe("テスト取込の注文: メール・倉庫・モールには何も送らない"),
    deleted: z.boolean(),
    deletedAt: z.string().nullable(),
    items: z.array(
      z.object({
        id: uuid(),
        lineNo: z.int(),
        mallItemCode: z.string(),
        mallItemNumber: z.string().nullable().describe("商品番号(楽天 itemNumber)"),
        mallSkuCode: z.string(),
        name: z.string(),
        selectedChoice: z.string(),
        shipmentId: uuid().nullable(),
        unitPrice: z.int(),
        optionAmount: z
          .int()
          .describe(
            "オプション金額: 選んだ項目選択肢の加算額(1個あたり、税込、単価とは別)。単価+オプション金額が1個の請求額",
          ),
        quantity: z.int(),
        mapped: z.boolean(),
        productMappingId: uuid().nullable(),
      }),
    ),
    shipments: z.array(
      z.object({
        ...shipmentFields,
        allowedActions: z
          .array(z.enum(["request", "withdraw", "split"]))
          .describe("この出荷に今できる操作: 出荷依頼/再依頼・取下げ・分割"),
        allocations: z.array(z.object({ productId: uuid(), required: z.int(), allocated: z.int() })),
      }),
    ),
    tags: z.array(
      z.object({
        id: uuid(),
        name: z.string(),
        color: z.string(),
        hold: z.boolean(),
        kind: z.enum(["system", "custom"]),
        systemCode: z.string().nullable(),
      }),
    ),
    allowedActions: z.array(z.string()),
    waitingFor: z.array(z.string()),
    holds: z
      .array(
        z.object({
          name: z.string(),
          tagId: z.string().nullable(),
          hold: z.boolean(),
          why: z.string(),
          howToClear: z.string(),
          action: z.string().nullable(),
        }),
      )
      .describe("保留・要対応の理由と解消のしかた(タグと待ち理由ごと)"),
    version: z.int().describe("受注修正で送る版(PATCH の version)"),
    mallEdit: z
      .enum(["told", "not_told", "none"])
      .describe(
        "受注修正をモールに伝えるか: told 伝える / not_told モールには反映されない / none モールの注文ではない",
      ),
    b2b: orderB2bSchema,
    events: z.array(
      z.object({
        at: z.string(),
        actor: z.string().describe("user:<id> / token:<id> / system[:job](名前は actedBy)"),
        actedBy: actedBySchema,
        type: z.string(),
        fromStatus: z.string().nullable(),
        toStatus: z.string().nullable(),
        message: z.string(),
        detail: z.unknown(),
      }),
    ),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Order");

export type OrderView = z.infer<typeof orderSchema>;
export type OrderSummaryView = z.infer<typeof orderSummarySchema>;

const csv = <T extends string>(values: readonly T[], what: string) =>
  z
    .string()
    .transform((s) => s.split(",").map((v) => v.trim()))
    .pipe(z.array(z.enum(values as [T, ...T[]], `${what}は ${values.join(", ")} のいずれかです`)));

export const orderListQuerySchema = z.object({
  status: csv(ORDER_STATUSES, "status").optional(),
  shippingStatus: csv(SHIPPING_STATUSES, "shippingStatus").optional(),
  shopId: uuid("shopIdはUUIDで指定してください").optional(),
  tag: uuid("tagはタグのIDで指定してください").optional(),
  q: z.string().trim().min(1).max(100, "検索語は100文字以内です").optional(),
  orderedFrom: isoTime.optional(),
  orderedTo: isoTime.optional(),
  shippedFrom: isoTime.optional().describe("出荷日(から): いずれかの出荷がこの時刻以降に出荷済"),
  shippedTo: isoTime.optional().describe("出荷日(まで)"),
  plannedShipFrom: day.optional().describe("出荷予定日(から) YYYY-MM-DD"),
  plannedShipTo: day.optional().describe("出荷予定日(まで) YYYY-MM-DD"),
  includeDeleted: z.enum(["true", "false"], "includeDeletedは true か false です").optional(),
  cancelRequested: z
    .enum(["true", "false"], "cancelRequestedは true か false です")
    .optional()
    .describe("true: 発注者がキャンセルを希望している(回答待ちの)BtoBの注文だけ"),
  sort: z.enum(["orderedAt", "-orderedAt"], "sortは orderedAt か -orderedAt です").optional(),
  limit: z.coerce
    .number("limitは整数です")
    .int("limitは整数です")
    .min(1)
    .max(500, "limitは500までです")
    .optional(),
  cursor: z.string().max(200).optional(),
});

export type OrderListQuery = z.infer<typeof orderListQuerySchema>;
