import { matchPath } from "../kit/control-router.ts";
import { cancelOrder } from "./cancel-order.ts";
import { confirmOrder } from "./confirm-order.ts";
import { getOrder } from "./get-order.ts";
import { gateway, type Reply } from "./http-reply.ts";
import { inquiryFunctions } from "./inquiries.ts";
import { bulkGet, bulkUpsert } from "./inventory.ts";
import { advanceMall } from "./mall-progress.ts";
import type { RmsFunctionRoute } from "./rms-call.ts";
import { searchOrder } from "./search-order.ts";
import type { MallState, Shop } from "./state.ts";
import { updateOrderShipping } from "./update-order-shipping.ts";

/**
 * The front door of api.rms.rakuten.co.jp: which function a method and path are, whether the ESA credentials
 * open a shop, whether the body is JSON — in that order, each with the gateway's own error body —
 * before the function itself sees the call.
 */

const post = (pattern: string, handler: RmsFunctionRoute["handler"]): RmsFunctionRoute => ({
  method: "POST",
  pattern,
  handler,
});

const functions: RmsFunctionRoute[] = [
  post("/es/2.0/order/searchOrder", searchOrder),
  post("/es/2.0/order/getOrder", getOrder),
  post("/es/2.0/order/confirmOrder", confirmOrder),
  post("/es/2.0/order/updateOrderShipping", updateOrderShipping),
  post("/es/2.0/order/cancelOrder", cancelOrder),
  post("/es/2.0/inventories/bulk-upsert", bulkUpsert),
  post("/es/2.1/inventories/bulk-upsert", bulkUpsert),
  post("/es/2.0/inventories/bulk-get", bulkGet),
  ...inquiryFunctions,
];

export type RmsRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  contentType: string | undefined;
  bodyText: string;
};

/**
 * The function a method and path call, with the path's named parts; "method" when the path is a
 * function's but not with this method. The official URLs of the order API end in a slash, the
 * inventory and inquiry ones do not; both spellings work.
 */
function resolve(
  method: string,
  path: string,
): { route: RmsFunctionRoute; params: Record<string, string> } | "method" | undefined {
  let pathKnown = false;
  for (const route of functions) {
    const params = matchPath(route.pattern, path);
    if (!params) continue;
    pathKnown = true;
    if (route.method === method) return { route, params };
  }
  return pathKnown ? "method" : undefined;
}

/** `ESA base64(serviceSecret:licenseKey)` → the shop, or undefined for anything else (or expired). */
export function shopFor(state: MallState, authorization: string | undefined, now: Date): Shop | undefined {
  const match = /^ESA ([A-Za-z0-9+/]+={0,2})$/.exec(authorization?.trim() ?? "");
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0) return undefined;
  const secret = decoded.slice(0, colon);
  const key = decoded.slice(colon + 1);
  for (const shop of state.shops.values()) {
    if (shop.serviceSecret === secret && shop.licenseKey === key) {
      return now < shop.licenseExpiresAt ? shop : undefined;
    }
  }
  return undefined;
}

/** JSON in UTF-8, said so: live RMS answers `application/json` without the charset with 415. */
const isJson = (contentType: string | undefined) =>
  /^application\/json\s*;\s*charset\s*=\s*"?utf-8"?\s*$/i.test(contentType?.trim() ?? "");

export function handleRms(state: MallState, request: RmsRequest): { reply: Reply; shopId: string | null } {
  advanceMall(state);
  const found = resolve(request.method, request.path);
  if (!found) return { reply: gateway.notFound(), shopId: null };
  if (found === "method") return { reply: gateway.methodNotAllowed(), shopId: null };
  const now = state.now();
  const shop = shopFor(state, request.authorization, now);
  if (!shop) return { reply: gateway.unauthorised(), shopId: null };
  const call = { state, shop, query: request.query, params: found.params, now, path: request.path };
  // A GET has no body to read: its parameters are in the query.
  if (request.method === "GET")
    return { reply: found.route.handler({ ...call, body: {} }), shopId: shop.shopId };
  if (!isJson(request.contentType)) return { reply: gateway.unsupportedMediaType(), shopId: shop.shopId };
  let body: unknown;
  try {
    body = JSON.parse(request.bodyText);
  } catch {
    return { reply: gateway.badRequest(), shopId: shop.shopId };
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return { reply: gateway.badRequest(), shopId: shop.shopId };
  }
  const reply = found.route.handler({ ...call, body: body as Record<string, unknown> });
  return { reply, shopId: shop.shopId };
}
