import { type Route, type RouteContext, routeControl } from "../kit/control-router.ts";
import { error, type Reply } from "./http-reply.ts";
import { advanceWarehouse } from "./lifecycle.ts";
import type { RslSandboxOptions, RslState } from "./state.ts";

/**
 * The sandbox's own API under /_sandbox/: merchants and their product master, what happens in the
 * warehouse (a request picked now, a 出荷不可), and trouble on the line. Plain JSON, no auth, not RSL's.
 */

type ControlBase = { state: RslState; options: RslSandboxOptions };

export type ControlContext = RouteContext<ControlBase>;

export type ControlRoute = Route<ControlBase, Reply>;

export function handleControl(
  routes: ControlRoute[],
  state: RslState,
  options: RslSandboxOptions,
  request: { method: string; path: string; query: URLSearchParams; bodyText: string },
): Reply {
  advanceWarehouse(state);
  return routeControl(routes, { state, options }, request, {
    invalidJson: () => error(400, "sandbox.invalid_json", "本文がJSONとして読めません"),
    methodNotAllowed: ({ method, path }) =>
      error(405, "sandbox.method_not_allowed", `${path} では ${method} は使えません`),
    notFound: ({ method, path }) =>
      error(404, "sandbox.not_found", `${method} ${path} はありません (sandbox/rsl/README.md を参照)`),
  });
}
