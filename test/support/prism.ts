/**
 * Stoplight Prism as a validating proxy in front of the local stack (CONTRACT_PROXY=prism): it
 * forwards every request unchanged and logs each request and response that does not match
 * openapi.yaml. Request violations are the hostile tests' own doing; response violations must be zero.
 */
import { spawn } from "node:child_process";
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
import { freePort, ROOT } from "../../scripts/local-stack.ts";

export const PRISM_LOG = `${ROOT}/.tmp/prism.log`;
const CLI = process.env.PRISM_CLI ?? `${ROOT}/node_modules/@stoplight/prism-cli/dist/index.js`;

export async function startPrismProxy(upstream: string): Promise<{ url: string; stop: () => Promise<void> }> {
  if (!existsSync(CLI)) throw new Error(`CONTRACT_PROXY=prism: ${CLI} is missing (npm install)`);
  const port = await freePort();
  writeFileSync(PRISM_LOG, "");
  // Prism needs Node >= 24.18: the project's own Node. `timeout` stops it even if teardown never runs.
  const child = spawn(
    "timeout",
    [
      "3600",
      `${ROOT}/node_modules/.bin/node`,
      CLI,
      "proxy",
      `${ROOT}/openapi.yaml`,
      upstream,
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--cors=false",
      "--errors=false",
    ],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    },
  );
  for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk: Buffer) => appendFileSync(PRISM_LOG, chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prism exited (${child.exitCode}); see ${PRISM_LOG}`);
    if (/Prism is listening/.test(readFileSync(PRISM_LOG, "utf8"))) break;
    if (Date.now() > deadline) throw new Error(`prism did not start; see ${PRISM_LOG}`);
    await delay(250);
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await delay(200);
    },
  };
}

/** The violations Prism logged: [request violations, response violations], each line as logged. */
export function prismViolations(log = readFileSync(PRISM_LOG, "utf8")): { request: string[]; response: string[]; requests: number } {
  const lines = log.split("\n");
  return {
    request: lines.filter((line) => /Violation: request/.test(line)),
    response: lines.filter((line) => /Violation: response/.test(line)),
    requests: lines.filter((line) => /Request received/.test(line)).length,
  };
}
