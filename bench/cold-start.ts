/** Paired cold starts: a fresh process per run, handler bundle vs no-op bundle, alternating. */
import { spawn } from "node:child_process";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { ROOT } from "../scripts/local-stack.js";
import { median } from "./stats.js";

const HARNESS = `${ROOT}/bench/cold-start-harness.mjs`;
const NODE = `${ROOT}/node_modules/.bin/node`;

export interface Timing {
  wallMs: number;
  cpuMs: number;
}

export interface ColdStart {
  /** From spawning the process to the first answer (the parent's clock). */
  wallMs: number;
  /** CPU of the whole process up to the first answer (Node start-up included). */
  cpuMs: number;
  init: Timing;
  first: Timing;
  /** Median of the warm invocations that follow, same event. */
  warm: Timing;
}

/** One fresh process: INIT, `before` if given (untimed), then `event` first and warm. */
export function runOnce(
  bundle: string,
  event: APIGatewayProxyEventV2,
  expect: string,
  env: NodeJS.ProcessEnv,
  before?: APIGatewayProxyEventV2,
): Promise<ColdStart> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let servedMs = Number.NaN;
    const args = [HARNESS, bundle, JSON.stringify(event), expect, ...(before ? [JSON.stringify(before)] : [])];
    const child = spawn(NODE, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      if (Number.isNaN(servedMs) && chunk.includes("served\n")) servedMs = performance.now() - started;
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`${bundle}: ${stderr.trim()}`));
      const phases = JSON.parse(stdout.trim().split("\n").at(-1)!) as { init: Timing; first: Timing; warm: Timing[]; processCpuMs: number };
      resolve({
        wallMs: servedMs,
        cpuMs: phases.processCpuMs,
        init: phases.init,
        first: phases.first,
        warm: { wallMs: median(phases.warm.map((call) => call.wallMs)), cpuMs: median(phases.warm.map((call) => call.cpuMs)) },
      });
    });
  });
}

export interface PairedResult {
  handler: ColdStart[];
  noop: ColdStart[];
  wallRatios: number[];
  cpuRatios: number[];
}

export async function pairedColdStarts(
  bundle: string,
  noop: string,
  event: APIGatewayProxyEventV2,
  expect: number,
  pairs: number,
  env: NodeJS.ProcessEnv,
): Promise<PairedResult> {
  const result: PairedResult = { handler: [], noop: [], wallRatios: [], cpuRatios: [] };
  for (let pair = 0; pair < pairs; pair += 1) {
    // Alternate which one goes first, so drift on a noisy machine hits both sides alike.
    const runs: Partial<Record<"handler" | "noop", ColdStart>> = {};
    for (const which of pair % 2 === 0 ? (["noop", "handler"] as const) : (["handler", "noop"] as const)) {
      runs[which] = which === "noop" ? await runOnce(noop, event, "any", env) : await runOnce(bundle, event, String(expect), env);
    }
    result.handler.push(runs.handler!);
    result.noop.push(runs.noop!);
    result.wallRatios.push(runs.handler!.wallMs / runs.noop!.wallMs);
    result.cpuRatios.push(runs.handler!.cpuMs / runs.noop!.cpuMs);
  }
  return result;
}
