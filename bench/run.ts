/**
 * `npm run bench`: sizes and paired cold starts of what `serverless package` ships, INIT vs first
 * invocation, warm overhead, the traffic simulation and the 5,000-key listing. Prints figures;
 * fails only if something cannot run. Options (env): BENCH_PAIRS (default 11),
 * BENCH_WARM_ITERATIONS (default 3000), BENCH_SCALE_KEYS (default 5000; 0 skips), BENCH_BEFORE
 * (a git revision: its artifacts are packaged and measured in the same run, as a "before" column),
 * BENCH_ONLY (time only the routes whose key contains it, e.g. "DELETE"; the simulation then needs
 * every key-pair route and is skipped), BENCH_PLUGIN_PAIRS (default 7; 0 skips the plugin table),
 * BENCH_IDEMPOTENCY_PAIRS (default 15; 0 skips what an Idempotency-Key adds to a create), BENCH_SHARE (0 skips the rate share at scale, bench/share.ts), BENCH_CLEANUP (0 skips the
 * cleanup of 1,000 unused keys, bench/cleanup.ts), BENCH_ESTATE (0 skips the estate at scale, bench/estate.ts).
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import { ROOT, startLocalStack } from "../scripts/local-stack.js";
import type { RouteKey } from "../src/lib/routes.js";
import { checkoutRevision, type FunctionArtifact, packagedEnvironment, packageService, removeCheckout } from "./artifacts.js";
import { type PairedResult, pairedColdStarts } from "./cold-start.js";
import { BENCH_ROUTES, eventFor } from "./events.js";
import { fakeAwsEnvironment, startFakeEc2 } from "./fake-ec2.js";
import { max, median, min } from "./stats.js";
import { formatTable } from "./table.js";
import {
  compareLayouts,
  costsFrom,
  DEFAULT_TRAFFIC,
  formatSummaries,
  generateTrace,
  type MeasuredCosts,
  ROUTES,
  type Route,
} from "./traffic.js";

const PAIRS = Number(process.env.BENCH_PAIRS ?? 11);
const WARM_ITERATIONS = Number(process.env.BENCH_WARM_ITERATIONS ?? 3000);
const SCALE_KEYS = Number(process.env.BENCH_SCALE_KEYS ?? 5000);
const PLUGIN_PAIRS = Number(process.env.BENCH_PLUGIN_PAIRS ?? 7);
const IDEMPOTENCY_PAIRS = Number(process.env.BENCH_IDEMPOTENCY_PAIRS ?? 15);
const BEFORE = process.env.BENCH_BEFORE;
const ROUTES_TIMED = BENCH_ROUTES.filter((route) => route.includes(process.env.BENCH_ONLY ?? ""));
const OUT = `${ROOT}/.tmp/bench`;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const table = (rows: string[][]) => console.log(formatTable(rows));
const spread = (values: number[], digits = 2, unit = "x") =>
  `${median(values).toFixed(digits)}${unit} [${min(values).toFixed(digits)}-${max(values).toFixed(digits)}]`;

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const fake = await startFakeEc2();
/** The builds compared: this tree's artifacts, and those of BENCH_BEFORE if given. */
const builds: { label: string; functions: FunctionArtifact[] }[] = [];
// Kept until the warm overhead of both trees is measured (removed at the end).
const beforeCheckout = BEFORE ? checkoutRevision(BEFORE, `${OUT}/before-src`) : undefined;
if (beforeCheckout) builds.push({ label: `before (${BEFORE})`, functions: packageService(beforeCheckout, `${OUT}/before`) });
builds.push({ label: "now", functions: packageService(ROOT, `${OUT}/now`) });
const current = builds.at(-1)!;
// The functions' environment as deployed (PRIME_EC2_ON_INIT, NODE_OPTIONS...), pointed at the fake EC2.
const env = {
  ...process.env,
  ...packagedEnvironment(`${OUT}/now`),
  // Log lines are not what is measured here (cold starts still build the logger).
  ...fakeAwsEnvironment(fake.url),
};
Object.assign(process.env, env);
console.log(
  `\nNode ${spawnSync(`${ROOT}/node_modules/.bin/node`, ["--version"]).stdout.toString().trim()}, ${PAIRS} cold-start pairs per route, ` +
    `fake EC2 on ${fake.url}`,
);

// Any revision's route keys (the packaged template's, an earlier tree's too): a string.
const functionOf = (functions: FunctionArtifact[], route: string) => {
  const found = functions.find((fn) => fn.routes.includes(route));
  if (!found) throw new Error(`no packaged function serves ${route}`);
  return found;
};
const noop = `${OUT}/noop.mjs`;
writeFileSync(noop, 'export const handler = async () => ({ statusCode: 200, body: "{}" });\n');

console.log(
  "== Function artifacts (serverless package): what INIT loads (the handler module and the chunks it imports statically) / the " +
    "handler module alone / every file of the zip, uncompressed / the zip",
);
for (const build of builds) {
  console.log(`  ${build.label}`);
  table([
    ["function", "INIT", "handler module", "unzipped", "zip", "routes"],
    ...build.functions.map((fn) => [fn.name, kb(fn.initBytes), kb(fn.bytes), kb(fn.unzippedBytes), kb(fn.zipBytes), fn.routes.join(", ")]),
  ]);
}

console.log(
  `\n== Cold start by route: fresh process, INIT + first invocation, / the same for a no-op handler (median of ${PAIRS} pairs ` +
    `[min-max]); wall = spawn to first answer, CPU = the process's user+system time to it`,
);
const cold = new Map<string, PairedResult>();
const coldRows: string[][] = [
  ["route", ...builds.flatMap((build) => [`${build.label}: wall`, "CPU", "ms wall handler/no-op", "INIT module"])],
];
for (const route of ROUTES_TIMED) {
  const { event, expect } = eventFor(route);
  const row: string[] = [route];
  for (const build of builds) {
    const fn = functionOf(build.functions, route);
    const result = await pairedColdStarts(fn.file, noop, event, expect, PAIRS, env);
    cold.set(`${build.label} ${route}`, result);
    row.push(
      spread(result.wallRatios),
      `${median(result.cpuRatios).toFixed(2)}x`,
      `${median(result.handler.map((run) => run.wallMs)).toFixed(0)}/${median(result.noop.map((run) => run.wallMs)).toFixed(0)}`,
      `${fn.name} ${kb(fn.initBytes)}`,
    );
  }
  coldRows.push(row);
}
table(coldRows);

console.log(
  "\n== INIT and first invocation (median of the cold runs above; ms): INIT = module load with its top-level await, warm = the same " +
    "event again",
);
for (const build of builds) {
  console.log(`  ${build.label}`);
  const rows = [["route", "INIT wall", "INIT CPU", "1st wall", "1st CPU", "warm wall", "warm CPU", "1st - warm CPU"]];
  for (const route of ROUTES_TIMED) {
    const runs = cold.get(`${build.label} ${route}`)!.handler;
    const at = (pick: (run: (typeof runs)[number]) => number) => median(runs.map(pick)).toFixed(1);
    rows.push([
      route,
      at((run) => run.init.wallMs),
      at((run) => run.init.cpuMs),
      at((run) => run.first.wallMs),
      at((run) => run.first.cpuMs),
      at((run) => run.warm.wallMs),
      at((run) => run.warm.cpuMs),
      at((run) => run.first.cpuMs - run.warm.cpuMs),
    ]);
  }
  table(rows);
}

console.log(
  `\n== Against the floor (bench/loading-rule.ts): each function on its most common route / client-ec2 alone making that ` +
    `route's EC2 calls (median of ${PAIRS} pairs [min-max]; wall, CPU), ms handler/floor`,
);
const { LOADING_RULE } = await import("./loading-rule.js");
const { floorBundle } = await import("./floor.js");
const floorRows = [["function", "route", "floor calls", ...builds.flatMap((build) => [`${build.label}: wall`, "CPU", "ms"])]];
for (const [name, rule] of Object.entries(LOADING_RULE)) {
  if (!rule.floor || rule.mostCommon === "schedule" || !rule.mostCommon.includes(process.env.BENCH_ONLY ?? "")) continue;
  const floor = await floorBundle(OUT, name, rule.floor);
  const { event, expect } = eventFor(rule.mostCommon);
  const row = [name, rule.mostCommon, String(rule.floor.length)];
  for (const build of builds) {
    const result = await pairedColdStarts(functionOf(build.functions, rule.mostCommon).file, floor, event, expect, PAIRS, env);
    const ms = (runs: typeof result.handler) => median(runs.map((run) => run.wallMs)).toFixed(0);
    row.push(spread(result.wallRatios), `${median(result.cpuRatios).toFixed(2)}x`, `${ms(result.handler)}/${ms(result.noop)}`);
  }
  floorRows.push(row);
}
table(floorRows);

console.log(
  "\n== First use of each lazily loaded feature (this tree): after INIT and the most common request, the first request that " +
    "uses it vs the same request warm (median of 7 fresh processes; ms)",
);
const { PROBES, firstUseCosts } = await import("./first-use.js");
const firstUseRows = [
  ["function", "feature", "route", "1st wall", "1st CPU", "warm wall", "warm CPU", "1st - warm wall", "1st - warm CPU"],
];
for (const [name, probes] of Object.entries(PROBES)) {
  const rule = LOADING_RULE[name]!;
  if (rule.mostCommon === "schedule") continue;
  const fn = functionOf(current.functions, rule.mostCommon);
  for (const row of await firstUseCosts(fn.file, rule.mostCommon, probes, 7, env)) {
    firstUseRows.push([
      name,
      row.feature,
      row.route,
      row.firstWallMs.toFixed(1),
      row.firstCpuMs.toFixed(1),
      row.warmWallMs.toFixed(1),
      row.warmCpuMs.toFixed(1),
      (row.firstWallMs - row.warmWallMs).toFixed(1),
      (row.firstCpuMs - row.warmCpuMs).toFixed(1),
    ]);
  }
}
table(firstUseRows);

if (PLUGIN_PAIRS > 0) {
  console.log(
    `\n== What each build plugin buys (this tree; re-run alone: npx tsx bench/plugins-cli.ts): each function built without it, ` +
      `vs with every plugin (median of ${PLUGIN_PAIRS} paired cold starts on its most common route)`,
  );
  const { formatPluginShares, pluginShares } = await import("./plugins.js");
  console.log(formatPluginShares(await pluginShares(OUT, PLUGIN_PAIRS, env)));
}

// The traffic simulation's costs, from this build: a route's cold cost is its measured cold start
// (spawn to first answer), its warm cost the warm invocations after it, and a function costs what
// its slowest route does (bench/traffic.ts costsFrom). Every layout is costed from the same
// routes: a function's bundle is mostly the SDK and middleware its routes share.
const SIMULATED_ROUTES: Record<Route, RouteKey> = {
  create: "POST /keypairs",
  import: "POST /keypairs/import",
  list: "GET /keypairs",
  get: "GET /keypairs/{name}",
  getById: "GET /keypairs/by-id/{keyPairId}",
  delete: "DELETE /keypairs/{name}",
  deleteById: "DELETE /keypairs/by-id/{keyPairId}",
};
const simulated = (route: Route) => cold.get(`${current.label} ${SIMULATED_ROUTES[route]}`)?.handler;
if (ROUTES.every(simulated)) {
  const coldOf = (route: Route) => median(simulated(route)!.map((run) => run.wallMs));
  const warmOf = (route: Route) => median(simulated(route)!.map((run) => run.warm.wallMs));
  const measured: MeasuredCosts = {
    coldMs: Object.fromEntries(ROUTES.map((route) => [route, coldOf(route)])),
    warmMs: Object.fromEntries(ROUTES.map((route) => [route, warmOf(route)])),
  };
  writeFileSync(`${OUT}/costs.json`, `${JSON.stringify(measured, null, 2)}\n`);
  console.log(`\n== Traffic simulation (bench/traffic.ts; costs above, in .tmp/bench/costs.json; re-run: npx tsx bench/traffic-cli.ts)`);
  const trace = generateTrace(1, DEFAULT_TRAFFIC);
  console.log(
    `  ${DEFAULT_TRAFFIC.days} days, ${trace.length} requests (seed 1); every layout costed from the routes measured above: a function ` +
      `costs its slowest route`,
  );
  console.log(formatSummaries(compareLayouts(trace, costsFrom(measured))));
} else {
  console.log("\n== Traffic simulation skipped: BENCH_ONLY left key-pair routes out");
}

console.log("\n== Where a cold start goes: each part alone, fresh process (median of 7): import ms + first call ms");
const { coldStartComponents } = await import("./components.js");
const components = await coldStartComponents(OUT, 7, env);
table([
  ["part", "bytes", "import ms", "first call ms"],
  ...components.map((row) => [row.part, kb(row.bytes), row.importMs.toFixed(1), row.firstCallMs.toFixed(1)]),
]);

// From here on, thousands of requests a second: the rate share (a few calls a second per bucket)
// would refuse them. Its cost is in the cold starts above (the ledger's first write) and bench/share.ts.
process.env.RATE_SHARE_TABLE = "";
console.log(
  `\n== Warm overhead (each tree's build, EC2 answered from memory; median of ${WARM_ITERATIONS} requests, interleaved with the bare SDK ` +
    `call)`,
);
const { warmOverhead } = await import("./warm.js");
const warmRows = [
  ["build", "route", "handler µs", "bare SDK call µs", "overhead µs", "service's client call µs", "handler - that call µs"],
];
for (const [label, root] of [...(beforeCheckout ? [[`before (${BEFORE})`, beforeCheckout]] : []), ["now", ROOT]] as [string, string][]) {
  for (const row of await warmOverhead(OUT, WARM_ITERATIONS, root, label.replace(/\W+/g, "-"))) {
    warmRows.push([
      label,
      row.name,
      row.handlerUs.toFixed(1),
      row.bareSdkUs.toFixed(1),
      (row.handlerUs - row.bareSdkUs).toFixed(1),
      row.serviceClientUs.toFixed(1),
      (row.handlerUs - row.serviceClientUs).toFixed(1),
    ]);
  }
}
if (beforeCheckout) removeCheckout(beforeCheckout);
table(warmRows);
const { FLEET, usageLatency } = await import("./usage.js");
console.log(
  `\n== Usage check (issue 20): ${FLEET.instances} instances, ${FLEET.launchTemplates} launch templates, ${FLEET.launchConfigurations} ` +
    `launch configurations, ${FLEET.groups} groups; EC2 and Auto Scaling answered from memory, paged as AWS pages (ms per request, ` +
    `median of 50; re-run alone: npx tsx bench/usage-cli.ts)`,
);
table([
  ["request", "median ms", "min-max ms", "result", "calls per request"],
  ...(await usageLatency(OUT, 50)).map((row) => [
    row.name,
    row.medianMs.toFixed(1),
    `${row.minMs.toFixed(1)}-${row.maxMs.toFixed(1)}`,
    row.result,
    row.calls,
  ]),
]);
if (process.env.BENCH_SHARE !== "0") {
  // Its own process: it points the service's modules at its own fake AWS before importing them.
  console.log("\n== Rate share at scale (bench/share.ts; re-run alone: npx tsx bench/share.ts; BENCH_SHARE=0 skips)");
  const run = await promisify(execFile)(`${ROOT}/node_modules/.bin/tsx`, [`${ROOT}/bench/share.ts`], {
    env: process.env,
    encoding: "utf8",
    timeout: 900_000,
  });
  console.log(run.stdout.trimEnd());
}
if (process.env.BENCH_CLEANUP !== "0") {
  // Its own process, as the share's: its fake AWS answers a region of 1,131 keys.
  console.log("\n== Cleanup of 1,000 unused keys (bench/cleanup.ts; re-run alone: npx tsx bench/cleanup.ts; BENCH_CLEANUP=0 skips)");
  const run = await promisify(execFile)(`${ROOT}/node_modules/.bin/tsx`, [`${ROOT}/bench/cleanup.ts`], {
    env: process.env,
    encoding: "utf8",
    timeout: 1_800_000,
  });
  console.log(run.stdout.trimEnd());
}
if (process.env.BENCH_ESTATE !== "0") {
  // Its own process, as the rate share's: it points the service's modules at its own fake STS and EC2.
  console.log("\n== The estate at scale (bench/estate.ts; re-run alone: npx tsx bench/estate.ts; BENCH_ESTATE=0 skips)");
  const run = await promisify(execFile)(`${ROOT}/node_modules/.bin/tsx`, [`${ROOT}/bench/estate.ts`], {
    env: process.env,
    encoding: "utf8",
    timeout: 1_800_000,
  });
  console.log(run.stdout.trimEnd());
}
console.log(
  `\n== Warm CPU per GET /keypairs/{name} by package (sampling profiler, unminified bundle; µs per request, with profiler overhead)`,
);
const { warmProfile } = await import("./warm-profile.js");
const profile = await warmProfile(OUT, WARM_ITERATIONS * 5);
table([["package or file", "µs"], ...profile.filter((row) => row.us >= 0.5).map((row) => [row.part, row.us.toFixed(1)])]);
fake.server.close();

if (IDEMPOTENCY_PAIRS > 0) {
  console.log(
    "\n== What an Idempotency-Key adds to a create, end to end (serverless-offline, moto's EC2 and DynamoDB; re-run alone: npx tsx bench/idempotency-cli.ts)",
  );
  const stack = await startLocalStack({ output: () => undefined });
  try {
    const { formatIdempotencyCost, idempotencyCost } = await import("./idempotency.js");
    for (const line of formatIdempotencyCost(await idempotencyCost(stack, IDEMPOTENCY_PAIRS))) console.log(line);
  } finally {
    await stack.stop();
  }
}

if (SCALE_KEYS > 0) {
  console.log(`\n== Scale: ${SCALE_KEYS} key pairs in moto_server (public keys, 3 tags each), listed with includePublicKey`);
  const stack = await startLocalStack({ output: () => undefined });
  try {
    const listBundle = functionOf(current.functions, "GET /keypairs");
    // Asynchronous: this process must keep draining moto_server's output, or moto blocks on it.
    const run = await promisify(execFile)(
      `${ROOT}/node_modules/.bin/tsx`,
      [`${ROOT}/bench/scale.ts`, listBundle.file, String(SCALE_KEYS)],
      {
        env: {
          ...env,
          EC2_ENDPOINT: stack.motoUrl,
          // One listing of 5,000 keys: moto's time is measured, not the rate share (bench/share.ts).
          RATE_SHARE_TABLE: "",
          AWS_ACCESS_KEY_ID: "testing",
          AWS_SECRET_ACCESS_KEY: "testing",
          LOG_LEVEL: "WARN",
        },
        encoding: "utf8",
        timeout: 1_800_000,
      },
    );
    const result = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
    console.log(
      `  seeded ${result.seeded} keys in ${result.seedSeconds.toFixed(1)} s; listed ${result.listed} in ${result.pages.length} pages`,
    );
    console.log(
      `  moto's own DescribeKeyPairs (all keys, public keys), bare SDK: ${result.bareDescribeMs.toFixed(0)} ms; each page below makes ` +
        `one such call`,
    );
    table([
      ["page", "keys", "bytes", "ms", "ms beyond the bare call"],
      ...result.pages.map((page: { items: number; bytes: number; ms: number }, index: number) => [
        String(index + 1),
        String(page.items),
        String(page.bytes),
        page.ms.toFixed(0),
        (page.ms - result.bareDescribeMs).toFixed(0),
      ]),
    ]);
    console.log(
      `  one unpaginated answer would be ~${(result.estimatedUnpagedBytes / 1024 / 1024).toFixed(2)} MB (Lambda's response limit: 6 MB)`,
    );
  } finally {
    await stack.stop();
  }
}
