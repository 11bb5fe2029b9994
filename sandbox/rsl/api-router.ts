import { matchPath } from "../kit/control-router.ts";
import { earlierAnswer, fingerprint, remember } from "../kit/idempotency.ts";
import { error, type Reply, unauthorised } from "./http-reply.ts";
import { advanceWarehouse } from "./lifecycle.ts";
import {
  type ApiCall,
  createShipmentRequest,
  type Handled,
  showShipmentRequest,
  withdrawShipmentRequest,
} from "./shipment-requests.ts";
import { listShipmentResults } from "./shipment-results.ts";
import type { Merchant, RslState } from "./state.ts";

/**
 * RSL's API under /api/v1/: the Bearer key names the merchant, writes need an Idempotency-Key, and a
 * key already used replays its first answer — or is refused when the request differs.
 */

export type ApiRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  bodyText: string;
};

type Route = {
  method: string;
  pattern: string;
  write: boolean;
  handle: (call: ApiCall, params: Record<string, string>, query: URLSearchParams) => Handled;
};

const routes: Route[] = [
  { method: "POST", pattern: "/api/v1/shipment-requests", write: true, handle: createShipmentRequest },
  {
    method: "GET",
    pattern: "/api/v1/shipment-requests/:requestId",
    write: false,
    handle: (call, p) => showShipmentRequest(call, p.requestId),
  },
  {
    method: "POST",
    pattern: "/api/v1/shipment-requests/:requestId/withdrawal",
    write: true,
    handle: (call, p) => withdrawShipmentRequest(call, p.requestId),
  },
  {
    method: "GET",
    pattern: "/api/v1/shipment-results",
    write: false,
    handle: (call, _p, query) => listShipmentResults(call, query),
  },
];

function parseBody(text: string): { ok: true; body: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function merchantOf(state: RslState, authorization: string | undefined): Merchant | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  return m ? state.byApiKey.get(m[1] as string) : undefined;
}

export function handleApi(state: RslState, request: ApiRequest): { reply: Reply; merchantId: string | null } {
  let found: { route: Route; params: Record<string, string> } | undefined;
  let pathKnown = false;
  for (const route of routes) {
    const params = matchPath(route.pattern, request.path);
    if (!params) continue;
    pathKnown = true;
    if (route.method === request.method) found = { route, params };
  }
  if (!found) {
    const reply = pathKnown
      ? error(405, "E0405", "このメソッドは使えません")
      : error(404, "E0404", "APIが見つかりません");
    return { reply, merchantId: null };
  }
  const merchant = merchantOf(state, request.authorization);
  if (!merchant) return { reply: unauthorised(), merchantId: null };
  const done = (reply: Reply) => ({ reply, merchantId: merchant.merchantId });
  advanceWarehouse(state);

  const { route, params } = found;
  const key = request.idempotencyKey?.trim() || null;
  if (route.write && key === null) return done(error(400, "E1001", "Idempotency-Key ヘッダーがありません"));
  const parsed = parseBody(request.bodyText);
  const print = fingerprint(
    request.method,
    request.path,
    parsed.ok ? { json: parsed.body } : { text: request.bodyText },
  );
  if (key !== null && route.write) {
    const earlier = earlierAnswer(merchant.answered, key, print);
    if (earlier && "replay" in earlier) return done(earlier.replay);
    if (earlier) return done(error(409, "E1009", "Idempotency-Key が別の内容で使われています"));
  }
  if (!parsed.ok) return done(error(400, "E1003", "リクエスト本文がJSONとして読めません"));
  const handled = route.handle(
    { state, merchant, idempotencyKey: key, body: parsed.body },
    params,
    request.query,
  );
  if (key !== null && route.write && handled.keep) remember(merchant.answered, key, print, handled.reply);
  return done(handled.reply);
}
