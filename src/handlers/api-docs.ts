import { readFileSync } from "node:fs";
import { brotliDecompressSync } from "node:zlib";
import page from "virtual:docs-page";
import document from "virtual:openapi-document";
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { codingQuality } from "../lib/http/negotiation.js";
import { bytesBody, type HttpResult, json, textBody } from "../lib/http/responses.js";
import { httpRoute } from "../lib/http/route.js";
import { handler as problemPage } from "./problem-page.js";

/**
 * GET /openapi.json and GET /docs (and GET /problems/{type}, problem-page.ts): the committed openapi.yaml as JSON, and Redoc's page of it. Both
 * are built at package time (build/docs-plugin.cjs); nothing is fetched at run time. The spec is in
 * the bundle; the page (2.6 MB) is a brotli-compressed file beside it, read at the first GET /docs.
 */
const CACHE = { "Cache-Control": "public, max-age=300" };
const PAGE_HEADERS = { ...CACHE, Vary: "Accept-Encoding" };
const HTML = "text/html; charset=utf-8";

/**
 * The page's own policy, for GET /docs only (every other answer keeps the API's default-src 'none'):
 * its two inline scripts by hash (Redoc, inlined, and its start-up), inline styles (Redoc's
 * styled-components and style attributes), data: images and fonts, Redoc's logo from its CDN; no
 * other image, script, style or font from elsewhere, and no connections (Redoc's telemetry stays blocked).
 */
export const DOCS_CSP = [
  "default-src 'none'",
  `script-src ${page.scriptHashes.join(" ")}`,
  "style-src 'unsafe-inline'",
  // Redoc's "API docs by Redocly" logo is an <img> from its CDN (the only thing the page loads).
  "img-src data: https://cdn.redoc.ly",
  "font-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

// The page as built (brotli), read when first asked for, and what a response takes of it: its bytes
// in base64 (how API Gateway takes bytes) or, for a client that does not accept brotli, the page
// decompressed; each made once per instance.
let asset: Buffer | undefined;
let brotliBase64: string | undefined;
let html: string | undefined;

async function docsPage(acceptEncoding: string | undefined): Promise<HttpResult> {
  asset ??= readFileSync(page.asset);
  if (codingQuality(acceptEncoding, "br") > 0) {
    brotliBase64 ??= asset.toString("base64");
    return bytesBody(200, brotliBase64, HTML, { ...PAGE_HEADERS, "Content-Encoding": "br" });
  }
  html ??= brotliDecompressSync(asset).toString("utf8");
  return textBody(200, html, HTML, PAGE_HEADERS);
}

const route = httpRoute({}, async (_request, event) =>
  event.routeKey === "GET /docs" ? docsPage(event.headers?.["accept-encoding"]) : json(200, document, CACHE),
);

export const handler = async (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
  if (event.routeKey === "GET /problems/{type}")
    return (await problemPage(event as Parameters<typeof problemPage>[0], context)) as APIGatewayProxyStructuredResultV2;
  const result = (await route(event as Parameters<typeof route>[0], context)) as APIGatewayProxyStructuredResultV2;
  // Set after the shared middleware, whose security headers would put back the API's policy.
  if (event.routeKey === "GET /docs" && result.statusCode === 200)
    result.headers = { ...result.headers, "Content-Security-Policy": DOCS_CSP };
  return result;
};
