import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { AppContext } from "#server/app/context.ts";
import { ping } from "#server/db/database.ts";
import { loggableError } from "#server/db/errors.ts";
import { registerApiTokenRoutes } from "./api-tokens.ts";
import { registerAttentionRoutes } from "./attention.ts";
import { CSRF_HEADER, type HttpEnv, requireAuth, SESSION_COOKIE } from "./auth.ts";
import { registerB2bCancelRequestRoutes } from "./b2b-cancel-requests.ts";
import { registerB2bCompanyRoutes } from "./b2b-companies.ts";
import { registerB2bDeskRoutes } from "./b2b-desk.ts";
import { registerB2bInvoiceRoutes } from "./b2b-invoices.ts";
import { buyerApi } from "./buyer/app.ts";
import { BUYER_API } from "./buyer/auth.ts";
import { refuseBadCharacters } from "./clean-input.ts";
import { registerCsvOrderProfileRoutes } from "./csv-order-profiles.ts";
import { CSV_UPLOAD_PATH, registerCsvOrderRoutes } from "./csv-orders.ts";
import { registerCustomerRankRoutes } from "./customer-ranks.ts";
import { registerCustomerRoutes } from "./customers.ts";
import { registerDeliveryConditionRoutes } from "./delivery-conditions.ts";
import { registerInquiryRoutes } from "./inquiries.ts";
import { INVITATION_PATH_PREFIX, registerInvitationRoutes } from "./invitations.ts";
import { registerMailLogRoutes } from "./mail-log.ts";
import { registerMailTemplateRoutes } from "./mail-templates.ts";
import { registerMeRoutes } from "./me.ts";
import { registerOptionSurchargeRoutes } from "./option-surcharges.ts";
import { registerOrderBulkRoutes } from "./order-bulk.ts";
import { registerOrderBulkRunRoutes } from "./order-bulk-runs.ts";
import { registerOrderCountRoutes } from "./order-counts.ts";
import { registerOrderEditRoutes } from "./order-edit.ts";
import { registerOrderExportRoutes } from "./order-exports.ts";
import { registerOrderRoutes } from "./orders.ts";
import { registerPlanRoutes } from "./plan.ts";
import { problemResponse, Refusal, validationRefusal } from "./problem.ts";
import { PRODUCT_UPLOAD_PATH, registerProductImportRoutes } from "./product-imports.ts";
import { registerProductRoutes } from "./products.ts";
import { registerSavedSearchRoutes } from "./saved-searches.ts";
import { registerSessionRoutes, SESSION_PATHS } from "./session.ts";
import { registerSetupChecklistRoutes } from "./setup-checklist.ts";
import { registerShipmentRoutes } from "./shipments.ts";
import { registerShopImportRoutes } from "./shop-imports.ts";
import { registerShopMasterRoutes } from "./shop-masters.ts";
import { registerShopRoutes } from "./shops.ts";
import { registerStockRoomRoutes } from "./stock-room.ts";
import { registerTagRoutes } from "./tags.ts";
import { registerUserRoutes } from "./users.ts";
import { registerVocabularyRoutes } from "./vocabulary.ts";
import { registerWarehouseCalendarRoutes } from "./warehouse-calendar.ts";
import { registerWarehouseRoutes } from "./warehouses.ts";
import { serveWeb } from "./web.ts";
import { registerWebhookRoutes } from "./webhooks.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

export type JuchuApi = OpenAPIHono<HttpEnv>;

export function createHttpApp(
  ctx: AppContext,
  info: {
    database: "pglite" | "postgres";
    version: string;
    webRoot?: string;
    /** JUCHU_PUBLIC_URL: where people open the admin, for links in invitation mails. */
    publicUrl?: string | undefined;
  },
): JuchuApi {
  const app: JuchuApi = new OpenAPIHono<HttpEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationRefusal(result.error);
    },
  });

  app.onError((error, c) => {
    if (error instanceof Refusal) return problemResponse(c, error);
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(
        c,
        new Refusal("request.malformed", `リクエストを読み取れません: ${error.message}`),
      );
    }
    console.error(`${c.req.method} ${c.req.path} failed:\n${loggableError(error)}`);
    return problemResponse(c, new Refusal("internal", "内部エラーが発生しました。"));
  });
  app.notFound((c) =>
    problemResponse(c, new Refusal("route.not_found", `${c.req.method} ${c.req.path} はありません。`)),
  );

  // Answers carry buyers' names and addresses: no cache keeps them, no browser guesses their type.
  app.use("/api/*", async (c, next) => {
    await next();
    c.header("x-content-type-options", "nosniff");
    c.header("cache-control", "no-store");
  });
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new Refusal("request.too_large", `リクエスト本文は${MAX_BODY_BYTES / 1024}KBまでです。`);
    },
  });
  // An order or item CSV streams to the database piece by piece under its own, larger cap (start-import.ts).
  const streamed = [CSV_UPLOAD_PATH, PRODUCT_UPLOAD_PATH];
  app.use("/api/*", (c, next) =>
    c.req.method === "POST" && streamed.includes(c.req.path) ? next() : limitBody(c, next),
  );

  app.get("/api/health", async (c) => {
    await ping(ctx.db);
    return c.json({ status: "ok", database: info.database, version: info.version });
  });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Juchu API", version: info.version, description: "受注管理 Juchu の公開API" },
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: `変更系のリクエストには ${CSRF_HEADER} ヘッダー(GET /api/session の csrfToken)も必要です`,
  });

  app.use("/api/*", async (c, next) => {
    const path = c.req.path;
    if (
      path === "/api/health" ||
      path === "/api/openapi.json" ||
      SESSION_PATHS.has(path) ||
      path.startsWith(INVITATION_PATH_PREFIX) ||
      // The buyer portal's API answers its own principal (buyer/auth.ts), never a merchant's.
      path === BUYER_API ||
      path.startsWith(`${BUYER_API}/`)
    )
      return next();
    return requireAuth(ctx.db, ctx.clock)(c, next);
  });
  app.use("/api/*", refuseBadCharacters);

  registerSessionRoutes(app, ctx);
  registerInvitationRoutes(app, ctx);
  registerMeRoutes(app, ctx);
  registerUserRoutes(app, ctx, info.publicUrl);
  registerApiTokenRoutes(app, ctx);
  registerAttentionRoutes(app, ctx);
  // Before the order routes: /api/orders/{id} would otherwise claim /api/orders/counts.
  registerOrderCountRoutes(app, ctx);
  registerOrderBulkRoutes(app, ctx);
  registerOrderBulkRunRoutes(app, ctx);
  registerOrderRoutes(app, ctx);
  registerOrderEditRoutes(app, ctx);
  registerB2bCancelRequestRoutes(app, ctx);
  registerB2bInvoiceRoutes(app, ctx);
  registerShopRoutes(app, ctx);
  registerShopImportRoutes(app, ctx);
  registerSetupChecklistRoutes(app, ctx);
  registerShopMasterRoutes(app, ctx);
  registerInquiryRoutes(app, ctx);
  registerTagRoutes(app, ctx);
  registerCustomerRoutes(app, ctx);
  registerCustomerRankRoutes(app, ctx);
  registerProductRoutes(app, ctx);
  registerProductImportRoutes(app, ctx);
  registerOptionSurchargeRoutes(app, ctx);
  registerDeliveryConditionRoutes(app, ctx);
  registerWarehouseRoutes(app, ctx);
  registerWarehouseCalendarRoutes(app, ctx);
  registerShipmentRoutes(app, ctx);
  registerStockRoomRoutes(app, ctx);
  registerMailTemplateRoutes(app, ctx);
  registerMailLogRoutes(app, ctx);
  const fileUpload = ctx.channels.fileUpload?.upload;
  if (fileUpload) registerCsvOrderRoutes(app, ctx, fileUpload);
  registerCsvOrderProfileRoutes(app, ctx, fileUpload);
  registerSavedSearchRoutes(app, ctx);
  registerOrderExportRoutes(app, ctx);
  registerWebhookRoutes(app, ctx);
  registerVocabularyRoutes(app, ctx.channels);
  registerB2bCompanyRoutes(app, ctx);
  registerB2bDeskRoutes(app, ctx, info.publicUrl);
  app.route("/", buyerApi(ctx, info.version));
  registerPlanRoutes(app, ctx);
  app.on(["GET", "HEAD"], "*", serveWeb(info.webRoot));
  return app;
}
