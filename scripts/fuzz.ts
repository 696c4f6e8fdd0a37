/**
 * Runs schemathesis (.venv-test, installed by `npm test`) against a fresh local stack, bounded by schemathesis.toml
 * (examples per operation, max-time) and a hard 5-minute timeout. Exits with its status.
 */
import { spawn } from "node:child_process";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { KNOWN_REGIONS } from "../src/lib/platform/regions.js";
import { ROOT, startLocalStack } from "./local-stack.js";

const STACK_LOG = `${ROOT}/.tmp/fuzz-stack.log`;
mkdirSync(`${ROOT}/.tmp`, { recursive: true });
writeFileSync(STACK_LOG, "");

// Every region the spec lists is served, so schema-valid regions are never refused.
const stack = await startLocalStack({
  env: { ALLOWED_REGIONS: KNOWN_REGIONS.join(","), LOG_LEVEL: "WARN" },
  output: (chunk) => appendFileSync(STACK_LOG, chunk),
});
let status = 1;
try {
  // Asynchronous on purpose: this process must keep draining the stack's output pipes.
  const schemathesis = spawn(`${ROOT}/.venv-test/bin/st`, ["run", `${ROOT}/openapi.yaml`, "--url", stack.apiUrl], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 300_000,
  });
  status = await new Promise<number>((resolve) => schemathesis.on("exit", (code) => resolve(code ?? 1)));
} finally {
  await stack.stop();
}
console.log(`fuzz: stack log in ${STACK_LOG}`);
process.exit(status);
