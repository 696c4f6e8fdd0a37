/**
 * Builds a route's Lambda handler: the shared Middy stack (header normalizer first, error handler
 * last), then the route's zod schemas applied to body, query and path before the handler runs.
 */
import middy from "@middy/core";
import httpCors from "@middy/http-cors";
import httpEventNormalizer from "@middy/http-event-normalizer";
import httpHeaderNormalizer from "@middy/http-header-normalizer";
import httpJsonBodyParser from "@middy/http-json-body-parser";
import httpSecurityHeaders from "@middy/http-security-headers";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import type * as z from "zod";
import { config } from "./config.js";
import { ApiError, type FieldError } from "./errors.js";
import { logger } from "./logger.js";
import { accessLog, bodyGuard, problemErrorHandler } from "./middleware.js";

const FUNCTION_TIMEOUT_MARGIN_MS = 250;

/** Helmet-style defaults, with a CSP and no permissions policy: this API serves JSON, never documents. */
const SECURITY_HEADERS = {
  contentSecurityPolicy: { "default-src": "'none'", "frame-ancestors": "'none'" },
  permissionsPolicy: false,
};

export interface RouteSchemas<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType> {
  body?: B;
  query?: Q;
  path?: P;
}

export interface ParsedRequest<B, Q, P> {
  body: B;
  query: Q;
  path: P;
}

export interface HttpResult {
  statusCode: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult => ({ statusCode, body, headers });
export const noContent = (): HttpResult => ({ statusCode: 204 });

function parsePart<S extends z.ZodType>(schema: S | undefined, value: unknown, part: string): z.output<S> {
  if (!schema) return {} as z.output<S>;
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = parsed.error.issues.map((issue) => ({
    field: [part, ...issue.path.map(String)].join("."),
    message: issue.code === "unrecognized_keys" ? `unknown field(s): ${issue.keys.join(", ")}` : issue.message,
  }));
  throw new ApiError("validation", errors.map((error) => `${error.field}: ${error.message}`).join("; "), { errors });
}

function toResponse(result: HttpResult): APIGatewayProxyResultV2 {
  const hasBody = result.body !== undefined;
  return {
    statusCode: result.statusCode,
    headers: { ...(hasBody ? { "Content-Type": "application/json" } : {}), ...result.headers },
    ...(hasBody ? { body: JSON.stringify(result.body) } : {}),
  };
}

export function httpRoute<B extends z.ZodType = z.ZodNever, Q extends z.ZodType = z.ZodNever, P extends z.ZodType = z.ZodNever>(
  schemas: RouteSchemas<B, Q, P>,
  handle: (request: ParsedRequest<z.output<B>, z.output<Q>, z.output<P>>, event: APIGatewayProxyEventV2) => Promise<HttpResult>,
) {
  // If a call outlives every budget, answer a 504 problem this long before Lambda stops the function.
  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>({ timeoutEarlyInMillis: FUNCTION_TIMEOUT_MARGIN_MS })
    .use(httpHeaderNormalizer())
    .use(httpEventNormalizer())
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(accessLog())
    .use(httpSecurityHeaders(SECURITY_HEADERS));
  if (config.CORS_ALLOWED_ORIGINS.length > 0) {
    handler.use(httpCors({ origins: config.CORS_ALLOWED_ORIGINS, credentials: false }));
  }
  if (schemas.body) {
    handler.use(bodyGuard(config.MAX_BODY_BYTES)).use(httpJsonBodyParser());
  }
  handler.use(problemErrorHandler());

  return handler.handler(async (event) => {
    const query = parsePart(schemas.query, event.queryStringParameters, "query");
    const path = parsePart(schemas.path, event.pathParameters, "path");
    const body = parsePart(schemas.body, event.body, "body");
    // Only the name and region of a request are logged: bodies can be secrets.
    const fields = { ...(body as object), ...(query as object), ...(path as object) } as { region?: string; name?: string };
    logger.appendKeys({ region: fields.region ?? config.DEFAULT_REGION, keyName: fields.name });
    return toResponse(await handle({ body, query, path }, event));
  });
}
