/** What a handler answers, and how it becomes API Gateway's response. */
import type { APIGatewayProxyResultV2 } from "aws-lambda";

export interface HttpResult {
  statusCode: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** The body is text sent as it is (its Content-Type in headers), not a value sent as JSON. */
  raw?: boolean;
  /** The body is bytes in base64 (raw), which API Gateway decodes before sending them. */
  base64?: boolean;
}

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult => ({
  statusCode,
  body,
  headers,
});
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

/** API Gateway's response for a handler's result: JSON unless the result says otherwise. */
export function toResponse(result: HttpResult): APIGatewayProxyResultV2 {
  const hasBody = result.body !== undefined;
  return {
    statusCode: result.statusCode,
    headers: { ...(hasBody ? { "Content-Type": "application/json" } : {}), ...result.headers },
    ...(hasBody ? { body: result.raw ? String(result.body) : JSON.stringify(result.body) } : {}),
    ...(hasBody && result.base64 ? { isBase64Encoded: true } : {}),
  };
}
