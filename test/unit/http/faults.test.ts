/**
 * The real SDK against a local fault-injecting EC2 endpoint: throttling, 5xx and a hanging
 * connection must become 429 / 502 / 504 problems, after the SDK's retries, well inside the
 * Lambda timeout (15 s), with no internals in the body.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Handler } from "../../support/lambda.js";
import { invoke, lambdaContext } from "../../support/lambda.js";

const LAMBDA_TIMEOUT_MS = 15_000;
const attempts = new Map<string, number>();
let server: Server;
let createHandler: Handler;

const ec2ErrorXml = (code: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${code}</Code><Message>injected ` +
  `${code}</Message></Error></Errors><RequestID>r-1</RequestID></Response>`;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const name = new URLSearchParams(body).get("KeyName") ?? "";
      attempts.set(name, (attempts.get(name) ?? 0) + 1);
      if (name.startsWith("hang")) return; // never answer
      const [status, code] = name.startsWith("throttle")
        ? [503, "RequestLimitExceeded"]
        : name.startsWith("invalid")
          ? [400, "InvalidParameterValue"]
          : [500, "InternalError"];
      response.writeHead(status, { "content-type": "text/xml" }).end(ec2ErrorXml(code));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  Object.assign(process.env, {
    EC2_ENDPOINT: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    EC2_MAX_ATTEMPTS: "3",
    EC2_REQUEST_TIMEOUT_MS: "500",
    EC2_TOTAL_TIMEOUT_MS: "2500",
  });
  // Imported only now: the configuration is read once, at import.
  ({ handler: createHandler } = await import("../../../src/handlers/create-key-pair.js"));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test.each([
  ["throttle-1", 429, "throttled", 3],
  ["fail-1", 502, "upstream-error", 3],
  ["hang-1", 504, "upstream-timeout", 3], // 3 attempts of 500 ms each
  ["invalid-1", 400, "validation", 1], // EC2 refused it: not carried out, and sending it again cannot help
])("%s -> %i %s within the Lambda timeout", async (name, status, kind, expectedAttempts) => {
  const started = performance.now();
  const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body: { name } });
  const elapsed = performance.now() - started;
  expect(answer.status).toBe(status);
  expect(answer.body.type).toMatch(new RegExp(`/problems/${kind}$`));
  expect(JSON.stringify(answer.body)).not.toMatch(/127\.0\.0\.1|stack|\.ts:|\.js:/);
  expect(elapsed).toBeLessThan(LAMBDA_TIMEOUT_MS);
  expect(attempts.get(name)).toBe(expectedAttempts);
  if (status === 429) expect(Number(answer.headers["retry-after"])).toBeGreaterThan(0);
});

test("a call that outlives the function's remaining time -> 504 before the Lambda timeout", async () => {
  const remainingMs = 800; // less than EC2's 3 x 500 ms here, as if EC2_TOTAL_TIMEOUT_MS were set too high
  const started = performance.now();
  const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body: { name: "hang-2" } }, lambdaContext(remainingMs));
  expect(answer.status).toBe(504);
  expect(answer.body).toMatchObject({ status: 504, detail: "The request did not finish within the function's time limit." });
  expect(performance.now() - started).toBeLessThan(remainingMs - 100); // the answer comes 250 ms early
});
