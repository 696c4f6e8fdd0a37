import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import document from "virtual:openapi-document";
import page from "virtual:docs-page";
import { httpRoute, json, textBody } from "../lib/http.js";

/**
 * GET /openapi.json and GET /docs: the committed openapi.yaml as JSON, and Redoc's page of it. Both
 * are built into the bundle at package time (build/docs-plugin.cjs); nothing is fetched at run time.
 */
const CACHE = { "Cache-Control": "public, max-age=300" };

/**
 * The page's own policy, for GET /docs only (every other answer keeps the API's default-src 'none'):
 * its two inline scripts by hash (Redoc, inlined, and its start-up), inline styles (Redoc's
 * styled-components and style attributes), data: images and fonts; nothing from elsewhere, and no
 * connections (Redoc's telemetry and icon CDN stay blocked).
 */
export const DOCS_CSP = [
  "default-src 'none'",
  `script-src ${page.scriptHashes.join(" ")}`,
  "style-src 'unsafe-inline'",
  "img-src data:",
  "font-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const route = httpRoute({}, async (_request, event) =>
  event.routeKey === "GET /docs" ? textBody(200, page.html, "text/html; charset=utf-8", CACHE) : json(200, document, CACHE),
);

export const handler = async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
  const result = (await route(event as Parameters<typeof route>[0], context)) as APIGatewayProxyStructuredResultV2;
  // Set after the shared middleware, whose security headers would put back the API's policy.
  if (event.routeKey === "GET /docs" && result.statusCode === 200) result.headers = { ...result.headers, "Content-Security-Policy": DOCS_CSP };
  return result;
};
