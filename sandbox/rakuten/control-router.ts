import { type Route, type RouteContext, routeControl } from "../kit/control-router.ts";
import { controlError, type Reply } from "./http-reply.ts";
import { advanceMall } from "./mall-progress.ts";
import type { MallState, RakutenSandboxOptions } from "./state.ts";

/**
 * The sandbox's own API under /_sandbox/: what happens at the mall (a buyer orders, pays, cancels),
 * what the mall holds, and trouble on the line. Plain JSON, no ESA auth, not part of RMS.
 */

type ControlBase = { state: MallState; options: RakutenSandboxOptions };

export type ControlContext = RouteContext<ControlBase>;

export type ControlRoute = Route<ControlBase, Reply>;

export function handleControl(
  routes: ControlRoute[],
  state: MallState,
  options: RakutenSandboxOptions,
  request: { method: string; path: string; query: URLSearchParams; bodyText: string },
): Reply {
  advanceMall(state);
  return routeControl(routes, { state, options }, request, {
    invalidJson: () => controlError(400, "invalid_json", "the body is not JSON"),
    methodNotAllowed: ({ method, path }) =>
      controlError(405, "method_not_allowed", `${method} is not supported on ${path}`),
    notFound: ({ method, path }) =>
      controlError(404, "not_found", `no control endpoint ${method} ${path} (see sandbox/rakuten/README.md)`),
  });
}
