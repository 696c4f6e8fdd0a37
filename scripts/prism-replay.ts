/**
 * Replays the integration session through Stoplight Prism's validating proxy (`prism proxy`, Node
 * >= 24.18: the project's own Node) in front of the local stack, and fails unless Prism found zero
 * response violations. Independent of the tests' own Ajv check (test/support/contract.ts).
 *
 * Not replayed, because Prism is not a transparent proxy for them: test/integration/hostile.test.ts
 * (Prism 5.16 crashes on ill-formed percent-encoding in a path, URIError, and re-serializes JSON
 * bodies, which drops the duplicate members those tests send) and the malformed-JSON test (Prism
 * never answers it). Request violations are expected and only counted: the tests send invalid
 * requests on purpose, and the local stack takes unsigned requests (Prism: "Invalid security scheme used").
 */
import { spawnSync } from "node:child_process";
import { PRISM_LOG, prismViolations } from "../test/support/prism.ts";
import { ROOT } from "./local-stack.ts";

const jest = spawnSync(
  `${ROOT}/node_modules/.bin/jest`,
  [
    "--ci",
    "--selectProjects",
    "integration",
    "--testPathIgnorePatterns",
    "hostile",
    "--json",
    "--outputFile",
    `${ROOT}/.tmp/prism-replay-jest.json`,
  ],
  {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, CONTRACT_PROXY: "prism", NODE_OPTIONS: "--experimental-vm-modules" },
  },
);
const { request, response, requests } = prismViolations();
const unsigned = request.filter((line) => /Invalid security scheme used/.test(line)).length;
console.log(
  `prism replay: ${requests} requests through prism proxy; ${response.length} response violations; ${request.length} request violations ` +
    `(${unsigned} unsigned: no IAM locally; ${request.length - unsigned} deliberately invalid requests)`,
);
for (const line of response) console.log(`  ${line.trim()}`);
if (jest.status !== 0) console.log(`prism replay: the replayed integration tests failed (exit ${jest.status}); see above and ${PRISM_LOG}`);
process.exit(jest.status === 0 && response.length === 0 && requests > 0 ? 0 : 1);
