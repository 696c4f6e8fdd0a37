/**
 * The estate at scale: GET /keypairs?accounts=all&allRegions=true&fingerprint=<a leaked key>, the
 * list function's code bundled as deployed (bench/estate-function.ts), following nextCursor to the
 * end, against a fake STS and EC2 (bench/estate-fake.ts: its latencies, faults and buckets). Each runs
 * in a process of its own, a fresh function process per size, so that CPU and memory are the
 * function's alone. Reports per size: requests, wall and CPU time (and CPU at a 512 MB Lambda's 0.29
 * vCPU), calls, peak memory.
 * `npx tsx bench/estate.ts` (also part of `npm run bench`; BENCH_ESTATE=0 skips it there);
 * BENCH_ESTATE_ACCOUNTS (default 10,100,1000), ESTATE_CONCURRENCY (default the service's).
 */
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync } from "node:fs";
import { promisify } from "node:util";
import { ROOT } from "../scripts/local-stack.js";
import { STANDARD_REGIONS } from "../src/lib/platform/regions.js";
import { bundleSource } from "./artifacts.js";
import { accountId, LEAKED, OWN } from "./estate-accounts.js";
import { BENCH_AWS_SETTINGS } from "./fake-ec2.js";
import { formatTable } from "./table.js";

const SIZES = (process.env.BENCH_ESTATE_ACCOUNTS ?? "10,100,1000").split(",").map(Number);
const MAX_ACCOUNTS = Math.max(...SIZES);
/** A 512 MB Lambda function's share of a vCPU (Lambda allocates CPU in proportion to memory; 1,769 MB is one vCPU). */
const VCPU_AT_512 = 512 / 1769;
const MB = 1024 * 1024;

const fake = spawn(`${ROOT}/node_modules/.bin/tsx`, [`${ROOT}/bench/estate-fake.ts`], { stdio: ["pipe", "pipe", "inherit"] });
const [line] = (await once(fake.stdout!, "data")) as [Buffer];
const url = line.toString().trim();
const fakeCalls = async () =>
  (await (await fetch(`${url}/calls`)).json()) as {
    assumeRole: Record<string, number>;
    describe: Record<string, number>;
    throttled: number;
    hung: number;
  };

const outDir = `${ROOT}/.tmp/bench-estate`;
mkdirSync(outDir, { recursive: true });
const { outfile } = await bundleSource(`import "./bench/estate-function.ts";`, `${outDir}/function.mjs`);

interface Run {
  walls: number[];
  cpuSeconds: number;
  statuses: Record<string, number>;
  found: number;
  baseRss: number;
  peakRss: number;
  concurrency: number;
  deadlineMs: number;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const most = (counts: Record<string, number>) => Math.max(0, ...Object.values(counts));
const rows = [
  [
    "accounts",
    "scopes",
    "requests",
    "wall s (each)",
    "CPU s",
    "CPU s at 0.29 vCPU",
    "AssumeRole",
    "describes",
    "throttled/hung",
    "statuses",
    "found",
    "RSS MB (at start)",
  ],
];
let settings = "";
for (const size of SIZES) {
  await fetch(`${url}/reset`, { method: "POST" });
  const env = {
    ...process.env,
    ...BENCH_AWS_SETTINGS,
    EC2_ENDPOINT: url,
    STS_ENDPOINT: url,
    ACCOUNT_ID: OWN,
    ALLOWED_ACCOUNTS: Array.from({ length: MAX_ACCOUNTS }, (_, index) => accountId(index)).join(","),
    ALLOWED_REGIONS: STANDARD_REGIONS.join(","),
    // The bench's caller is unsigned (as on `npm start`): granted every account.
    ACCOUNT_ACCESS: JSON.stringify({ unauthenticated: ["*"] }),
    RATE_SHARE_TABLE: "",
    PRIME_EC2_ON_INIT: "false",
    // Only the first `size` accounts (the others are allowed but not named); all of them at the largest size.
    ESTATE_ACCOUNTS: size === MAX_ACCOUNTS ? "all" : [OWN, ...Array.from({ length: size }, (_, index) => accountId(index))].join(","),
    ESTATE_FINGERPRINT: LEAKED,
  };
  const started = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, [outfile], { env, maxBuffer: 16 * MB });
  const run = JSON.parse(stdout.trim().split("\n").at(-1)!) as Run;
  const calls = await fakeCalls();
  settings = `concurrency ${run.concurrency}, deadline ${run.deadlineMs} ms`;
  rows.push([
    String(size + 1),
    String((size + 1) * STANDARD_REGIONS.length),
    String(run.walls.length),
    `${((performance.now() - started) / 1000).toFixed(1)} (${run.walls.map((wall) => wall.toFixed(1)).join(", ")})`,
    run.cpuSeconds.toFixed(1),
    (run.cpuSeconds / VCPU_AT_512).toFixed(1),
    `${sum(calls.assumeRole)} (max ${most(calls.assumeRole)}/account)`,
    `${sum(calls.describe)} (max ${most(calls.describe)}/scope)`,
    `${calls.throttled}/${calls.hung}`,
    Object.entries(run.statuses)
      .map(([status, count]) => `${status} ${count}`)
      .join(", "),
    String(run.found),
    `${(run.peakRss / MB).toFixed(0)} (${(run.baseRss / MB).toFixed(0)})`,
  ]);
}
console.log(
  `== The estate at scale: accounts=all&allRegions=true&fingerprint=<leaked>, ${STANDARD_REGIONS.length} regions, 0-200 keys a scope; ` +
    `${settings}; 2 accounts denied`,
);
console.log(formatTable(rows));
console.log("  RSS: the function's process (the bundled listing and this loop, plain node); wall counts its start");
fake.stdin!.end();
process.exit(0);
