/**
 * A failed invocation, answered as API Gateway answers it (scripts/offline/hooks.ts): on a stack of
 * its own whose functions cannot start (an invalid setting, so INIT throws as a deployed function's
 * would), a route answers 500 {"message":"Internal Server Error"}, never 200 with the error as body.
 * The error itself is in the stack's log, not in the answer.
 */
import { type LocalStack, startLocalStack } from "../../scripts/local-stack.js";

let stack: LocalStack;
let log = "";
beforeAll(async () => {
  stack = await startLocalStack({
    env: { ALLOWED_REGIONS: "nowhere-1" }, // no such region: loading the configuration throws at INIT
    output: (chunk) => {
      log += chunk;
    },
  });
}, 180_000);
afterAll(() => stack?.stop());

test("a function whose INIT throws: 500 {message: Internal Server Error}, the error only in the log", async () => {
  const answers = await Promise.all([
    fetch(`${stack.apiUrl}/keypairs?region=us-east-1`),
    fetch(`${stack.apiUrl}/keypairs?region=us-east-1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "never-made", keyType: "ed25519" }),
    }),
  ]);
  for (const answer of answers) {
    expect([answer.status, answer.headers.get("content-type"), await answer.json()]).toEqual([
      500,
      expect.stringMatching(/^application\/json/),
      { message: "Internal Server Error" },
    ]);
  }
  expect(log).toMatch(/Invalid configuration: ALLOWED_REGIONS/);
});
