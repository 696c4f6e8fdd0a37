/**
 * GET /openapi.json and GET /docs, called directly: the page is read from its brotli file (a
 * stand-in for the one build/docs-plugin.cjs writes beside the bundle) and sent compressed to
 * clients that accept brotli, decompressed to the others.
 */

import { readFileSync } from "node:fs";
import { brotliDecompressSync } from "node:zlib";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { parse } from "yaml";
import { ROOT } from "../../../scripts/local-stack.js";
import { apiEvent, type Handler, lambdaContext } from "../../support/lambda.js";
import page, { DOCS_HTML } from "../../support/virtual-docs-page.js";

let handler: Handler;
let codingQuality: typeof import("../../../src/lib/http/negotiation.js").codingQuality;

beforeAll(async () => {
  ({ handler } = await import("../../../src/handlers/api-docs.js"));
  ({ codingQuality } = await import("../../../src/lib/http/negotiation.js"));
});

const get = async (path: string, headers: Record<string, string> = {}) =>
  (await handler(apiEvent({ method: "GET", path, headers }), lambdaContext())) as APIGatewayProxyStructuredResultV2;

const CSP =
  `default-src 'none'; script-src ${page.scriptHashes.join(" ")}; style-src 'unsafe-inline'; img-src data: https://cdn.redoc.ly; font-src data:; ` +
  `base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

describe("GET /docs", () => {
  test.each(["gzip, deflate, br", "br", "br;q=0.5, gzip", "*"])(
    "Accept-Encoding %s: the brotli file as it is, base64 for API Gateway",
    async (acceptEncoding) => {
      const answer = await get("/docs", { "accept-encoding": acceptEncoding });
      expect(answer).toMatchObject({ statusCode: 200, isBase64Encoded: true });
      expect(answer.headers).toMatchObject({
        "Content-Type": "text/html; charset=utf-8",
        "Content-Encoding": "br",
        Vary: "Accept-Encoding",
        "Cache-Control": "public, max-age=300",
        "Content-Security-Policy": CSP,
      });
      expect(Buffer.from(answer.body!, "base64")).toEqual(readFileSync(page.asset));
      expect(brotliDecompressSync(Buffer.from(answer.body!, "base64")).toString("utf8")).toBe(DOCS_HTML);
    },
  );

  test.each([undefined, "", "gzip, deflate", "br;q=0, gzip", "identity", "*;q=0"])(
    "Accept-Encoding %p: the page decompressed",
    async (acceptEncoding) => {
      const answer = await get("/docs", acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding });
      expect([answer.statusCode, answer.isBase64Encoded, answer.body]).toEqual([200, undefined, DOCS_HTML]);
      expect(answer.headers).toMatchObject({
        "Content-Type": "text/html; charset=utf-8",
        Vary: "Accept-Encoding",
        "Cache-Control": "public, max-age=300",
        "Content-Security-Policy": CSP,
      });
      expect(answer.headers).not.toHaveProperty("Content-Encoding");
    },
  );

  test("the shared middleware keeps the compressed body and its Vary; the Lambda adds no CORS header (that is the gateway's)", async () => {
    const answer = await get("/docs", { "accept-encoding": "br", origin: "https://tools.example.com" });
    expect([answer.isBase64Encoded, answer.headers?.["Access-Control-Allow-Origin"], answer.headers?.Vary]).toEqual([
      true,
      undefined,
      "Accept-Encoding",
    ]);
    expect(brotliDecompressSync(Buffer.from(answer.body!, "base64")).toString("utf8")).toBe(DOCS_HTML);
  });
});

test("GET /openapi.json is openapi.yaml as JSON, under the API's own policy", async () => {
  const answer = await get("/openapi.json", { "accept-encoding": "br" });
  expect([answer.statusCode, answer.isBase64Encoded, answer.headers?.["Content-Type"]]).toEqual([200, undefined, "application/json"]);
  expect(JSON.parse(answer.body!)).toEqual(parse(readFileSync(`${ROOT}/openapi.yaml`, "utf8")));
  expect(answer.headers?.["Content-Security-Policy"]).toMatch(/^default-src 'none';/);
  expect(answer.headers).not.toHaveProperty("Vary");
});

describe("codingQuality", () => {
  test.each([
    [undefined, "br", 0],
    ["", "br", 0],
    ["gzip, deflate, br", "br", 1],
    ["gzip, BR;q=0.4", "br", 0.4],
    ["br;q=0, *", "br", 0],
    ["*;q=0.3", "br", 0.3],
    ["gzip", "br", 0],
    ["br;q=oops", "br", 0],
  ])("%p for %s: %d", (acceptEncoding, coding, quality) => {
    expect(codingQuality(acceptEncoding, coding)).toBe(quality);
  });
});
