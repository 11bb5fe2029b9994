import { controlError, type Reply } from "./http-reply.ts";
import { advanceMall } from "./mall-progress.ts";
import type { MallState, RakutenSandboxOptions } from "./state.ts";

/**
 * The sandbox's own API under /_sandbox/: what happens at the mall (a buyer orders, pays, cancels),
 * what the mall holds, and trouble on the line. Plain JSON, no ESA auth, not part of RMS.
 */

export type ControlContext = {
  state: MallState;
  options: RakutenSandboxOptions;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
};

export type ControlRoute = { method: string; pattern: string; handle: (ctx: ControlContext) => Reply };

function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split("/");
  const got = path.replace(/\/+$/, "").split("/");
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = got[i] ?? "";
    if (part.startsWith(":")) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return undefined;
  }
  return params;
}

export function handleControl(
  routes: ControlRoute[],
  state: MallState,
  options: RakutenSandboxOptions,
  request: { method: string; path: string; query: URLSearchParams; bodyText: string },
): Reply {
  advanceMall(state);
  let pathMatched = false;
  for (const route of routes) {
    const params = match(route.pattern, request.path);
    if (!params) continue;
    pathMatched = true;
    if (route.method !== request.method) continue;
    let body: unknown;
    try {
      body = request.bodyText.trim() === "" ? undefined : JSON.parse(request.bodyText);
    } catch {
      return controlError(400, "invalid_json", "the body is not JSON");
    }
    return route.handle({ state, options, params, query: request.query, body });
  }
  return pathMatched
    ? controlError(405, "method_not_allowed", `${request.method} is not supported on ${request.path}`)
    : controlError(
        404,
        "not_found",
        `no control endpoint ${request.method} ${request.path} (see sandbox/rakuten/README.md)`,
      );
}
