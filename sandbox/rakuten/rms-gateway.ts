import { cancelOrder } from "./cancel-order.ts";
import { confirmOrder } from "./confirm-order.ts";
import { getOrder } from "./get-order.ts";
import { gateway, type Reply } from "./http-reply.ts";
import { bulkGet, bulkUpsert } from "./inventory.ts";
import { advanceMall } from "./mall-progress.ts";
import type { RmsHandler } from "./rms-call.ts";
import { searchOrder } from "./search-order.ts";
import type { MallState, Shop } from "./state.ts";
import { updateOrderShipping } from "./update-order-shipping.ts";

/**
 * The front door of api.rms.rakuten.co.jp: which function a path is, whether the ESA credentials
 * open a shop, whether the body is JSON — in that order, each with the gateway's own error body —
 * before the function itself sees the call.
 */

const functions: Record<string, RmsHandler> = {
  "/es/2.0/order/searchOrder": searchOrder,
  "/es/2.0/order/getOrder": getOrder,
  "/es/2.0/order/confirmOrder": confirmOrder,
  "/es/2.0/order/updateOrderShipping": updateOrderShipping,
  "/es/2.0/order/cancelOrder": cancelOrder,
  "/es/2.0/inventories/bulk-upsert": bulkUpsert,
  "/es/2.1/inventories/bulk-upsert": bulkUpsert,
  "/es/2.0/inventories/bulk-get": bulkGet,
};

export type RmsRequest = {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  bodyText: string;
};

/** The official URLs of the order API end in a slash, the inventory ones do not; both spellings work. */
export const rmsFunction = (path: string): RmsHandler | undefined => functions[path.replace(/\/+$/, "")];

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
  const handler = rmsFunction(request.path);
  if (!handler) return { reply: gateway.notFound(), shopId: null };
  if (request.method !== "POST") return { reply: gateway.methodNotAllowed(), shopId: null };
  const now = state.now();
  const shop = shopFor(state, request.authorization, now);
  if (!shop) return { reply: gateway.unauthorised(), shopId: null };
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
  const reply = handler({ state, shop, body: body as Record<string, unknown>, now, path: request.path });
  return { reply, shopId: shop.shopId };
}
