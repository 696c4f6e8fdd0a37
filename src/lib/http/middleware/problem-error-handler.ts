/** Turns every error into an RFC 9457 problem+json answer: the one place where errors become HTTP. */
import type middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { ServiceError, unexpectedError } from "../../keypairs/errors.js";
import { logger } from "../../platform/logger.js";
import { MethodNotAllowed, PROBLEM_STATUS, toProblem } from "../problems.js";

type Request = middy.Request<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>;
type Middleware = middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>;

/** Middy's own timeout: the Lambda's time was about to run out (a call outlived every budget). */
const isFunctionTimeout = (error: unknown) =>
  error instanceof Error && error.name === "TimeoutError" && (error.cause as { package?: string } | undefined)?.package === "@middy/core";

function asServiceError(error: unknown): ServiceError | undefined {
  if (error instanceof ServiceError) return error;
  if (isFunctionTimeout(error)) return new ServiceError("upstream-timeout", "The request did not finish within the function's time limit.");
  return undefined;
}

/**
 * Turns any error into an RFC 9457 problem+json answer. Unknown errors are logged (name, message
 * and stack, never the event) and answered as a bare 500.
 */
export function problemErrorHandler(): Middleware {
  return {
    onError: (request: Request) => {
      if (request.response !== undefined && request.error === undefined) return;
      const error = asServiceError(request.error) ?? unexpectedError();
      if (error.kind === "internal") logger.error("unhandled error", { error: request.error });
      request.response = {
        statusCode: PROBLEM_STATUS[error.kind],
        headers: {
          "Content-Type": "application/problem+json",
          ...(error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : {}),
          ...(error instanceof MethodNotAllowed ? { Allow: error.allow.join(", ") } : {}),
        },
        body: JSON.stringify(toProblem(error, request.event.rawPath)),
      };
    },
  };
}
