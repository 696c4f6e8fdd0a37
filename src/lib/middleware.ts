/** The middleware every route shares: request guards, access logging and problem+json errors. */
import type middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { callerArn } from "./caller.js";
import { ApiError, invalidFields, toProblem, type ProblemKind } from "./errors.js";
import { logger } from "./logger.js";
import { findDuplicateMember } from "./strict-json.js";

type Request = middy.Request<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>;
type Middleware = middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>;
type StructuredResult = Exclude<APIGatewayProxyResultV2, string>;

/** The 413 a body larger than `maxBytes` gets (the spec's example is made by this too). */
export const payloadTooLarge = (size: number, maxBytes: number): ApiError =>
  new ApiError("payload-too-large", `The body is ${size} bytes; at most ${maxBytes} are accepted.`);

/** Requires a body, of at most `maxBytes` and without repeated member names, before it is parsed. */
export function bodyGuard(maxBytes: number): Middleware {
  return {
    before: (request: Request) => {
      const { isBase64Encoded } = request.event;
      // API Gateway sends no body as undefined, serverless-offline as null.
      if (request.event.body === undefined || request.event.body === null || request.event.body === "") {
        throw new ApiError("validation", "A JSON request body is required.", { errors: [{ field: "body", message: "required" }] });
      }
      // API Gateway always sends a string; serverless-offline hands over JSON scalars it parsed itself.
      const body = typeof request.event.body === "string" ? request.event.body : JSON.stringify(request.event.body);
      request.event.body = body;
      const size = isBase64Encoded ? Math.floor((body.length * 3) / 4) : Buffer.byteLength(body);
      if (size > maxBytes) throw payloadTooLarge(size, maxBytes);
      const duplicate = findDuplicateMember(isBase64Encoded ? Buffer.from(body, "base64").toString("utf8") : body);
      if (duplicate !== undefined) {
        const message = "is given more than once; send each member once";
        throw invalidFields([{ field: `body.${duplicate}`, message }]);
      }
    },
  };
}

/** Errors thrown by Middy's own middlewares (http-errors with a statusCode) and what they become. */
const middyErrors: Record<number, ProblemKind> = { 413: "payload-too-large", 415: "unsupported-media-type", 422: "malformed-json" };

const middyDetails: Partial<Record<ProblemKind, string>> = {
  "unsupported-media-type": "Send the body as application/json.",
  "malformed-json": "The body is not valid JSON.",
};

/** Middy's own timeout: the Lambda's time was about to run out (a call outlived every budget). */
const isFunctionTimeout = (error: unknown) =>
  error instanceof Error && error.name === "TimeoutError" && (error.cause as { package?: string } | undefined)?.package === "@middy/core";

export function asApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (isFunctionTimeout(error)) return new ApiError("upstream-timeout", "The request did not finish within the function's time limit.");
  const statusCode = (error as { statusCode?: number } | undefined)?.statusCode;
  const kind = statusCode === undefined ? undefined : middyErrors[statusCode];
  return kind ? new ApiError(kind, middyDetails[kind] ?? "The request was rejected.") : undefined;
}

/**
 * Turns any error into an RFC 9457 problem+json answer. Unknown errors are logged (name, message
 * and stack, never the event) and answered as a bare 500.
 */
export function problemErrorHandler(): Middleware {
  return {
    onError: (request: Request) => {
      if (request.response !== undefined && request.error === undefined) return;
      const apiError =
        asApiError(request.error) ??
        new ApiError("internal", "An unexpected error occurred; it has been logged with this request's id.");
      if (apiError.kind === "internal") logger.error("unhandled error", { error: request.error });
      request.response = {
        statusCode: apiError.status,
        headers: {
          "Content-Type": "application/problem+json",
          ...(apiError.retryAfterSeconds ? { "Retry-After": String(apiError.retryAfterSeconds) } : {}),
          ...(apiError.allow ? { Allow: apiError.allow.join(", ") } : {}),
        },
        body: JSON.stringify(toProblem(apiError, request.event.rawPath)),
      };
    },
  };
}

/** Milliseconds on a monotonic clock; not performance.now(), whose first use loads perf_hooks inside the first invocation. */
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** One structured line per request: route, region, key name, status and latency; every line of the request names its caller. */
export function accessLog(): Middleware {
  const started = new WeakMap<Request, number>();
  const log = (request: Request) => {
    const response = request.response as StructuredResult | undefined;
    logger.info("request completed", {
      route: request.event.routeKey,
      status: response?.statusCode,
      latencyMs: Math.round(nowMs() - (started.get(request) ?? nowMs())),
    });
  };
  return {
    before: (request: Request) => {
      started.set(request, nowMs());
      logger.appendKeys({ caller: callerArn(request.event) });
    },
    after: log,
    onError: log,
  };
}
