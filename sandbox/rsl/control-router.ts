import { error, type Reply } from "./http-reply.ts";
import { advanceWarehouse } from "./lifecycle.ts";
import { matchPath } from "./route.ts";
import type { RslSandboxOptions, RslState } from "./state.ts";

/**
 * The sandbox's own API under /_sandbox/: merchants and their product master, what happens in the
 * warehouse (a request picked now, a 出荷不可), and trouble on the line. Plain JSON, no auth, not RSL's.
 */

export type ControlContext = {
  state: RslState;
  options: RslSandboxOptions;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
};

export type ControlRoute = { method: string; pattern: string; handle: (ctx: ControlContext) => Reply };

export function handleControl(
  routes: ControlRoute[],
  state: RslState,
  options: RslSandboxOptions,
  request: { method: string; path: string; query: URLSearchParams; bodyText: string },
): Reply {
  advanceWarehouse(state);
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPath(route.pattern, request.path);
    if (!params) continue;
    pathMatched = true;
    if (route.method !== request.method) continue;
    let body: unknown;
    try {
      body = request.bodyText.trim() === "" ? undefined : JSON.parse(request.bodyText);
    } catch {
      return error(400, "sandbox.invalid_json", "本文がJSONとして読めません");
    }
    return route.handle({ state, options, params, query: request.query, body });
  }
  return pathMatched
    ? error(405, "sandbox.method_not_allowed", `${request.path} では ${request.method} は使えません`)
    : error(
        404,
        "sandbox.not_found",
        `${request.method} ${request.path} はありません (sandbox/rsl/README.md を参照)`,
      );
}
