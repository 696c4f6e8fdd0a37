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
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { readCall } from "../scripts/realistic-aws/calls.js";
import { DEFAULT_CONFIG } from "../scripts/realistic-aws/config.js";
import { drawLatency, seededRandom } from "../scripts/realistic-aws/random.js";
import { TokenBucket } from "../scripts/realistic-aws/token-bucket.js";
import { SERVICE_TAGS } from "../src/lib/api/reserved-tags.js";
import { type AwsService, bucketOfAction } from "../src/lib/aws/rate-buckets.js";
import { shareOf } from "../src/lib/aws/rate-share.js";
import { apiEvent, lambdaContext } from "../test/support/lambda.js";
import { memoryLedger } from "../test/support/memory-ledger.js";
import { BENCH_AWS_SETTINGS } from "./fake-ec2.js";
import { formatTable } from "./table.js";
import { type Fleet, fleetAnswers } from "./usage.js";

export const SCALE: Fleet = { keys: 5000, instances: 10_000, launchTemplates: 1000, launchConfigurations: 100, groups: 100 };
const EXPIRED = Number(process.env.BENCH_SHARE_EXPIRED ?? 30);
const PERCENT = 25;
/** DynamoDB in the same region: single-digit milliseconds (an assumption, like the realistic layer's latencies). */
const LEDGER_MS = 5;
const SWEEP_SECONDS = 300;

const hex = (index: number) => index.toString(16).padStart(17, "0");
const answer = fleetAnswers(SCALE, (index) =>
  index < EXPIRED ? `<item><key>${SERVICE_TAGS.expiresAt}</key><value>2026-01-01T00:00:00Z</value></item>` : "",
);

/** Every call the service made, by bucket: when it reached AWS (ms, performance.now()). */
const arrivals = new Map<string, number[]>();
const awsBuckets = new Map<string, TokenBucket>();
let awsThrottled = 0;
let ledgerWrites = 0;
const ledger = memoryLedger();
const random = seededRandom(DEFAULT_CONFIG.seed, 3);
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

/** The ledger's UpdateItem, as DynamoDB answers it (rate-ledger.ts sends exactly these two forms). */
async function ledgerAnswer(input: {
  Key: { bucket: { S: string } };
  ConditionExpression: string;
  ExpressionAttributeValues: Record<string, { N: string }>;
}): Promise<{ status: number; body: object }> {
  ledgerWrites += 1;
  const value = (name: string) => Number(input.ExpressionAttributeValues[name]!.N);
  const change = input.ConditionExpression.startsWith("attribute_not_exists")
    ? { kind: "idle" as const, now: value(":now"), to: value(":to") }
    : { kind: "busy" as const, now: value(":now"), max: value(":max"), by: value(":by") };
  const result = await ledger.advance(input.Key.bucket.S, change);
  if (result.applied) return { status: 200, body: {} };
  return {
    status: 400,
    body: {
      __type: "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
      message: "The conditional request failed",
      ...(result.tat !== undefined ? { Item: { bucket: input.Key.bucket, tat: { N: String(result.tat) } } } : {}),
    },
  };
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", async () => {
    const body = Buffer.concat(chunks);
    const target = String(request.headers["x-amz-target"] ?? "");
    if (target.startsWith("DynamoDB_20120810.")) {
      await delay(LEDGER_MS);
      const { status, body: answerBody } = await ledgerAnswer(JSON.parse(body.toString()));
      response.writeHead(status, { "content-type": "application/x-amz-json-1.0" }).end(JSON.stringify(answerBody));
      return;
    }
    if (target === "AWSEvents.PutEvents") {
      response.writeHead(200, { "content-type": "application/x-amz-json-1.1" }).end('{"FailedEntryCount":0,"Entries":[{"EventId":"e"}]}');
      return;
    }
    const call = readCall(request.headers, body);
    const service = call.service as AwsService;
    const bucket = bucketOfAction(service, call.action);
    const key = `${service} ${bucket.name}`;
    arrivals.set(key, [...(arrivals.get(key) ?? []), performance.now()]);
    const aws = awsBuckets.get(key) ?? new TokenBucket(bucket.size, () => performance.now());
    awsBuckets.set(key, aws);
    if (!aws.take()) awsThrottled += 1;
    await delay(drawLatency(random, DEFAULT_CONFIG.latency));
    if (service === "ssm") {
      response
        .writeHead(200, { "content-type": "application/x-amz-json-1.1" })
        .end(JSON.stringify(ssmAnswer(call.action, JSON.parse(body.toString()))));
      return;
    }
    if (call.action === "DeleteKeyPair") {
      deletedKeys.add(call.params.get("KeyPairId") ?? "");
      response.writeHead(200, { "content-type": "text/xml" }).end("<DeleteKeyPairResponse><return>true</return></DeleteKeyPairResponse>");
      return;
    }
    response.writeHead(200, { "content-type": "text/xml" }).end(answer(call.action, call.params));
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

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

/**
 * The share a bucket's calls used: the most of AWS's bucket they held at once (AWS's bucket drained
 * by them alone), their mean rate against its refill, and whether they ever went past the share's
 * own bucket (burst, rate): one token of slack, as a call reaches AWS a latency after its take.
 */
const rows = [["bucket", "calls", "over s", "peak of AWS bucket", "mean rate / refill", "share (burst, /s)", "within share"]];
let exceeded = false;
for (const [key, times] of [...arrivals].sort()) {
  const [service, ...name] = key.split(" ");
  const { size } = bucketOfAction(service as AwsService, name.join(" "));
  const share = shareOf(size, PERCENT);
  let aws = size.capacity;
  let mine = share.burst + 1;
  let lowest = aws;
  let within = true;
  for (let index = 0; index < times.length; index += 1) {
    const gap = index ? (times[index]! - times[index - 1]!) / 1000 : 0;
    aws = Math.min(size.capacity, aws + gap * size.refillPerSecond) - 1;
    mine = Math.min(share.burst + 1, mine + gap * share.rate) - 1;
    lowest = Math.min(lowest, aws);
    if (mine < -1e-9) within = false;
  }
  exceeded ||= !within;
  const seconds = (times.at(-1)! - times[0]!) / 1000;
  rows.push([
    key,
    String(times.length),
    seconds.toFixed(1),
    `${(((size.capacity - lowest) / size.capacity) * 100).toFixed(0)} % of ${size.capacity}`,
    seconds > 1 ? `${((times.length / seconds / size.refillPerSecond) * 100).toFixed(0)} % of ${size.refillPerSecond}/s` : "one burst",
    `${share.burst}, ${share.rate}`,
    within ? "yes" : "NO",
  ]);
}
console.log(formatTable(rows));
console.log(`  ledger writes: ${ledgerWrites}; AWS throttled the service: ${awsThrottled} times; total ${since(started)} s`);
server.close();
if (exceeded || awsThrottled > 0 || listingsRefused > 0) {
  console.error("the service exceeded its share of a bucket, AWS throttled it, or an unused=true listing did not finish within its share");
  process.exit(1);
}
