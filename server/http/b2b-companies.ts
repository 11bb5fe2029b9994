import { createRoute, z } from "@hono/zod-openapi";
import { companyOf, createCompany, listCompanies, updateCompany } from "#server/app/b2b/companies.ts";
import {
  addMailDestination,
  addShipTo,
  changeShipTo,
  listMailDestinations,
  listShipTo,
  removeMailDestination,
  removeShipTo,
} from "#server/app/b2b/company-contacts.ts";
import type { AppContext } from "#server/app/context.ts";
import { uuid } from "#server/domain/fields.ts";
import type { JuchuApi } from "./app.ts";
import {
  companyInputSchema,
  companySchema,
  mailDestinationSchema,
  presentCompany,
  presentMailDestination,
  presentShipTo,
  shipToEntrySchema,
  shipToInputSchema,
} from "./b2b-schemas.ts";
import { errorResponses, json, jsonBody, requires } from "./openapi.ts";
import { email } from "./session-view.ts";

const companyId = z.object({ id: uuid("取引先IDはUUIDです") });
const read = requires("b2b:read", "b2b_desk");
const write = requires("b2b:write", "b2b_desk");

/** 取引先: the merchant's buyer companies, their メール送信先 and 配送先アドレス帳. */
export function registerB2bCompanyRoutes(app: JuchuApi, ctx: AppContext): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/b2b/companies",
      summary: "取引先の一覧",
      ...read,
      responses: { 200: json(z.object({ items: z.array(companySchema) }), "取引先"), ...errorResponses },
    }),
    async (c) =>
      c.json({ items: (await listCompanies(ctx.db, c.get("auth").accountId)).map(presentCompany) }, 200),
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/b2b/companies",
      summary: "取引先の登録(最初の1社でBtoBのショップもできます)",
      ...write,
      request: jsonBody(companyInputSchema),
      responses: { 201: json(companySchema, "登録した取引先"), ...errorResponses },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const row = await createCompany(ctx, c.get("auth").accountId, {
        ...input,
        rank: input.rank ?? null,
        closingDay: input.closingDay ?? null,
        paymentDueDays: input.paymentDueDays ?? null,
        notes: input.notes ?? "",
      });
      return c.json(presentCompany(row), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/b2b/companies/{id}",
      summary: "取引先",
      ...read,
      request: { params: companyId },
      responses: { 200: json(companySchema, "取引先"), ...errorResponses },
    }),
    async (c) =>
      c.json(presentCompany(await companyOf(ctx.db, c.get("auth").accountId, c.req.valid("param").id)), 200),
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/b2b/companies/{id}",
      summary: "取引先の変更・無効化",
      ...write,
      request: {
        params: companyId,
        ...jsonBody(companyInputSchema.partial().extend({ disabled: z.boolean().optional() })),
      },
      responses: { 200: json(companySchema, "変更後の取引先"), ...errorResponses },
    }),
    async (c) => {
      const row = await updateCompany(
        ctx,
        c.get("auth").accountId,
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      return c.json(presentCompany(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/b2b/companies/{id}/mail-destinations",
      summary: "取引先のメール送信先(発注者へのメールはすべてに送ります)",
      ...read,
      request: { params: companyId },
      responses: {
        200: json(z.object({ items: z.array(mailDestinationSchema) }), "送信先"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const rows = await listMailDestinations(ctx.db, c.get("auth").accountId, c.req.valid("param").id);
      return c.json({ items: rows.map(presentMailDestination) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/b2b/companies/{id}/mail-destinations",
      summary: "メール送信先の追加",
      ...write,
      request: {
        params: companyId,
        ...jsonBody(z.object({ email, name: z.string().trim().max(100).optional() })),
      },
      responses: { 201: json(mailDestinationSchema, "追加した送信先"), ...errorResponses },
    }),
    async (c) => {
      const input = c.req.valid("json");
      const row = await addMailDestination(ctx, c.get("auth").accountId, c.req.valid("param").id, {
        email: input.email,
        name: input.name ?? "",
      });
      return c.json(presentMailDestination(row), 201);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/b2b/companies/{id}/mail-destinations/{destId}",
      summary: "メール送信先の削除",
      ...write,
      request: { params: companyId.extend({ destId: uuid("送信先IDはUUIDです") }) },
      responses: { 204: { description: "削除しました" }, ...errorResponses },
    }),
    async (c) => {
      const { id, destId } = c.req.valid("param");
      await removeMailDestination(ctx.db, c.get("auth").accountId, id, destId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/api/b2b/companies/{id}/ship-to",
      summary: "配送先アドレス帳",
      ...read,
      request: { params: companyId },
      responses: { 200: json(z.object({ items: z.array(shipToEntrySchema) }), "配送先"), ...errorResponses },
    }),
    async (c) => {
      const { accountId } = c.get("auth");
      const { id } = c.req.valid("param");
      await companyOf(ctx.db, accountId, id);
      return c.json({ items: (await listShipTo(ctx.db, accountId, id)).map(presentShipTo) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/api/b2b/companies/{id}/ship-to",
      summary: "配送先の追加",
      ...write,
      request: { params: companyId, ...jsonBody(shipToInputSchema) },
      responses: { 201: json(shipToEntrySchema, "追加した配送先"), ...errorResponses },
    }),
    async (c) => {
      const row = await addShipTo(ctx, c.get("auth").accountId, c.req.valid("param").id, c.req.valid("json"));
      return c.json(presentShipTo(row), 201);
    },
  );

  const shipToId = companyId.extend({ shipToId: uuid("配送先IDはUUIDです") });
  app.openapi(
    createRoute({
      method: "patch",
      path: "/api/b2b/companies/{id}/ship-to/{shipToId}",
      summary: "配送先の変更",
      ...write,
      request: { params: shipToId, ...jsonBody(shipToInputSchema.partial()) },
      responses: { 200: json(shipToEntrySchema, "変更後の配送先"), ...errorResponses },
    }),
    async (c) => {
      const { id, shipToId: entry } = c.req.valid("param");
      const row = await changeShipTo(ctx.db, c.get("auth").accountId, id, entry, c.req.valid("json"));
      return c.json(presentShipTo(row), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "delete",
      path: "/api/b2b/companies/{id}/ship-to/{shipToId}",
      summary: "配送先の削除(送った注文の住所はそのまま)",
      ...write,
      request: { params: shipToId },
      responses: { 204: { description: "削除しました" }, ...errorResponses },
    }),
    async (c) => {
      const { id, shipToId: entry } = c.req.valid("param");
      await removeShipTo(ctx.db, c.get("auth").accountId, id, entry);
      return c.body(null, 204);
    },
  );
}
