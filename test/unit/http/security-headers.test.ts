/**
 * src/lib/http/middleware/security-headers.ts writes out what @middy/http-security-headers (a dev
 * dependency now, kept for this comparison) wrote with the options the routes gave it: the same
 * headers on every answer, shaped the same way.
 */
import httpSecurityHeaders from "@middy/http-security-headers";
import { securityHeaders } from "../../../src/lib/http/middleware/security-headers.js";

/** The options src/lib/http/route.ts gave the middleware before its headers were written out. */
const MIDDY_OPTIONS = { contentSecurityPolicy: { "default-src": "'none'", "frame-ancestors": "'none'" }, permissionsPolicy: false };

type Phase = "after" | "onError";
const run = (middleware: Record<Phase, ((request: any) => void) | undefined>, phase: Phase, response: unknown) => {
  const request = { response: structuredClone(response), error: phase === "onError" ? new Error("x") : undefined };
  middleware[phase]!(request);
  return request.response;
};

const RESPONSES: [string, unknown][] = [
  ["a JSON answer with headers of its own", { statusCode: 200, body: "{}", headers: { "Content-Type": "application/json" } }],
  [
    "an answer naming its server",
    { statusCode: 404, body: "", headers: { Server: "x", "X-Powered-By": "y", "Referrer-Policy": "origin" } },
  ],
  ["an answer without headers", { statusCode: 201, body: "{}" }],
  ["an answer without a status", { body: "{}" }],
  ["a bare body", "text"],
  ["no answer", undefined],
];

describe.each(["after", "onError"] as Phase[])("%s", (phase) => {
  test.each(RESPONSES)("%s: as @middy/http-security-headers answered", (_name, response) => {
    const ours = run(securityHeaders() as never, phase, response);
    const middy = run(httpSecurityHeaders(MIDDY_OPTIONS) as never, phase, response);
    expect(ours).toEqual(middy);
    // Same order too: what a caller sees in a header dump.
    expect(Object.keys((ours as { headers?: object })?.headers ?? {})).toEqual(Object.keys((middy as { headers?: object })?.headers ?? {}));
  });
});

test("every answer carries the fixed headers, nosniff and a CSP that allows nothing among them", () => {
  const answer = run(securityHeaders() as never, "after", { statusCode: 200, body: "{}" }) as { headers: Record<string, string> };
  expect(answer.headers["X-Content-Type-Options"]).toBe("nosniff");
  expect(answer.headers["Content-Security-Policy"]).toMatch(/^default-src 'none'; /);
});
