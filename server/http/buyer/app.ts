import { OpenAPIHono } from "@hono/zod-openapi";
import { Hono } from "hono";
import type { AppContext } from "#server/app/context.ts";
import { loggableError } from "#server/db/errors.ts";
import { problemResponse, Refusal, validationRefusal } from "../problem.ts";
import { BUYER_API, BUYER_SESSION_COOKIE, type BuyerEnv, requireBuyer } from "./auth.ts";
import { registerBuyerCancelRequestRoute } from "./cancel-request.ts";
import { registerBuyerOrderRoutes } from "./orders.ts";
import { isOpenBuyerPath, registerBuyerSessionRoutes } from "./session.ts";

/**
 * The buyer portal's API: its own principal (a buyer company's user), cookie and OpenAPI document
 * (/api/buyer/openapi.json), so nothing of it shows in — or is reachable with — the merchant's.
 * Answered as a plain Hono app: OpenAPIHono's route() would copy these routes into the merchant's
 * document.
 */
export function buyerApi(ctx: AppContext, version: string): Hono {
  const api = new OpenAPIHono<BuyerEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationRefusal(result.error);
    },
  }).basePath(BUYER_API);
  api.onError((error, c) => {
    if (error instanceof Refusal) return problemResponse(c, error);
    console.error(`${c.req.method} ${c.req.path} failed:\n${loggableError(error)}`);
    return problemResponse(c, new Refusal("internal", "内部エラーが発生しました。"));
  });
  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Juchu 発注者API", version, description: "受注管理 Juchu の発注者(BtoB取引先)向けAPI" },
  });
  api.openAPIRegistry.registerComponent("securitySchemes", "buyerSession", {
    type: "apiKey",
    in: "cookie",
    name: BUYER_SESSION_COOKIE,
    description:
      "変更系のリクエストには x-csrf-token ヘッダー(GET /api/buyer/session の csrfToken)も必要です",
  });
  const guard = requireBuyer(ctx.db, ctx.clock);
  api.use("*", (c, next) => (isOpenBuyerPath(c.req.method, c.req.path) ? next() : guard(c, next)));
  registerBuyerSessionRoutes(api, ctx);
  registerBuyerOrderRoutes(api, ctx);
  registerBuyerCancelRequestRoute(api, ctx);
  const mount = new Hono();
  mount.route("/", api as unknown as Hono);
  return mount;
}
