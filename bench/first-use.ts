/**
 * What each lazily loaded feature costs the request that uses it first (decision 0029): in a fresh
 * process of the packaged function, after INIT and its most common request (untimed), the first
 * request that uses the feature, against the same request warm. Median of runs.
 */
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { apiEvent } from "../test/support/lambda.js";
import { type ColdStart, runOnce } from "./cold-start.js";
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
    const samples: ColdStart[] = [];
    for (let run = 0; run < runs; run += 1)
      samples.push(await runOnce(bundle, probe.event, String(probe.expect), env, eventFor(common).event));
    rows.push({
      feature: probe.feature,
      route: probe.route,
      firstWallMs: median(samples.map((sample) => sample.first.wallMs)),
      firstCpuMs: median(samples.map((sample) => sample.first.cpuMs)),
      warmWallMs: median(samples.map((sample) => sample.warm.wallMs)),
      warmCpuMs: median(samples.map((sample) => sample.warm.cpuMs)),
    });
  }
  return rows;
}
