/** One structured log line per request. */
import type middy from "@middy/core";
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from "aws-lambda";
import { logger } from "../../platform/logger.js";
import { callerArn } from "../caller.js";

type Request = middy.Request<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>;
type Middleware = middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, Context>;
type StructuredResult = Exclude<APIGatewayProxyResultV2, string>;

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
