/**
 * CORS over HTTP, as API Gateway answers it (deploy/cors.cjs; locally scripts/offline/hooks.ts):
 * off (the shared local stack: no corsAllowedOrigins) means no CORS header on any answer,
 * preflight included; on (a stack of its own) means the listed origins only, never credentials.
 */
import { type LocalStack, startLocalStack } from "../../scripts/local-stack.js";

const ALLOWED = "https://tools.example.com";
const EVIL = "https://evil.example";
const corsHeaders = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));

const preflight = (api: string, origin: string) =>
  fetch(`${api}/keypairs`, {
    method: "OPTIONS",
    headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,idempotency-key" },
  });
const create = (api: string, origin: string, name: string) =>
  fetch(`${api}/keypairs?region=ap-southeast-2`, {
    method: "POST",
    headers: { origin, "content-type": "application/json" },
    body: JSON.stringify({ name, keyType: "ed25519" }),
  });
const unique = (label: string) => `${label}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

describe("CORS off (the default)", () => {
  test("a preflight from any origin gets no CORS header", async () => {
    const answer = await preflight(process.env.API_URL!, EVIL);
    expect(corsHeaders(answer)).toEqual([]);
  });

  test("a create with an Origin is answered without any CORS header: no page can read its private key", async () => {
    const answer = await create(process.env.API_URL!, EVIL, unique("cors-off"));
    expect(answer.status).toBe(201);
    expect(corsHeaders(answer)).toEqual([]);
  });
});

describe("CORS on, for one origin", () => {
  let stack: LocalStack;
  beforeAll(async () => {
    stack = await startLocalStack({ env: { CORS_ALLOWED_ORIGINS: ALLOWED }, output: () => undefined });
  }, 180_000);
  afterAll(() => stack?.stop());

  test("a preflight from that origin: 204 with its methods and headers, no credentials", async () => {
    const answer = await preflight(stack.apiUrl, ALLOWED);
    expect(answer.status).toBe(204);
    expect(answer.headers.get("access-control-allow-origin")).toBe(ALLOWED);
    expect(answer.headers.get("access-control-allow-methods")?.split(",")).toEqual(expect.arrayContaining(["GET", "POST", "DELETE"]));
    expect(answer.headers.get("access-control-allow-headers")?.split(",")).toEqual(
      expect.arrayContaining(["content-type", "idempotency-key", "authorization"]),
    );
    expect(answer.headers.get("access-control-allow-credentials")).toBeNull();
  });

  test("a preflight from another origin gets no CORS header", async () => {
    expect(corsHeaders(await preflight(stack.apiUrl, EVIL))).toEqual([]);
  });

  test("answers carry the origin for that origin only, never credentials", async () => {
    const allowed = await create(stack.apiUrl, ALLOWED, unique("cors-on"));
    expect([
      allowed.status,
      allowed.headers.get("access-control-allow-origin"),
      allowed.headers.get("access-control-allow-credentials"),
    ]).toEqual([201, ALLOWED, null]);
    const evil = await create(stack.apiUrl, EVIL, unique("cors-evil"));
    expect(evil.status).toBe(201);
    expect(corsHeaders(evil)).toEqual([]);
  });
});
