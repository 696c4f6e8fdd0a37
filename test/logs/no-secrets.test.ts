/**
 * Runs after the integration run: everything the local stack printed (Lambda logs included) must be
 * free of private key text, while still holding one structured access line per request.
 */
import { readFileSync } from "node:fs";
import { ROOT } from "../../scripts/local-stack.js";
import { UNAUTHENTICATED } from "../../src/lib/http/caller.js";
import { PRINCIPALS } from "../support/principals.js";

const log = readFileSync(`${ROOT}/.tmp/integration-stack.log`, "utf8");

test("the integration run logged requests as structured JSON with route, region, key name, caller, status, latency", () => {
  const accessLines = log
    .split("\n")
    .filter((line) => line.includes('"request completed"'))
    .map((line) => JSON.parse(line.slice(line.indexOf("{"))));
  expect(accessLines.length).toBeGreaterThan(50);
  expect(
    accessLines.filter(
      (line) =>
        line.route === "POST /keypairs" &&
        line.status === 201 &&
        line.keyName &&
        line.region &&
        line.latencyMs >= 0 &&
        line.function_request_id,
    ).length,
  ).toBeGreaterThan(0);
  // serverless-offline enforces no IAM: a caller is "unauthenticated" unless a test signed through the SigV4
  // verifier as one of the principals, whose assumed-role ARN the line names without its session.
  const callers = new Set([UNAUTHENTICATED, ...Object.values(PRINCIPALS).map((arn) => arn.replace(/\/[^/]+$/, ""))]);
  expect(accessLines.filter((line) => !callers.has(line.caller))).toEqual([]);
});

test("no private key text anywhere in the integration run's logs", () => {
  expect(log).not.toMatch(/PRIVATE KEY|PuTTY-User-Key-File|keyMaterial/);
});
