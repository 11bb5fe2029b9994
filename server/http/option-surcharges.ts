import { createRoute, z } from "@hono/zod-openapi";
import {
  importOptionSurcharges,
  listOptionSurcharges,
  optionSurchargeCsv,
} from "#server/app/catalog/option-surcharges.ts";
import type { AppContext } from "#server/app/context.ts";
import { uuid } from "#server/domain/fields.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

const idParam = z.object({ id: uuid("ショップIDはUUIDです") });
const csvContent = { "text/csv": { schema: z.string().openapi({ format: "binary" }) } };

const entry = z
  .object({
    mallItemCode: z.string().describe("商品管理番号。空 = ショップの全商品(共通項目選択肢)"),
    name: z.string().describe("項目名"),
    choice: z.string().describe("選択肢"),
    amount: z.int().describe("金額(1個あたり、税込、円)。値引きは負"),
  })
  .openapi("OptionSurcharge");

const reportRow = z.object({
  line: z.int().describe("CSVの行番号(見出し = 1)"),
  outcome: z.enum(["set", "removed", "error"]).describe("登録・変更 / 削除(金額が空) / エラー"),
  problems: z.array(
    z.object({
      field: z.string().describe("列名(行全体なら「行」)"),
      rule: z.enum(["required", "integer", "range", "duplicate", "max_length", "columns"]),
      message: z.string(),
    }),
  ),
});

/** オプション金額表 (項目選択肢の加算額): the list, its Shift_JIS CSV, and the CSV upload with a per-row report. */
export function registerOptionSurchargeRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/shops/{id}/option-surcharges",
      summary: "オプション金額表(項目選択肢の加算額)",
      ...requires("catalog:read"),
      request: { params: idParam },
      responses: {
        200: json(
          z.object({ items: z.array(entry), truncated: z.boolean().describe("1,000件を超えた分はCSVで") }),
          "商品管理番号・項目名・選択肢の順",
        ),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(await listOptionSurcharges(ctx, c.get("auth").accountId, c.req.valid("param").id), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/shops/{id}/option-surcharges.csv",
      summary: "オプション金額表のCSV(Shift_JIS)",
      ...requires("catalog:read"),
      request: { params: idParam },
      responses: {
        200: { content: csvContent, description: "商品管理番号,項目名,選択肢,金額" },
        ...errorResponses,
      },
    }),
    async (c) => {
      const bytes = await optionSurchargeCsv(ctx, c.get("auth").accountId, c.req.valid("param").id);
      return new Response(new Uint8Array(bytes), {
        headers: {
          "content-type": "text/csv; charset=Shift_JIS",
          "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent("オプション金額表.csv")}`,
        },
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/shops/{id}/option-surcharges.csv",
      summary: "オプション金額表のCSV取込(行ごとの結果)",
      description:
        "本文はCSVファイルそのもの(Shift_JISまたはUTF-8)。見出しは「商品管理番号,項目名,選択肢,金額」。" +
        "同じ商品管理番号・項目名・選択肢の行は金額を変更し、金額が空の行は削除します。誤りのある行は列とルールを返し、他の行は取り込みます。" +
        "取込後、請求金額不一致で保留中の注文を新しい金額で確かめ直します。",
      ...requires("catalog:write"),
      request: { params: idParam, body: { content: csvContent, required: true } },
      responses: {
        200: json(
          z.object({
            rows: z.array(reportRow),
            set: z.int(),
            removed: z.int(),
            failed: z.int(),
            released: z.int().describe("金額が一致して保留が外れた注文の数"),
          }),
          "行ごとの結果",
        ),
        ...errorResponses,
      },
    }),
    async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      return c.json(
        await importOptionSurcharges(ctx, c.get("auth").accountId, c.req.valid("param").id, bytes),
        200,
      );
    },
  );
}
