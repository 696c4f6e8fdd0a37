import { MethodNotAllowed } from "../lib/http/problems.js";
import { httpRoute } from "../lib/http/route.js";
import { METHODS_BY_PATH } from "../lib/routes.js";

/** The 405 for `method` on the resource `path` (a route path, e.g. /keypairs/{name}); the spec's example is made by this too. */
export function methodNotAllowed(method: string, path: string): MethodNotAllowed {
  const allow = METHODS_BY_PATH[path] ?? [];
  return new MethodNotAllowed(`${method} is not supported here; use ${allow.join(" or ")}.`, allow);
}

/** ANY on a known resource with a method it does not serve: 405 with an Allow header. */
export const handler = httpRoute({}, async (_request, event) => {
  throw methodNotAllowed(event.requestContext.http.method, event.routeKey.slice(event.routeKey.indexOf(" ") + 1));
});
