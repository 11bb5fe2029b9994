import { createRoute, z } from "@hono/zod-openapi";
import type { AppContext } from "#server/app/context.ts";
import {
  createCsvProfile,
  deleteCsvProfile,
  listCsvProfiles,
  updateCsvProfile,
} from "#server/app/csv-orders/profiles.ts";
import { addressesOfPostalCode } from "#server/domain/postal-address.ts";
import type { OrderFileUpload } from "#server/ports/order-upload.ts";
import type { JuchuApi } from "./app.ts";
import { errorResponses, json, requires } from "./openapi.ts";

const columnList = z
  .array(z.string().trim().min(1).max(100, "列名は100文字以内です"))
  .max(5, "1項目に5列までです");
/** The layout's schemas from the channel's own vocabulary: its encodings, date layouts and fields. */
function profileSchemas(upload: OrderFileUpload) {
  const fieldNames = z.enum(upload.fields.map((f) => f.field) as [string, ...string[]]);
  const input = z
    .object({
      name: z.string().trim().min(1, "名前を入力してください").max(100, "名前は100文字以内です"),
      encoding: z.enum(upload.encodings, `文字コードは ${upload.encodings.join(", ")} のいずれかです`),
      headerRow: z.boolean(),
      dateFormat: z.enum(upload.dateFormats, `日付の形式は ${upload.dateFormats.join(", ")} のいずれかです`),
      columns: z.partialRecord(fieldNames, columnList),
    })
    .superRefine((p, c) => {
      for (const problem of upload.layoutProblems(p)) c.addIssue({ code: "custom", ...problem });
    })
    .openapi("CsvOrderProfileInput");
  const profile = z
    .object({
      id: z.string(),
      builtIn: z.boolean().describe("標準の取込設定(変更・削除不可)"),
      name: z.string(),
      encoding: z.enum(upload.encodings),
      headerRow: z.boolean(),
      dateFormat: z.enum(upload.dateFormats),
      columns: z.partialRecord(fieldNames, z.array(z.string())),
    })
    .openapi("CsvOrderProfile");
  return { input, profile };
}
const fieldsSchema = z.array(z.object({ field: z.string(), label: z.string(), required: z.boolean() }));

const idParam = z.object({ id: z.string().min(1).max(100) });

/** 取込設定 (the merchant's CSV column profiles) and the postal-code lookup 受注登録 fills addresses with. */
export function registerCsvOrderProfileRoutes(
  app: JuchuApi,
  ctx: AppContext,
  upload: OrderFileUpload | undefined,
): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/postal-codes/{code}",
      summary: "郵便番号から住所(受注登録の入力補助)",
      ...requires("orders:read"),
      request: { params: z.object({ code: z.string().regex(/^\d{3}-?\d{4}$/, "郵便番号は7桁です") }) },
      responses: {
        200: json(
          z.object({
            items: z.array(z.object({ prefecture: z.string(), city: z.string(), town: z.string() })),
          }),
          "その郵便番号の住所(ないときは空)",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json({ items: addressesOfPostalCode(c.req.valid("param").code) }, 200),
  );

  // 取込設定 belong to the channel that reads order files; without one there is nothing to set.
  if (!upload) return;
  const { input: profileInput, profile: profileSchema } = profileSchemas(upload);

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/csv-order-profiles",
      summary: "受注CSVの取込設定の一覧(標準+自社)",
      ...requires("settings:read"),
      responses: {
        200: json(z.object({ items: z.array(profileSchema), fields: fieldsSchema }), "取込設定と項目"),
        ...errorResponses,
      },
    }),
    async (c) =>
      c.json(
        {
          items: await listCsvProfiles(ctx, c.get("auth").accountId),
          fields: upload.fields.map(({ field, label, required }) => ({ field, label, required })),
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/csv-order-profiles",
      summary: "受注CSVの取込設定を作る",
      ...requires("settings:write"),
      request: { body: { content: { "application/json": { schema: profileInput } }, required: true } },
      responses: { 201: json(profileSchema, "作った取込設定"), ...errorResponses },
    }),
    async (c) => c.json(await createCsvProfile(ctx, c.get("auth").accountId, c.req.valid("json")), 201),
  );

  app.openapi(
    createRoute({
      method: "put",
      path: "/api/csv-order-profiles/{id}",
      summary: "受注CSVの取込設定を変える",
      ...requires("settings:write"),
      request: {
        params: idParam,
        body: { content: { "application/json": { schema: profileInput } }, required: true },
      },
      responses: { 200: json(profileSchema, "取込設定"), ...errorResponses },
    }),
    async (c) =>
      c.json(
        await updateCsvProfile(ctx, c.get("auth").accountId, c.req.valid("param").id, c.req.valid("json")),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/csv-order-profiles/{id}",
      summary: "受注CSVの取込設定を削除",
      ...requires("settings:write"),
      request: { params: idParam },
      responses: { 200: json(z.object({ id: z.string() }), "削除した取込設定"), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      await deleteCsvProfile(ctx, c.get("auth").accountId, id);
      return c.json({ id }, 200);
    },
  );
}
