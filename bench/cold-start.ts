/** Paired cold starts: a fresh process per run, handler bundle vs no-op bundle, alternating. */
import { spawn } from "node:child_process";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { ROOT } from "../scripts/local-stack.js";

const HARNESS = `${ROOT}/bench/cold-start-harness.mjs`;
const NODE = `${ROOT}/node_modules/.bin/node`;

function runOnce(bundle: string, event: APIGatewayProxyEventV2, expect: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(NODE, [HARNESS, bundle, JSON.stringify(event), expect], { env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${bundle}: ${stderr.trim()}`))));
  });
}

export interface PairedResult {
  ratios: number[];
  handlerMs: number[];
  noopMs: number[];
}

export async function pairedColdStarts(bundle: string, noop: string, event: APIGatewayProxyEventV2, expect: number, pairs: number, env: NodeJS.ProcessEnv): Promise<PairedResult> {
  const result: PairedResult = { ratios: [], handlerMs: [], noopMs: [] };
  for (let pair = 0; pair < pairs; pair += 1) {
    // Alternate which one goes first, so drift on a noisy machine hits both sides alike.
    const order = pair % 2 === 0 ? ["noop", "handler"] : ["handler", "noop"];
    const times: Record<string, number> = {};
    for (const which of order) {
      times[which] = which === "noop" ? await runOnce(noop, event, "any", env) : await runOnce(bundle, event, String(expect), env);
    }
    result.handlerMs.push(times.handler!);
    result.noopMs.push(times.noop!);
    result.ratios.push(times.handler! / times.noop!);
  }
  return result;
}
