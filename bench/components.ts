/**
 * Where a cold start goes: each part of a handler bundled alone (deployed build options), loaded
 * in a fresh process; import time and first call, median of runs.
 */

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ROOT } from "../scripts/local-stack.js";
import { bundleSource } from "./artifacts.js";
import { median } from "./stats.js";

const PARTS: Record<string, string> = {
  "empty module": `export const handler = async () => ({ statusCode: 200 });`,
  "zod/mini (import * as z)": `import * as z from "zod/mini"; export const handler = async () => z.string().parse("x");`,
  "zod + all of our schemas.ts":
    `import * as schemas from "${ROOT}/src/lib/api/schemas.ts"; export const handler = async () => ` +
    `schemas.KeyName.parse(Object.keys(schemas)[0]);`,
  "middy + http middlewares":
    `import middy from "@middy/core"; import a from "@middy/http-header-normalizer"; import b from ` +
    `"@middy/http-event-normalizer"; import { securityHeaders as d } from "${ROOT}/src/lib/http/middleware/security-headers.ts"; export ` +
    `const handler = middy().use(a()).use(b()).use(d()).handler(async () => ({ statusCode: 200 }));`,
  "src/lib/platform/logger.ts": `import { logger } from "${ROOT}/src/lib/platform/logger.ts"; export const handler = async () => { logger.info("x"); return 1; };`,
  // What src/lib/platform/logger.ts replaced (a devDependency now, kept for this comparison).
  "powertools logger":
    `import { Logger } from "@aws-lambda-powertools/logger"; const logger = new Logger(); export const handler = ` +
    `async () => { logger.info("x"); return 1; };`,
  // An access line that is also an EMF record, as the service writes it (src/lib/platform/metrics.ts)...
  "logger.ts + metrics.ts (EMF access line)":
    `import { logger } from "${ROOT}/src/lib/platform/logger.ts"; import { emfFields } from "${ROOT}/src/lib/platform/metrics.ts"; ` +
    `export const handler = async () => { logger.info("x", emfFields({ Route: "GET /x", Outcome: "2xx", ProblemKind: "none", ` +
    `FunctionName: "f" }, { Requests: 1, Latency: 3, ColdStart: 1 })); return 1; };`,
  // ...and what Powertools Metrics would cost for the same record (a devDependency, for this comparison).
  "powertools metrics":
    `import { Metrics } from "@aws-lambda-powertools/metrics"; const metrics = new Metrics({ namespace: "n", serviceName: "s" }); ` +
    `export const handler = async () => { metrics.addDimensions({ Route: "GET /x", Outcome: "2xx", ProblemKind: "none" }); ` +
    `metrics.addMetric("Requests", "Count", 1); metrics.addMetric("Latency", "Milliseconds", 3); metrics.publishStoredMetrics(); return 1; };`,
  // Tracing on (stage parameter tracing): the X-Ray SDK and a traced client, against the row below.
  "aws-xray-sdk-core + client-ec2 traced: one DescribeKeyPairs":
    `import { EC2Client, DescribeKeyPairsCommand } from "@aws-sdk/client-ec2"; import * as xray from "aws-xray-sdk-core"; ` +
    `xray.setContextMissingStrategy("IGNORE_ERROR"); const client = xray.captureAWSv3Client(new ` +
    `EC2Client({ region: "us-east-1", endpoint: process.env.EC2_ENDPOINT })); export const handler = async () => client.send(new ` +
    `DescribeKeyPairsCommand({}));`,
  "client-ec2: one DescribeKeyPairs":
    `import { EC2Client, DescribeKeyPairsCommand } from "@aws-sdk/client-ec2"; const client = new ` +
    `EC2Client({ region: "us-east-1", endpoint: process.env.EC2_ENDPOINT }); export const handler = async () => client.send(new ` +
    `DescribeKeyPairsCommand({}));`,
};

const runNode = promisify(execFile);

const HARNESS = `
const started = performance.now();
const { handler } = await import(process.argv[1]);
const imported = performance.now();
await handler({}, {});
console.log(JSON.stringify({ importMs: imported - started, firstCallMs: performance.now() - imported }));
`;

export async function coldStartComponents(outDir: string, runs: number, env: NodeJS.ProcessEnv) {
  const rows: { part: string; bytes: number; importMs: number; firstCallMs: number }[] = [];
  for (const [part, contents] of Object.entries(PARTS)) {
    const outfile = `${outDir}/components/${part.replace(/\W+/g, "-")}.mjs`;
    const { bytes } = await bundleSource(contents, outfile);
    const samples: { importMs: number; firstCallMs: number }[] = [];
    // Asynchronous: the fake EC2 endpoint that answers the child's call lives in this process.
    for (let run = 0; run < runs; run += 1) {
      const { stdout } = await runNode(`${ROOT}/node_modules/.bin/node`, ["--input-type=module", "-e", HARNESS, outfile], {
        env,
        encoding: "utf8",
        timeout: 30_000,
      });
      // The harness's line is the last: a part may print its own (Powertools Metrics writes its EMF record).
      samples.push(JSON.parse(stdout.trim().split("\n").at(-1)!));
    }
    rows.push({
      part,
      bytes,
      importMs: median(samples.map((sample) => sample.importMs)),
      firstCallMs: median(samples.map((sample) => sample.firstCallMs)),
    });
  }
  return rows;
}
