/** Builds API Gateway HTTP API (payload 2.0) events and a Lambda context for calling handlers directly. */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";

export interface EventInit {
  method: string;
  path: string;
  routeKey?: string;
  body?: string | object;
  query?: Record<string, string>;
  pathParameters?: Record<string, string>;
  headers?: Record<string, string>;
  /** Defaults to the query encoded; API Gateway sends both. */
  rawQueryString?: string;
  /** The caller's ARN as API Gateway's aws_iam authorizer reports it (none: an unsigned local request). */
  iamUserArn?: string;
}

export function apiEvent(init: EventInit): APIGatewayProxyEventV2 {
  const body = init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  return {
    version: "2.0",
    routeKey: init.routeKey ?? `${init.method} ${init.path}`,
    rawPath: init.path,
    rawQueryString: init.rawQueryString ?? new URLSearchParams(init.query ?? {}).toString(),
    headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...init.headers },
    queryStringParameters: init.query,
    pathParameters: init.pathParameters,
    body,
    isBase64Encoded: false,
    requestContext: {
      accountId: "123456789012",
      apiId: "local",
      domainName: "localhost",
      domainPrefix: "localhost",
      http: { method: init.method, path: init.path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "jest" },
      requestId: "request-1",
      routeKey: init.routeKey ?? `${init.method} ${init.path}`,
      stage: "$default",
      time: "22/Nov/2026:10:00:00 +0000",
      timeEpoch: 0,
      ...(init.iamUserArn ? { authorizer: iamAuthorizer(init.iamUserArn) } : {}),
    },
  };
}

/** The authorizer context API Gateway's aws_iam authorizer gives an HTTP API (payload 2.0). */
function iamAuthorizer(userArn: string) {
  return {
    iam: {
      accessKey: "ASIAEXAMPLE",
      accountId: "123456789012",
      callerId: "AROAEXAMPLE:session",
      principalOrgId: null,
      userArn,
      userId: "AROAEXAMPLE:session",
    },
  };
}

export function lambdaContext(remainingMs = 15000): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: "test",
    functionVersion: "$LATEST",
    invokedFunctionArn: "arn:aws:lambda:eu-west-1:123456789012:function:test",
    memoryLimitInMB: "512",
    awsRequestId: "request-1",
    logGroupName: "/aws/lambda/test",
    logStreamName: "stream",
    getRemainingTimeInMillis: () => remainingMs,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

// Middy handlers take an optional third argument, so the parameters are left open here.
export type Handler = (...args: any[]) => Promise<unknown>;

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: any;
}

export async function invoke(handler: Handler, init: EventInit, context = lambdaContext()): Promise<Answer> {
  const result = (await handler(apiEvent(init), context)) as APIGatewayProxyStructuredResultV2;
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([key, value]) => [key.toLowerCase(), String(value)]));
  // JSON bodies parsed; others (the private key as application/x-pem-file) as text.
  const json = /json/.test(headers["content-type"] ?? "application/json");
  return { status: result.statusCode ?? 200, headers, body: result.body ? (json ? JSON.parse(result.body) : result.body) : undefined };
}

/**
 * The environment of handlers run in this process against the local AWS, set before they are imported
 * (the configuration is read once, at import): one region, credentials moto accepts, no log lines unless
 * `settings` asks, and `settings` (endpoints, tables, limits).
 */
export function inProcessEnvironment(region: string, settings: Record<string, string>): void {
  Object.assign(process.env, {
    DEFAULT_REGION: region,
    ALLOWED_REGIONS: region,
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
    LOG_LEVEL: "SILENT",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...settings,
  });
}
