import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { AppContext } from "#server/app/context.ts";
import { ping } from "#server/db/database.ts";
import { type HttpEnv, requireAuth } from "./auth.ts";
import { registerOrderRoutes } from "./orders.ts";
import { problemResponse, Refusal, validationRefusal } from "./problem.ts";
import { registerProductRoutes } from "./products.ts";
import { registerShopRoutes } from "./shops.ts";
import { registerTagRoutes } from "./tags.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

export type JuchuApi = OpenAPIHono<HttpEnv>;

export function createHttpApp(
  ctx: AppContext,
  info: { database: "pglite" | "postgres"; version: string },
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
    console.error(error);
    return c.json(
      {
        type: "about:blank",
        title: "Internal Server Error",
        status: 500,
        code: "internal",
        detail: "内部エラーが発生しました。",
      },
      500,
    );
  });
  app.notFound((c) =>
    problemResponse(c, new Refusal("route.not_found", `${c.req.method} ${c.req.path} はありません。`)),
  );

  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new Refusal("request.too_large", `リクエスト本文は${MAX_BODY_BYTES / 1024}KBまでです。`);
      },
    }),
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

  app.use("/api/*", async (c, next) => {
    if (c.req.path === "/api/health" || c.req.path === "/api/openapi.json") return next();
    return requireAuth(ctx.db)(c, next);
  });

  registerOrderRoutes(app, ctx);
  registerShopRoutes(app, ctx);
  registerTagRoutes(app, ctx);
  registerProductRoutes(app, ctx);
  return app;
}
