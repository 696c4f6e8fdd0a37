/** Starts moto_server + serverless-offline once for all integration tests; all output goes to a log file. */
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { type LocalStack, ROOT, startLocalStack } from "../../scripts/local-stack.ts";
import { configFromEnv } from "../../scripts/realistic-aws/config.ts";
import { startPrismProxy } from "../support/prism.ts";

declare global {
  // eslint-disable-next-line no-var
  var __LOCAL_STACK__: LocalStack | undefined;
  // eslint-disable-next-line no-var
  var __PRISM__: { stop: () => Promise<void> } | undefined;
}

export const STACK_LOG = `${ROOT}/.tmp/integration-stack.log`;

export default async function globalSetup(): Promise<void> {
  mkdirSync(`${ROOT}/.tmp`, { recursive: true });
  writeFileSync(STACK_LOG, "");
  const stack = await startLocalStack({
    output: (chunk) => appendFileSync(STACK_LOG, chunk),
    // A short "may still be running" window, so that Idempotency-Key repeats complete within a test.
    // No rate share of its own (decision 0030): the suite's bursts test other guarantees, and
    // test/integration/rate-share.test.ts tests the share on a stack of its own.
    // Two other accounts requests may name (test/integration/accounts.test.ts): one with the member role, one without.
    env: { LOG_LEVEL: "INFO", REQUEST_MAX_SECONDS: "2", RATE_SHARE_TABLE: "", ALLOWED_ACCOUNTS: "222222222222,333333333333" },
    // REALISTIC_AWS=1: the whole session against AWS as it behaves (docs/testing.md, "Realistic AWS").
    ...(process.env.REALISTIC_AWS === "1" ? { realisticAws: configFromEnv() } : {}),
  });
  globalThis.__LOCAL_STACK__ = stack;
  process.env.API_URL = stack.apiUrl;
  // CONTRACT_PROXY=prism: every request of the session goes through Prism's validating proxy
  // (violations logged to .tmp/prism.log; test/support/prism.ts counts them).
  if (process.env.CONTRACT_PROXY === "prism") {
    const prism = await startPrismProxy(stack.apiUrl);
    globalThis.__PRISM__ = prism;
    process.env.API_URL = prism.url;
  }
  // What the tests reach AWS through: the realistic layer when there is one, as the functions do.
  process.env.MOTO_URL = stack.awsUrl;
  // And moto itself: the truth, which the realistic layer's describes show only after their window.
  process.env.MOTO_TRUTH_URL = stack.motoUrl;
  process.env.STACK_LOG = STACK_LOG;
}
