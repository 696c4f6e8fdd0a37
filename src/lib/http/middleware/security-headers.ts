/**
 * The security headers of every answer: what @middy/http-security-headers (Helmet's defaults) wrote
 * with a CSP of our own and no permissions policy, written out. This API serves JSON, never
 * documents, so the headers are fixed; as constants they cost ~0.5 KB of a function's INIT, the
 * middleware's option schema and policy builders 5.3 KB (decision 0029).
 * test/unit/http/security-headers.test.ts holds them equal to that middleware's with the same options.
 */
import type middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";

type Request = middy.Request<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>;
type Middleware = middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>;

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy":
    "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; report-to default; " +
    "require-trusted-types-for 'script'; sandbox; upgrade-insecure-requests",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Origin-Agent-Cluster": "?1",
  "Referrer-Policy": "no-referrer",
  "Strict-Transport-Security": "max-age=15552000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "X-DNS-Prefetch-Control": "off",
  "X-Download-Options": "noopen",
  "X-Frame-Options": "DENY",
  "X-Permitted-Cross-Domain-Policies": "none",
};

/** Sets the headers on the answer (an error's too, once it has one) and drops what names the server. */
function withSecurityHeaders(request: Request): void {
  // Shaped as Middy shapes a handler's answer: a bare value is a 200 body.
  const given = request.response as { statusCode?: number; body?: unknown; headers?: Record<string, unknown> } | undefined;
  let response = given ?? {};
  if (given !== undefined && given?.statusCode === undefined && given?.body === undefined && given?.headers === undefined)
    response = { statusCode: 200, body: given };
  response.statusCode ??= 500;
  response.headers ??= {};
  request.response = response as APIGatewayProxyResultV2;
  Object.assign(response.headers, SECURITY_HEADERS);
  delete response.headers.Server;
  delete response.headers["X-Powered-By"];
}

export function securityHeaders(): Middleware {
  return {
    after: withSecurityHeaders,
    onError: (request: Request) => {
      if (request.response !== undefined) withSecurityHeaders(request);
    },
  };
}
