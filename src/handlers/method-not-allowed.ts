import { ApiError } from "../lib/errors.js";
import { httpRoute } from "../lib/http.js";

/** The methods each resource serves; test/contract/openapi.test.ts checks this against the spec. */
export const METHODS_BY_PATH: Record<string, string[]> = {
  "/keypairs": ["GET", "POST"],
  "/keypairs/import": ["POST"],
  "/keypairs/{name}": ["GET", "DELETE"],
  "/keypairs/by-id/{keyPairId}": ["GET", "DELETE"],
};

/** ANY on a known resource with a method it does not serve: 405 with an Allow header. */
export const handler = httpRoute({}, async (_request, event) => {
  const path = event.routeKey.slice(event.routeKey.indexOf(" ") + 1);
  const allow = METHODS_BY_PATH[path] ?? [];
  throw new ApiError("method-not-allowed", `${event.requestContext.http.method} is not supported here; use ${allow.join(" or ")}.`, { allow });
});
