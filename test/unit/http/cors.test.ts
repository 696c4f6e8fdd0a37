/** CORS is off by default (see handlers.test.ts); with CORS_ALLOWED_ORIGINS only those origins are echoed. */
import type { Handler } from "../../support/lambda.js";
import { invoke } from "../../support/lambda.js";

let methodNotAllowed: Handler;

beforeAll(async () => {
  process.env.CORS_ALLOWED_ORIGINS = "https://tools.example.com, https://admin.example.com";
  // Imported only now: the configuration is read once, at import.
  ({ handler: methodNotAllowed } = await import("../../../src/handlers/method-not-allowed.js"));
});

const call = (origin: string) =>
  invoke(methodNotAllowed, { method: "PUT", path: "/keypairs", routeKey: "ANY /keypairs", headers: { origin } });

test("an allowed origin is echoed back", async () => {
  const answer = await call("https://admin.example.com");
  expect(answer.headers["access-control-allow-origin"]).toBe("https://admin.example.com");
  expect(answer.headers["access-control-allow-credentials"]).toBeUndefined();
});

test("any other origin gets no allow-origin header", async () => {
  const answer = await call("https://evil.example.net");
  expect([undefined, "https://tools.example.com", "https://admin.example.com"]).toContain(answer.headers["access-control-allow-origin"]);
});
