/**
 * What each lazily loaded feature costs the request that uses it first (decision 0029): in a fresh
 * process of the packaged function, after INIT and its most common request, the first request that
 * uses the feature, against the same request warm. Median of runs.
 */
import { spawn } from "node:child_process";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { ROOT } from "../scripts/local-stack.js";
import { apiEvent } from "../test/support/lambda.js";
import { type BenchRoute, eventFor } from "./events.js";
import { median } from "./stats.js";

interface Probe {
  feature: string;
  route: BenchRoute;
  event: APIGatewayProxyEventV2;
  expect: number;
}

const route = (key: BenchRoute, feature: string): Probe => ({ feature, route: key, ...eventFor(key) });
const withUsage = (): Probe => {
  const { event, expect } = eventFor("GET /keypairs/{name}");
  const query = { includeUsage: "true" };
  return {
    feature: "usage check (includeUsage=true)",
    route: "GET /keypairs/{name}",
    event: { ...event, queryStringParameters: query, rawQueryString: "includeUsage=true" },
    expect,
  };
};
const escrowed = (): Probe => ({
  feature: "escrow (escrow: true)",
  route: "POST /keypairs",
  event: apiEvent({
    method: "POST",
    path: "/keypairs",
    routeKey: "POST /keypairs",
    body: { name: "bench", keyType: "ed25519", escrow: true },
  }),
  expect: 201,
});

/** The lazy features each function's bundle holds, by a request that uses each. */
export const PROBES: Record<string, Probe[]> = {
  readKeyPairs: [withUsage(), route("GET /keypairs", "list route"), route("GET /keypairs/by-id/{keyPairId}", "by-id route")],
  createKeyPairs: [escrowed(), route("POST /keypairs/import", "import route")],
  deleteKeyPairs: [route("DELETE /keypairs/by-id/{keyPairId}", "by-id route")],
};

interface Sample {
  first: { wallMs: number; cpuMs: number };
  warm: { wallMs: number; cpuMs: number }[];
}

function runOnce(bundle: string, common: APIGatewayProxyEventV2, probe: Probe, env: NodeJS.ProcessEnv): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const args = [`${ROOT}/bench/first-use-harness.mjs`, bundle, JSON.stringify(common), JSON.stringify(probe.event), String(probe.expect)];
    const child = spawn(`${ROOT}/node_modules/.bin/node`, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(stdout.trim().split("\n").at(-1)!)) : reject(new Error(`${bundle}: ${stderr}`)),
    );
  });
}

export interface FirstUse {
  feature: string;
  route: BenchRoute;
  firstWallMs: number;
  firstCpuMs: number;
  warmWallMs: number;
  warmCpuMs: number;
}

export async function firstUseCosts(bundle: string, common: BenchRoute, probes: Probe[], runs: number, env: NodeJS.ProcessEnv) {
  const rows: FirstUse[] = [];
  for (const probe of probes) {
    const samples: Sample[] = [];
    for (let run = 0; run < runs; run += 1) samples.push(await runOnce(bundle, eventFor(common).event, probe, env));
    rows.push({
      feature: probe.feature,
      route: probe.route,
      firstWallMs: median(samples.map((sample) => sample.first.wallMs)),
      firstCpuMs: median(samples.map((sample) => sample.first.cpuMs)),
      warmWallMs: median(samples.map((sample) => median(sample.warm.map((call) => call.wallMs)))),
      warmCpuMs: median(samples.map((sample) => median(sample.warm.map((call) => call.cpuMs)))),
    });
  }
  return rows;
}
