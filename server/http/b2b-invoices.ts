import { createRoute, z } from "@hono/zod-openapi";
import { renderInvoice } from "#server/adapters/documents/invoice.ts";
import { monthlyInvoice } from "#server/app/b2b/monthly-invoice.ts";
import type { AppContext } from "#server/app/context.ts";
import { uuid } from "#server/domain/fields.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, requires } from "./openapi.ts";

/** 月次請求書: one PDF per 掛け払い company and month, by its 締め日. */
export function registerB2bInvoiceRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/b2b/companies/{id}/invoices",
      summary: "月次請求書(PDF)",
      description:
        "請求期間は前月の締め日の翌日から当月の締め日まで。その間に全出荷済となった注文を載せ、B2B設定の適格請求書発行事業者登録番号を記載する。",
      ...requires("b2b:read", "b2b_desk"),
      request: {
        params: z.object({ id: uuid("取引先IDはUUIDです") }),
        query: z.object({
          month: z
            .string()
            .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "対象月は YYYY-MM で指定してください")
            .describe("締め日のある月(YYYY-MM)"),
        }),
      },
      responses: {
        200: {
          content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
          description: "請求書",
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { month } = c.req.valid("query");
      const invoice = await monthlyInvoice(ctx, c.get("auth").accountId, id, month);
      const bytes = await renderInvoice(invoice);
      const name = `invoice-${invoice.company.code}-${month}.pdf`;
      return new Response(Buffer.from(bytes), {
        headers: {
          "content-type": "application/pdf",
          "content-disposition": `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
        },
      }) as never;
    },
  );
}
