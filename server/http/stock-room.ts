import { createRoute, z } from "@hono/zod-openapi";
import { renderDeliveryNotes } from "#server/adapters/documents/delivery-note.ts";
import { renderPickingList } from "#server/adapters/documents/picking-list.ts";
import type { AppContext } from "#server/app/context.ts";
import { carrierSlipCsv } from "#server/app/shipping/carrier-slips.ts";
import { deliveryNotes } from "#server/app/shipping/delivery-notes.ts";
import { importTrackingNumbers, trackingProfilesOf } from "#server/app/shipping/import-tracking.ts";
import { shipmentDeliveryNote } from "#server/app/shipping/shipment-delivery-note.ts";
import { pickingList } from "#server/app/shipping/stock-room.ts";
import { encodeCarrierCsv } from "#server/carriers/csv-encoding.ts";
import { CARRIER_CSV_FORMATS } from "#server/carriers/registry.ts";
import { CARRIER_CODES } from "#server/domain/carrier.ts";
import { uuid } from "#server/domain/fields.ts";
import { tokyoDate } from "#server/domain/tokyo-time.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";
import { accountWarehouse } from "./warehouses.ts";

const FORMATS = CARRIER_CSV_FORMATS.map((f) => f.code) as [string, ...string[]];
const idParam = z.object({ id: uuid("IDはUUIDです") });
const shipmentIdList = z
  .string()
  .optional()
  .describe("カンマ区切りの出荷ID。省略時はこの倉庫で出荷中の全て")
  .transform((v) => (v ? v.split(",").filter(Boolean) : undefined))
  .pipe(z.array(uuid("shipmentIdsはUUIDのカンマ区切りです")).optional());
const file = (type: string, description: string) => ({
  content: { [type]: { schema: z.string().openapi({ format: "binary" }) } },
  description,
});

const carrierCsvAnswer = z
  .object({
    fileName: z.string(),
    contentType: z.literal("text/csv; charset=Shift_JIS"),
    csvBase64: z.string().nullable().describe("CSVファイル(Base64)。入れられる出荷が1件もなければnull"),
    included: z.array(z.object({ shipmentId: uuid(), slipNumber: z.string() })),
    leftOut: z
      .array(
        z.object({
          shipmentId: uuid(),
          slipNumber: z.string(),
          orderId: uuid(),
          mallOrderNumber: z.string(),
          problems: z.array(
            z.object({
              field: z.string().describe("配送会社の項目名"),
              rule: z.enum(["max_length", "required", "unencodable_character", "format", "not_offered"]),
              message: z.string(),
              value: z.string(),
              screen: z.string().describe("直す画面(メニューの名前)"),
              path: z.string().describe("その画面のアドレス"),
            }),
          ),
        }),
      )
      .describe("問題があってCSVから外した出荷"),
  })
  .openapi("CarrierCsvExport");

const trackingRowSchema = z.object({
  line: z.int(),
  slipNumber: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  outcome: z.enum(["shipped", "already_shipped", "error"]),
  message: z.string(),
});

const profileSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    carrier: z.enum(CARRIER_CODES).nullable(),
    slipNumberColumn: z.string(),
    trackingNumberColumn: z.string(),
    shippedOnColumn: z.string().nullable(),
    carrierColumn: z.string().nullable(),
  })
  .openapi("TrackingImportProfile");

/** 自社倉庫の出荷作業: picking list, carrier slips, tracking-number import, 納品書. */
export function registerStockRoomRoutes(app: JuchuApi, ctx: AppContext): void {
  const pdf = (bytes: Uint8Array, name: string) =>
    new Response(Buffer.from(bytes), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
      },
    });

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/warehouses/{id}/picking-list.pdf",
      summary: "ピッキングリスト(PDF)",
      ...requires("shipping:read"),
      request: { params: idParam, query: z.object({ shipmentIds: shipmentIdList }) },
      responses: { 200: file("application/pdf", "ピッキングリスト"), ...errorResponses },
    }),
    async (c) => {
      const list = await pickingList(
        ctx,
        c.get("auth").accountId,
        c.req.valid("param").id,
        c.req.valid("query").shipmentIds,
      );
      return pdf(await renderPickingList(list), `picking-${tokyoDate(list.generatedAt)}.pdf`) as never;
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/warehouses/{id}/carrier-csv",
      summary: `送り状データ(${CARRIER_CSV_FORMATS.map((f) => f.label).join("・")}、Shift_JIS・CRLF)`,
      description:
        "問題のない出荷だけのCSV(Base64)と、外した出荷ごとの項目・規則・直す画面を1つのJSONで返します。" +
        "倉庫設定の不備(請求先顧客コードなど)はどの送り状にも関わるため422です。",
      ...requires("shipping:read"),
      request: {
        params: idParam,
        body: {
          required: true,
          content: {
            "application/json": {
              schema: z.object({
                format: z.enum(FORMATS, { error: `形式は ${FORMATS.join(", ")} のいずれかです` }),
                shipmentIds: z
                  .array(uuid("shipmentIdsはUUIDです"))
                  .max(500, "一度に500件までです")
                  .optional()
                  .describe("省略時はこの倉庫で出荷中の全て"),
              }),
            },
          },
        },
      },
      responses: { 200: json(carrierCsvAnswer, "送り状データと、外した出荷"), ...errorResponses },
    }),
    async (c) => {
      const { format, shipmentIds } = c.req.valid("json");
      const answer = await carrierSlipCsv(
        ctx,
        c.get("auth").accountId,
        c.req.valid("param").id,
        format,
        shipmentIds,
      );
      return c.json(
        {
          fileName: `${format}-${tokyoDate(ctx.clock.now())}.csv`,
          contentType: "text/csv; charset=Shift_JIS" as const,
          csvBase64: answer.csv
            ? Buffer.from(encodeCarrierCsv(answer.csv.header, answer.csv.rows)).toString("base64")
            : null,
          included: answer.included,
          leftOut: answer.leftOut,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/warehouses/{id}/tracking-import-profiles",
      summary: "伝票番号CSVの取込設定(標準と、この倉庫で登録したもの)",
      ...requires("shipping:read"),
      request: { params: idParam },
      responses: { 200: json(z.object({ items: z.array(profileSchema) }), "取込設定"), ...errorResponses },
    }),
    async (c) => {
      const w = await accountWarehouse(ctx, c.get("auth").accountId, c.req.valid("param").id);
      return c.json({ items: trackingProfilesOf(w.settings) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/warehouses/{id}/tracking-imports",
      summary: "伝票番号CSVの取込(出荷済にしてモールへ反映)",
      description: "本文はCSVファイルそのもの(Shift_JISまたはUTF-8)。結果は行ごとに返します。",
      ...requires("shipping:write"),
      request: {
        params: idParam,
        query: z.object({ profile: z.string().min(1, "取込設定(profile)を指定してください") }),
        body: {
          content: { "text/csv": { schema: z.string().openapi({ format: "binary" }) } },
          required: true,
        },
      },
      responses: {
        200: json(
          z.object({ rows: z.array(trackingRowSchema), shipped: z.int(), failed: z.int() }),
          "行ごとの結果",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const report = await importTrackingNumbers(
        ctx,
        c.get("auth").accountId,
        c.req.valid("param").id,
        c.req.valid("query").profile,
        bytes,
      );
      return c.json(report, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/orders/{id}/delivery-note.pdf",
      summary: "納品書(PDF)",
      ...requires("shipping:read"),
      request: { params: idParam },
      responses: { 200: file("application/pdf", "納品書"), ...errorResponses },
    }),
    async (c) => {
      const notes = await deliveryNotes(ctx, c.get("auth").accountId, [c.req.valid("param").id]);
      return pdf(
        await renderDeliveryNotes(notes),
        `delivery-note-${notes[0]?.orderNumber ?? ""}.pdf`,
      ) as never;
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/shipments/{id}/delivery-note.pdf",
      summary: "出荷(個口)ごとの納品書(PDF): その個口の商品とお届け先",
      ...requires("shipping:read"),
      request: { params: idParam },
      responses: { 200: file("application/pdf", "納品書"), ...errorResponses },
    }),
    async (c) => {
      const note = await shipmentDeliveryNote(ctx, c.get("auth").accountId, c.req.valid("param").id);
      const name = note.parcel ? `${note.orderNumber}-${note.parcel.index}` : note.orderNumber;
      return pdf(await renderDeliveryNotes([note]), `delivery-note-${name}.pdf`) as never;
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/delivery-notes.pdf",
      summary: "納品書をまとめて(PDF、注文ごとに改ページ)",
      ...requires("shipping:read"),
      request: {
        body: {
          content: {
            "application/json": {
              schema: z.object({
                orderIds: z.array(uuid("orderIdsはUUIDです")).min(1, "注文を選んでください").max(500),
              }),
            },
          },
        },
      },
      responses: { 200: file("application/pdf", "納品書"), ...errorResponses },
    }),
    async (c) => {
      const notes = await deliveryNotes(ctx, c.get("auth").accountId, c.req.valid("json").orderIds);
      return pdf(
        await renderDeliveryNotes(notes),
        `delivery-notes-${tokyoDate(ctx.clock.now())}.pdf`,
      ) as never;
    },
  );
}
