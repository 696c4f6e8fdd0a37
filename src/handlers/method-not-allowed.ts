import { ApiError } from "../lib/errors.js";
import { httpRoute } from "../lib/http.js";

/** The methods each resource serves; test/contract/openapi.test.ts checks this against the spec. */
export const METHODS_BY_PATH: Record<string, string[]> = {
  "/keypairs": ["GET", "POST"],
  "/keypairs/import": ["POST"],
  "/keypairs/{name}": ["GET", "DELETE"],
  "/keypairs/by-id/{keyPairId}": ["GET", "DELETE"],
  "/openapi.json": ["GET"],
  "/docs": ["GET"],
};

/** The 405 for `method` on the resource `path` (a route path, e.g. /keypairs/{name}); the spec's example is made by this too. */
export function methodNotAllowed(method: string, path: string): ApiError {
  const allow = METHODS_BY_PATH[path] ?? [];
  return new ApiError("method-not-allowed", `${method} is not supported here; use ${allow.join(" or ")}.`, { allow });
}

/** ANY on a known resource with a method it does not serve: 405 with an Allow header. */
export const handler = httpRoute({}, async (_request, event) => {
  throw methodNotAllowed(event.requestContext.http.method, event.routeKey.slice(event.routeKey.indexOf(" ") + 1));
});
