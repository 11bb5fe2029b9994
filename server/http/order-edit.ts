import { createRoute, z } from "@hono/zod-openapi";
import { refetchMallOrder } from "#server/app/channels/refetch-mall-order.ts";
import type { AppContext } from "#server/app/context.ts";
import { editOrder } from "#server/app/orders/edit-order.ts";
import { uuid } from "#server/domain/fields.ts";
import { PAYMENT_METHODS } from "#server/domain/payment.ts";
import { PREFECTURES } from "#server/domain/prefectures.ts";
import { SHIPPING_SERVICES } from "#server/domain/shipping-service.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";
import { orderSchema } from "./order-schemas.ts";
import { presentOrder } from "./present-order.ts";

const yen = (what: string) =>
  z.int(`${what}は整数(円)で指定してください`).min(0, `${what}は0以上で指定してください`).max(1_000_000_000);
const text = (max: number, what: string) =>
  z
    .string(`${what}は文字列で指定してください`)
    .trim()
    .min(1, `${what}を入力してください`)
    .max(max, `${what}は${max}文字以内です`);
const quantity = z.int("数量は整数で指定してください").min(1, "数量は1以上で指定してください").max(9999);

export const orderEditSchema = z
  .object({
    version: z.int("versionは整数です").describe("編集を始めたときの注文の version(GET の version)"),
    shipTo: z
      .object({
        name: text(100, "送付先氏名"),
        postalCode: z.string().regex(/^\d{3}-?\d{4}$/, "郵便番号は7桁(例: 100-0001)で指定してください"),
        prefecture: z.enum(PREFECTURES, "都道府県名が正しくありません"),
        address1: text(200, "住所1"),
        address2: z.string().max(200).optional(),
        phone: z.string().regex(/^[0-9+\-() ]{10,20}$/, "電話番号の形式が正しくありません"),
      })
      .optional(),
    items: z
      .array(
        z.union([
          z.object({ id: uuid("明細IDはUUIDです"), quantity: quantity.optional() }),
          z.object({
            mallItemCode: text(100, "商品管理番号"),
            mallSkuCode: z.string().trim().max(100).optional(),
            name: text(255, "商品名"),
            unitPrice: yen("単価"),
            quantity,
          }),
        ]),
        "itemsは配列で指定してください",
      )
      .max(200, "明細は200行までです")
      .optional()
      .describe("編集後の明細すべて: id のある行は残して数量を変え、id のない行は追加、載せなかった行は削除"),
    amounts: z
      .object({
        shippingFee: yen("送料").optional(),
        fees: yen("手数料").optional(),
        couponDiscount: yen("値引き").optional(),
      })
      .optional(),
    paymentMethod: z
      .enum(Object.keys(PAYMENT_METHODS) as [keyof typeof PAYMENT_METHODS], "支払方法が正しくありません")
      .optional(),
    shippingService: z.enum(SHIPPING_SERVICES, "配送方法が正しくありません").nullable().optional(),
  })
  .openapi("OrderEdit");

const orderId = z.object({ id: uuid("注文IDはUUIDです") });

/** 受注修正 and 再取得: the order screen's fixes for what holds an order. */
export function registerOrderEditRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/orders/{id}",
      summary: "受注修正(出荷依頼前)",
      description:
        "送付先・明細(数量変更・追加・削除、在庫は同じトランザクションで引き当て直し)・金額(送料・手数料・値引き、請求金額は再計算)・支払方法・配送方法を変更します。出荷作業中以降は 409(order.edit_not_allowed)、version が古ければ 409(order.edit_conflict)。",
      ...requires("orders:write"),
      request: {
        params: orderId,
        body: { content: { "application/json": { schema: orderEditSchema } }, required: true },
      },
      responses: {
        200: json(
          orderSchema.extend({
            mallReflection: z
              .enum(["told", "not_told", "none"])
              .describe("モールに伝えたか: not_told はモールには反映されません"),
          }),
          "修正した注文",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const id = c.req.valid("param").id;
      const body = c.req.valid("json");
      const { mall } = await editOrder(ctx, actor, accountId, id, {
        ...body,
        items: body.items?.map((i) => ("id" in i ? i : { ...i, mallSkuCode: i.mallSkuCode ?? "" })),
      });
      return c.json({ ...(await presentOrder(ctx, accountId, id)), mallReflection: mall }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/orders/{id}/refetch",
      summary: "モールから再取得",
      description:
        "注文をいまモールから読み直し、取込と同じ規則で反映します(金額確定・ギフト住所・キャンセルなど)。",
      ...requires("orders:write"),
      request: { params: orderId },
      responses: {
        200: json(
          orderSchema.extend({
            refetchOutcome: z.string().describe("updated 変更を反映 / unchanged 変更なし"),
          }),
          "再取得した注文",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { accountId, actor } = c.get("auth");
      const id = c.req.valid("param").id;
      const { outcome } = await refetchMallOrder(ctx, actor, accountId, id);
      return c.json({ ...(await presentOrder(ctx, accountId, id)), refetchOutcome: outcome }, 200);
    },
  );
}
