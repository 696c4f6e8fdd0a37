/** One structured log line per request, which is also the request's one EMF record (its metrics). */
import type middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { logger } from "../../platform/logger.js";
import { countedMetrics, emfFields } from "../../platform/metrics.js";
import { callerArn } from "../caller.js";

type Request = middy.Request<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>;
type Middleware = middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>;
type StructuredResult = Exclude<APIGatewayProxyResultV2, string>;

/** Milliseconds on a monotonic clock; not performance.now(), whose first use loads perf_hooks inside the first invocation. */
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** The problem kind of a problem+json answer (the last segment of its type URI); only such bodies are read, never others. */
function problemKindOf(response: StructuredResult | undefined): string {
  const contentType = response?.headers?.["Content-Type"] ?? response?.headers?.["content-type"];
  if (contentType !== "application/problem+json" || typeof response?.body !== "string") return "none";
  const type = (JSON.parse(response.body) as { type?: string }).type;
  return type?.slice(type.lastIndexOf("/") + 1) || "none";
}

/**
 * One structured line per request: route, region, key name, status and latency; every line of the
 * request names its caller. The line is the request's EMF record: Requests and Latency per route,
 * outcome class and problem kind, ColdStart per function, and what the request counted.
 */
export function accessLog(): Middleware {
  const started = new WeakMap<Request, number>();
  const log = (request: Request) => {
    const response = request.response as StructuredResult | undefined;
    const status = response?.statusCode ?? 500;
    const latencyMs = Math.round(nowMs() - (started.get(request) ?? nowMs()));
    logger.info("request completed", {
      route: request.event.routeKey,
      status: response?.statusCode,
      latencyMs,
      ...emfFields(
        {
          Route: request.event.routeKey,
          Outcome: `${Math.floor(status / 100)}xx`,
          ProblemKind: problemKindOf(response),
          FunctionName: request.context.functionName,
        },
        { Requests: 1, Latency: latencyMs, ColdStart: logger.isColdStart() ? 1 : 0, ...countedMetrics() },
      ),
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
