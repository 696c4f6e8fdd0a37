/**
 * The rate share at scale (decision 0030): a region with 5,000 key pairs (every one escrowed, some
 * expired), 10,000 instances and 1,000 launch templates, behind a fake AWS with the realistic
 * layer's latencies and AWS's buckets (scripts/realistic-aws/), and a fake DynamoDB ledger with the
 * same conditional writes. Runs GET /keypairs?unused=true back to back, then one sweep, through the
 * service's own modules, and reports per bucket the calls, the time and the share used. Fails if the
 * service ever took more than its share of a bucket (burst + rate x time), AWS throttled it, or a
 * listing did not finish (200) within its share and time. The listings run in one instance, as
 * back-to-back requests to one warm Lambda instance: its first scan reads every launch template
 * version that counts, later ones only those it has not read (key-usage-versions.ts).
 * `npx tsx bench/share.ts` (also part of `npm run bench`); BENCH_SHARE_EXPIRED (default 30) keys expired.
 */
import { DEFAULT_CONFIG } from "../scripts/realistic-aws/config.js";
import { SERVICE_TAGS } from "../src/lib/api/reserved-tags.js";
import { apiEvent, lambdaContext } from "../test/support/lambda.js";
import { BENCH_AWS_SETTINGS } from "./fake-ec2.js";
import { bucketRows, LEDGER_MS, startShareAws } from "./share-aws.js";
import { formatTable } from "./table.js";
import { type Fleet, fleetAnswers } from "./usage.js";

export const SCALE: Fleet = { keys: 5000, instances: 10_000, launchTemplates: 1000, launchConfigurations: 100, groups: 100 };
const EXPIRED = Number(process.env.BENCH_SHARE_EXPIRED ?? 30);
const PERCENT = 25;
const SWEEP_SECONDS = 300;

const hex = (index: number) => index.toString(16).padStart(17, "0");
const answer = fleetAnswers(SCALE, (index) =>
  index < EXPIRED ? `<item><key>${SERVICE_TAGS.expiresAt}</key><value>2026-01-01T00:00:00Z</value></item>` : "",
);

const deletedKeys = new Set<string>();

function ssmAnswer(action: string, input: { NextToken?: string; MaxResults?: number }): object {
  if (action === "DeleteParameter") return {};
  const start = Number(input.NextToken ?? 0);
  const end = Math.min(start + (input.MaxResults ?? 50), SCALE.keys);
  return {
    Parameters: Array.from({ length: end - start }, (_, offset) => ({
      Name: `/ec2/keypair/key-${hex(start + offset)}`,
      LastModifiedDate: 1_700_000_000,
    })),
    ...(end < SCALE.keys ? { NextToken: String(end) } : {}),
  };
}

const aws = await startShareAws((call, body) => {
  if (call.service === "ssm")
    return { type: "application/x-amz-json-1.1", body: JSON.stringify(ssmAnswer(call.action, JSON.parse(body.toString()))) };
  if (call.action === "DeleteKeyPair") {
    deletedKeys.add(call.params.get("KeyPairId") ?? "");
    return { type: "text/xml", body: "<DeleteKeyPairResponse><return>true</return></DeleteKeyPairResponse>" };
  }
  return { type: "text/xml", body: answer(call.action, call.params) };
});
const url = aws.url;

Object.assign(process.env, BENCH_AWS_SETTINGS, {
  EC2_ENDPOINT: url,
  SSM_ENDPOINT: url,
  AUTOSCALING_ENDPOINT: url,
  EVENTS_ENDPOINT: url,
  DYNAMODB_ENDPOINT: url,
  RATE_SHARE_TABLE: "bench-rate-share",
  RATE_SHARE_PERCENT: String(PERCENT),
  ALLOWED_REGIONS: "us-east-1",
});
/** The list route's handler, as Lambda calls it (bench/usage.ts calls its bundle the same way). */
const listHandler = (await import("../src/handlers/list-key-pairs.js")).handler as unknown as (
  event: unknown,
  context: unknown,
) => Promise<{ statusCode: number; body: string; headers?: Record<string, string> }>;
const { sweepKeyPairs } = await import("../src/lib/service/sweep.js");

const started = performance.now();
const since = (at: number) => ((performance.now() - at) / 1000).toFixed(1);

console.log(
  `== Rate share at scale: ${SCALE.keys} keys (${EXPIRED} expired, all escrowed), ${SCALE.instances} instances, ${SCALE.launchTemplates} ` +
    `launch templates, ${SCALE.launchConfigurations} launch configurations, ${SCALE.groups} groups; AWS latency ${JSON.stringify(DEFAULT_CONFIG.latency)}, ` +
    `ledger ${LEDGER_MS} ms; share ${PERCENT} %`,
);
const listings: string[][] = [["GET /keypairs?unused=true", "status", "s", "Retry-After", "result"]];
let listingsRefused = 0;
for (let index = 1; index <= 4; index += 1) {
  const at = performance.now();
  const response = await listHandler(
    apiEvent({ method: "GET", path: "/keypairs", query: { unused: "true", limit: "1000" }, routeKey: "GET /keypairs" }),
    lambdaContext(15_000),
  );
  const body = JSON.parse(response.body);
  if (response.statusCode !== 200) listingsRefused += 1;
  listings.push([
    `#${index}, at ${since(started)} s`,
    String(response.statusCode),
    since(at),
    response.headers?.["Retry-After"] ?? "",
    response.statusCode === 200 ? `${body.items.length} unused keys (first page)` : body.detail.slice(0, 90),
  ]);
}
console.log(formatTable(listings));

const sweepStarted = performance.now();
const summary = await sweepKeyPairs(Date.now() + (SWEEP_SECONDS - 15) * 1000);
const [region] = summary.regions;
console.log(
  `  sweep: ${since(sweepStarted)} s (time limit ${SWEEP_SECONDS} s), ${region!.expiredKeysDeleted.length} of ${EXPIRED} expired keys deleted, ` +
    `${deletedKeys.size} DeleteKeyPair calls reached AWS, failures: ${region!.failures.length ? region!.failures.join("; ") : "none"}`,
);

const { rows, exceeded } = bucketRows(aws.arrivals, PERCENT);
console.log(formatTable(rows));
const { awsThrottled, ledgerWrites } = aws.stats();
console.log(`  ledger writes: ${ledgerWrites}; AWS throttled the service: ${awsThrottled} times; total ${since(started)} s`);
aws.close();
if (exceeded || awsThrottled > 0 || listingsRefused > 0) {
  console.error("the service exceeded its share of a bucket, AWS throttled it, or an unused=true listing did not finish within its share");
  process.exit(1);
}
