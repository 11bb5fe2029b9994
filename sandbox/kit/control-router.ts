/**
 * The control API's routing, shared by the sandboxes: each keeps its own routes, its own context and
 * its own refusals (status codes and error bodies are the sandbox's), this only finds the route.
 */

/** `/api/v1/shipment-requests/:requestId` against a path: the named parts, or undefined. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
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

/** Whether a path is the control API's (/_sandbox and below) rather than the imitated service's. */
export const isControlPath = (path: string) => path === "/_sandbox" || path.startsWith("/_sandbox/");

export type ControlRequest = { method: string; path: string; query: URLSearchParams; bodyText: string };

/** What a route's handler gets: the sandbox's own fields plus the path's named parts, query and JSON body. */
export type RouteContext<Base> = Base & {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
};

export type Route<Base, Reply> = {
  method: string;
  pattern: string;
  handle: (ctx: RouteContext<Base>) => Reply;
};

/** The sandbox's answers when no route takes the request, or its body is not JSON. */
export type Refusals<Reply> = {
  invalidJson(): Reply;
  methodNotAllowed(request: ControlRequest): Reply;
  notFound(request: ControlRequest): Reply;
};

/** The first route whose pattern and method fit handles the request; an empty body is `undefined`. */
export function routeControl<Base, Reply>(
  routes: Route<Base, Reply>[],
  base: Base,
  request: ControlRequest,
  refuse: Refusals<Reply>,
): Reply {
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
      return refuse.invalidJson();
    }
    return route.handle({ ...base, params, query: request.query, body });
  }
  return pathMatched ? refuse.methodNotAllowed(request) : refuse.notFound(request);
}
