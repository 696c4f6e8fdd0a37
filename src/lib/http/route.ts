/**
 * Builds a route's Lambda handler: the shared Middy stack (header normalizer first, error handler
 * last), then the route's zod schemas applied to body, query and path before the handler runs. A
 * route with a body is built by jsonBodyRoute (body-route.ts), which adds the body's parsing: apart,
 * so that a function without such a route loads none of it at INIT (decision 0029).
 */
import middy from "@middy/core";
import httpEventNormalizer from "@middy/http-event-normalizer";
import httpHeaderNormalizer from "@middy/http-header-normalizer";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { config } from "../platform/config.js";
import { logger } from "../platform/logger.js";
import type * as z from "../platform/zod.js";
import { callerArn } from "./caller.js";
import { accessLog } from "./middleware/access-log.js";
import { problemErrorHandler } from "./middleware/problem-error-handler.js";
import { securityHeaders } from "./middleware/security-headers.js";
import { parsePart, refuseRepeatedParameters, requestAccount, requestRegion } from "./request.js";
import { type HttpResult, toResponse } from "./responses.js";

const FUNCTION_TIMEOUT_MARGIN_MS = 250;
const REGIONS = { default: config.DEFAULT_REGION, allowed: config.ALLOWED_REGIONS };

export type RouteMiddleware = middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>;

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
  /** The account the request names (body or query), if any: key-pair routes act in it (account-route.ts). */
  account: string | undefined;
  /** The invoked function's ARN (its account is the API's own). */
  functionArn: string;
  /** The caller's IAM identity (see caller.ts). */
  caller: string;
  /** When the function answers a 504 of its own (ms since the epoch): a rule that changes something finishes before. */
  deadline: number;
}

export function httpRoute<
  B extends z.ZodMiniType = z.ZodMiniNever,
  Q extends z.ZodMiniType = z.ZodMiniNever,
  P extends z.ZodMiniType = z.ZodMiniNever,
  H extends z.ZodMiniType = z.ZodMiniNever,
>(
  schemas: RouteSchemas<B, Q, P, H>,
  handle: (
    request: ParsedRequest<z.output<B>, z.output<Q>, z.output<P>, z.output<H>>,
    event: APIGatewayProxyEventV2,
  ) => Promise<HttpResult>,
  /** What turns the body's text into the value its schema reads (body-route.ts): a route with a body has it. */
  bodyParsing: RouteMiddleware[] = [],
) {
  if (schemas.body && bodyParsing.length === 0) throw new Error("a route with a body schema is built with jsonBodyRoute (body-route.ts)");
  // If a call outlives every budget, answer a 504 problem this long before Lambda stops the function.
  const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>({
    timeoutEarlyInMillis: FUNCTION_TIMEOUT_MARGIN_MS,
  })
    .use(httpHeaderNormalizer())
    .use(httpEventNormalizer())
    .use(accessLog())
    .use(securityHeaders());
  for (const middleware of bodyParsing) handler.use(middleware);
  handler.use(problemErrorHandler());

  const route = handler.handler(async (event, context) => {
    const deadline = Date.now() + context.getRemainingTimeInMillis() - FUNCTION_TIMEOUT_MARGIN_MS;
    if (schemas.query) refuseRepeatedParameters(event.rawQueryString);
    const query = parsePart(schemas.query, event.queryStringParameters, "query");
    const path = parsePart(schemas.path, event.pathParameters, "path");
    const body = parsePart(schemas.body, event.body, "body");
    const headers = parsePart(schemas.headers, event.headers, "header");
    const region = requestRegion(body as { region?: string }, query as { region?: string }, REGIONS);
    const account = requestAccount(body as { account?: string }, query as { account?: string });
    // Only the name, region, account and caller of a request are logged: bodies can be secrets.
    const { name } = { ...(query as object), ...(path as object), ...(body as object) } as { name?: string };
    logger.appendKeys({ region, keyName: name });
    const request = {
      body,
      query,
      path,
      headers,
      region,
      account,
      functionArn: context.invokedFunctionArn,
      caller: callerArn(event),
      deadline,
    };
    return toResponse(await handle(request, event));
  });
  // Every log line of the invocation, its late ones included, carries this invocation's keys.
  return (event: Parameters<typeof route>[0], context: Context) => logger.withRequest(context, () => route(event, context));
}
