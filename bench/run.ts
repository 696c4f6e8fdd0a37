/**
 * `npm run bench`: bundle sizes, paired cold starts, warm overhead and the 5,000-key listing.
 * Prints figures; fails only if something cannot run. Options (env): BENCH_PAIRS (default 11),
 * BENCH_WARM_ITERATIONS (default 3000), BENCH_SCALE_KEYS (default 5000; 0 skips).
 */
import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { rmSync } from "node:fs";
import { ROOT, startLocalStack } from "../scripts/local-stack.js";
import { buildVariant, HANDLERS, VARIANTS, type Bundle } from "./bundles.js";
import { pairedColdStarts } from "./cold-start.js";
import { eventFor } from "./events.js";
import { startFakeEc2 } from "./fake-ec2.js";
import { max, median, min } from "./stats.js";
import { formatTable } from "./table.js";

const PAIRS = Number(process.env.BENCH_PAIRS ?? 11);
const WARM_ITERATIONS = Number(process.env.BENCH_WARM_ITERATIONS ?? 3000);
const SCALE_KEYS = Number(process.env.BENCH_SCALE_KEYS ?? 5000);
const OUT = `${ROOT}/.tmp/bench`;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const table = (rows: string[][]) => console.log(formatTable(rows));

rmSync(OUT, { recursive: true, force: true });
const fake = await startFakeEc2();
const env = {
  ...process.env,
  EC2_ENDPOINT: fake.url,
  DEFAULT_REGION: "us-east-1",
  AWS_ACCESS_KEY_ID: "bench",
  AWS_SECRET_ACCESS_KEY: "bench",
  AWS_REGION: "us-east-1",
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  // Log lines are not what is measured here (cold starts still build the logger).
  POWERTOOLS_LOG_LEVEL: "SILENT",
};
Object.assign(process.env, env);
console.log(`Node ${spawnSync(`${ROOT}/node_modules/.bin/node`, ["--version"]).stdout.toString().trim()}, ${PAIRS} cold-start pairs per handler, fake EC2 on ${fake.url}\n`);

const bundles: Bundle[] = [];
for (const variant of VARIANTS) bundles.push(...(await buildVariant(variant, OUT)));

console.log("== Bundle size per handler (bytes of the .mjs/.cjs file)");
table([
  ["handler", ...VARIANTS.map((variant) => variant.name)],
  ...HANDLERS.map((handler) => [handler, ...VARIANTS.map((variant) => kb(bundles.find((b) => b.variant === variant.name && b.handler === handler)!.bytes))]),
]);
for (const variant of VARIANTS) console.log(`  ${variant.name}: ${variant.description}`);

console.log("\n== Cold start: fresh process, load bundle + serve one event, / same for a no-op handler (median of pairs [min-max])");
const coldRows: string[][] = [["handler", ...VARIANTS.map((variant) => variant.name)]];
for (const handler of HANDLERS) {
  const { event, expect } = eventFor(handler);
  const row: string[] = [handler];
  for (const variant of VARIANTS) {
    const bundle = bundles.find((b) => b.variant === variant.name && b.handler === handler)!;
    const noop = bundles.find((b) => b.variant === variant.name && b.handler === "noop")!;
    const variantEnv = variant.compileCache ? { ...env, NODE_COMPILE_CACHE: `${OUT}/${variant.name}/.compile-cache` } : env;
    if (variant.compileCache) await pairedColdStarts(bundle.file, noop.file, event, expect, 1, variantEnv); // fills the cache
    const result = await pairedColdStarts(bundle.file, noop.file, event, expect, PAIRS, variantEnv);
    row.push(`${median(result.ratios).toFixed(2)}x [${min(result.ratios).toFixed(2)}-${max(result.ratios).toFixed(2)}] ${median(result.handlerMs).toFixed(0)}/${median(result.noopMs).toFixed(0)} ms`);
  }
  coldRows.push(row);
  console.log(`  ${handler} done`);
}
table(coldRows);

console.log("\n== Where a cold start goes: each part alone, fresh process (median of 7): import ms + first call ms");
const { coldStartComponents } = await import("./components.js");
const components = await coldStartComponents(OUT, 7, env);
table([["part", "bytes", "import ms", "first call ms"], ...components.map((row) => [row.part, kb(row.bytes), row.importMs.toFixed(1), row.firstCallMs.toFixed(1)])]);

console.log(`\n== Warm overhead (deployed build, EC2 answered from memory; median of ${WARM_ITERATIONS} requests)`);
const { warmOverhead } = await import("./warm.js");
const warm = await warmOverhead(OUT, WARM_ITERATIONS);
table([
  ["route", "handler µs", "bare SDK call µs", "overhead µs", "service's client call µs", "handler - that call µs"],
  ...warm.map((row) => [
    row.name,
    row.handlerUs.toFixed(1),
    row.bareSdkUs.toFixed(1),
    (row.handlerUs - row.bareSdkUs).toFixed(1),
    row.serviceClientUs.toFixed(1),
    (row.handlerUs - row.serviceClientUs).toFixed(1),
  ]),
]);
console.log(`\n== Warm CPU per GET /keypairs/{name} by package (sampling profiler, unminified bundle; µs per request, with profiler overhead)`);
const { warmProfile } = await import("./warm-profile.js");
const profile = await warmProfile(OUT, WARM_ITERATIONS * 5);
table([["package or file", "µs"], ...profile.filter((row) => row.us >= 0.5).map((row) => [row.part, row.us.toFixed(1)])]);
fake.server.close();

if (SCALE_KEYS > 0) {
  console.log(`\n== Scale: ${SCALE_KEYS} key pairs in moto_server (public keys, 3 tags each), listed with includePublicKey`);
  const stack = await startLocalStack({ output: () => undefined });
  try {
    const listBundle = bundles.find((b) => b.variant === "deployed" && b.handler === "list-key-pairs")!;
    // Asynchronous: this process must keep draining moto_server's output, or moto blocks on it.
    const run = await promisify(execFile)(`${ROOT}/node_modules/.bin/tsx`, [`${ROOT}/bench/scale.ts`, listBundle.file, String(SCALE_KEYS)], {
      env: {
        ...env,
        EC2_ENDPOINT: stack.motoUrl,
        AWS_ACCESS_KEY_ID: "testing",
        AWS_SECRET_ACCESS_KEY: "testing",
        POWERTOOLS_LOG_LEVEL: "WARN",
      },
      encoding: "utf8",
      timeout: 1_800_000,
    });
    const result = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
    console.log(`  seeded ${result.seeded} keys in ${result.seedSeconds.toFixed(1)} s; listed ${result.listed} in ${result.pages.length} pages`);
    console.log(`  moto's own DescribeKeyPairs (all keys, public keys), bare SDK: ${result.bareDescribeMs.toFixed(0)} ms; each page below makes one such call`);
    table([
      ["page", "keys", "bytes", "ms", "ms beyond the bare call"],
      ...result.pages.map((page: { items: number; bytes: number; ms: number }, index: number) => [String(index + 1), String(page.items), String(page.bytes), page.ms.toFixed(0), (page.ms - result.bareDescribeMs).toFixed(0)]),
    ]);
    console.log(`  one unpaginated answer would be ~${(result.estimatedUnpagedBytes / 1024 / 1024).toFixed(2)} MB (Lambda's response limit: 6 MB)`);
  } finally {
    await stack.stop();
  }
}
