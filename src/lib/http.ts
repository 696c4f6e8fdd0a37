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
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import type * as z from "./zod.js";
import { callerArn } from "./caller.js";
import { config } from "./config.js";
import { invalidFields, type FieldError } from "./errors.js";
import { logger } from "./logger.js";
import { accessLog, bodyGuard, problemErrorHandler } from "./middleware.js";

const FUNCTION_TIMEOUT_MARGIN_MS = 250;

/** Helmet-style defaults, with a CSP and no permissions policy: this API serves JSON, never documents. */
const SECURITY_HEADERS = {
  contentSecurityPolicy: { "default-src": "'none'", "frame-ancestors": "'none'" },
  permissionsPolicy: false,
};

export interface RouteSchemas<B extends z.ZodMiniType, Q extends z.ZodMiniType, P extends z.ZodMiniType, H extends z.ZodMiniType> {
  body?: B;
  query?: Q;
  path?: P;
  /** Headers the route reads (lower-case names); others are not validated. */
  headers?: H;
}

export interface ParsedRequest<B, Q, P, H> {
  body: B;
  query: Q;
  path: P;
  headers: H;
  /** The one region this request acts in: resolved and allow-listed once, here. */
  region: string;
  /** The caller's IAM identity (see caller.ts). */
  caller: string;
}

export interface HttpResult {
  statusCode: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** The body is text sent as it is (its Content-Type in headers), not a value sent as JSON. */
  raw?: boolean;
  /** The body is bytes in base64 (raw), which API Gateway decodes before sending them. */
  base64?: boolean;
}

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult => ({ statusCode, body, headers });
export const noContent = (): HttpResult => ({ statusCode: 204 });
export const textBody = (statusCode: number, text: string, contentType: string, headers: Record<string, string> = {}): HttpResult => ({
  statusCode,
  body: text,
  headers: { "Content-Type": contentType, ...headers },
  raw: true,
});

/**
 * Bytes sent as they are (e.g. a precompressed page, its Content-Encoding in headers): API Gateway
 * gets them as base64 (isBase64Encoded) and sends the bytes.
 */
export const bytesBody = (statusCode: number, base64: string, contentType: string, headers: Record<string, string> = {}): HttpResult => ({
  ...textBody(statusCode, base64, contentType, headers),
  base64: true,
});

/**
 * The quality (0-1) an Accept-Encoding header gives a content coding (RFC 9110 12.5.3): its own
 * entry, else `*`; 0 when it names neither, and without the header (such a client gets identity).
 */
export function codingQuality(acceptEncoding: string | undefined, coding: string): number {
  let own: number | undefined;
  let any: number | undefined;
  for (const entry of (acceptEncoding ?? "").split(",")) {
    const [name = "", ...parameters] = entry.split(";").map((part) => part.trim().toLowerCase());
    if (name !== coding && name !== "*") continue;
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    const parsed = q === undefined ? 1 : Number(q.slice(2));
    const quality = Number.isFinite(parsed) ? Math.min(Math.max(parsed, 0), 1) : 0;
    if (name === coding) own = quality;
    else any = quality;
  }
  return own ?? any ?? 0;
}

/**
 * The quality (0-1) an Accept header gives `type` (RFC 9110 12.5.1): its own entry, else its
 * major type's wildcard, else the full wildcard; 1 without an Accept header, 0 when it names neither.
 */
export function acceptQuality(accept: string | undefined, type: string): number {
  if (accept === undefined || accept.trim() === "") return 1;
  const [major] = type.split("/");
  let best: { specificity: number; q: number } | undefined;
  for (const range of accept.split(",")) {
    const [name = "", ...parameters] = range.split(";").map((part) => part.trim().toLowerCase());
    const specificity = name === type ? 3 : name === `${major}/*` ? 2 : name === "*/*" ? 1 : 0;
    if (specificity === 0 || (best && best.specificity >= specificity)) continue;
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    best = { specificity, q: Number.isFinite(quality) ? Math.min(Math.max(quality, 0), 1) : 0 };
  }
  return best?.q ?? 0;
}

export function parsePart<S extends z.ZodMiniType>(schema: S | undefined, value: unknown, part: string): z.output<S> {
  if (!schema) return {} as z.output<S>;
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = parsed.error.issues.map((issue) => ({
    field: [part, ...issue.path.map(String)].join("."),
    message: issue.code === "unrecognized_keys" ? `unknown field(s): ${issue.keys.join(", ")}` : issue.message,
  }));
  throw invalidFields(errors);
}

/**
 * API Gateway joins a repeated query parameter's values with commas (`name=a&name=b` arrives as
 * `a,b`, itself a valid key name), so a repeated name is refused, read from the raw query string.
 */
export function refuseRepeatedParameters(rawQueryString: string | undefined): void {
  const names = [...new URLSearchParams(rawQueryString ?? "").keys()];
  const repeated = [...new Set(names.filter((name, index) => names.indexOf(name) !== index))];
  if (repeated.length === 0) return;
  const errors = repeated.map((name) => ({ field: `query.${name}`, message: "is given more than once; send each parameter once" }));
  throw invalidFields(errors);
}

/**
 * The region a request acts in: its body's, else its query's, else the default; naming two
 * different regions is refused rather than one silently winning.
 */
function requestRegion(body: { region?: string }, query: { region?: string }): string {
  if (body.region !== undefined && query.region !== undefined && body.region !== query.region) {
    const message = `names ${body.region} while query.region names ${query.region}; give the region once`;
    throw invalidFields([{ field: "body.region", message }]);
  }
  const field = body.region !== undefined ? "body.region" : "query.region";
  const region = body.region ?? query.region ?? config.DEFAULT_REGION;
  if (!config.ALLOWED_REGIONS.includes(region)) {
    const message = `region ${region} is not allowed; allowed: ${config.ALLOWED_REGIONS.join(", ")}`;
    throw invalidFields([{ field, message }]);
  }
  return region;
}

function toResponse(result: HttpResult): APIGatewayProxyResultV2 {
  const hasBody = result.body !== undefined;
  return {
    statusCode: result.statusCode,
    headers: { ...(hasBody ? { "Content-Type": "application/json" } : {}), ...result.headers },
    ...(hasBody ? { body: result.raw ? String(result.body) : JSON.stringify(result.body) } : {}),
    ...(hasBody && result.base64 ? { isBase64Encoded: true } : {}),
  };
}

export function httpRoute<B extends z.ZodMiniType = z.ZodMiniNever, Q extends z.ZodMiniType = z.ZodMiniNever, P extends z.ZodMiniType = z.ZodMiniNever, H extends z.ZodMiniType = z.ZodMiniNever>(
  schemas: RouteSchemas<B, Q, P, H>,
  handle: (request: ParsedRequest<z.output<B>, z.output<Q>, z.output<P>, z.output<H>>, event: APIGatewayProxyEventV2) => Promise<HttpResult>,
) {
  // If a call outlives every budget, answer a 504 problem this long before Lambda stops the function.
  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>({ timeoutEarlyInMillis: FUNCTION_TIMEOUT_MARGIN_MS })
    .use(httpHeaderNormalizer())
    .use(httpEventNormalizer())
    .use(accessLog())
    .use(httpSecurityHeaders(SECURITY_HEADERS));
  if (config.CORS_ALLOWED_ORIGINS.length > 0) {
    handler.use(httpCors({ origins: config.CORS_ALLOWED_ORIGINS, credentials: false }));
  }
  if (schemas.body) {
    handler.use(bodyGuard(config.MAX_BODY_BYTES)).use(httpJsonBodyParser());
  }
  handler.use(problemErrorHandler());

  const route = handler.handler(async (event) => {
    if (schemas.query) refuseRepeatedParameters(event.rawQueryString);
    const query = parsePart(schemas.query, event.queryStringParameters, "query");
    const path = parsePart(schemas.path, event.pathParameters, "path");
    const body = parsePart(schemas.body, event.body, "body");
    const headers = parsePart(schemas.headers, event.headers, "header");
    const region = requestRegion(body as { region?: string }, query as { region?: string });
    // Only the name, region and caller of a request are logged: bodies can be secrets.
    const { name } = { ...(query as object), ...(path as object), ...(body as object) } as { name?: string };
    logger.appendKeys({ region, keyName: name });
    return toResponse(await handle({ body, query, path, headers, region, caller: callerArn(event) }, event));
  });
  // Every log line of the invocation, its late ones included, carries this invocation's keys.
  return (event: Parameters<typeof route>[0], context: Context) => logger.withRequest(context, () => route(event, context));
}
