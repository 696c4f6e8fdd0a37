/**
 * A cleanup of 1,000 unused keys (POST /keypairs/cleanup, decision 0035): a region of 1,131 managed
 * key pairs, 131 of them named by a small fleet (100 instances, 20 launch templates, 10 launch
 * configurations, 10 groups: bench/usage.ts's fleet), behind share-aws.ts's fake AWS (the realistic
 * layer's latencies, AWS's buckets, the rate share's ledger at 25 %). The cleanup handler runs as
 * Lambda calls it, each request with a 15 s function (the stage's timeout), following nextCursor
 * until done (after a stop for throttling, 1 s later). Reports time, requests, EC2 calls and the
 * share of each bucket used. Fails if a key in use was deleted, or the service exceeded its share.
 * `npx tsx bench/cleanup.ts` (also part of `npm run bench`, BENCH_CLEANUP=0 skips it).
 */
import { apiEvent, lambdaContext } from "../test/support/lambda.js";
import { BENCH_AWS_SETTINGS } from "./fake-ec2.js";
import { bucketRows, startShareAws } from "./share-aws.js";
import { formatTable } from "./table.js";
import { type Fleet, fleetAnswers } from "./usage.js";

const PERCENT = 25;
/** Keys 0-99 (instances), 100-120 (template versions) and 200-209 (launch configurations) are named: 131. */
const IN_USE = 131;
const FLEET: Fleet = { keys: 1000 + IN_USE, instances: 100, launchTemplates: 20, launchConfigurations: 10, groups: 10 };
const fleet = fleetAnswers(FLEET);

const name = (index: number) => `key-${String(index).padStart(4, "0")}`;
const id = (index: number) => `key-${index.toString(16).padStart(17, "0")}`;
const deleted = new Set<string>();
const keyItem = (index: number) =>
  `<item><keyPairId>${id(index)}</keyPairId><keyName>${name(index)}</keyName><keyType>ed25519</keyType><keyFingerprint>abc=</keyFingerprint>` +
  `<createTime>2026-01-02T10:00:00.000Z</createTime><tagSet><item><key>managed-by</key><value>ec2-keypairs-api</value></item></tagSet></item>`;

/** The region's keys less those deleted; a look-up by name or id answers that one key. */
function describeKeyPairs(params: URLSearchParams): string {
  const byName = params.get("KeyName.1");
  const byId = params.get("Filter.1.Value.1");
  const indexes = Array.from({ length: FLEET.keys }, (_, index) => index).filter(
    (index) => !deleted.has(id(index)) && (byName === null || name(index) === byName) && (byId === null || id(index) === byId),
  );
  return `<DescribeKeyPairsResponse><requestId>r</requestId><keySet>${indexes.map(keyItem).join("")}</keySet></DescribeKeyPairsResponse>`;
}

const aws = await startShareAws((call) => {
  if (call.action === "DeleteKeyPair") {
    deleted.add(call.params.get("KeyPairId") ?? "");
    return { type: "text/xml", body: "<DeleteKeyPairResponse><return>true</return></DeleteKeyPairResponse>" };
  }
  if (call.action === "DescribeKeyPairs") return { type: "text/xml", body: describeKeyPairs(call.params) };
  return { type: "text/xml", body: fleet(call.action, call.params) };
});
Object.assign(process.env, BENCH_AWS_SETTINGS, {
  EC2_ENDPOINT: aws.url,
  SSM_ENDPOINT: aws.url,
  AUTOSCALING_ENDPOINT: aws.url,
  EVENTS_ENDPOINT: aws.url,
  DYNAMODB_ENDPOINT: aws.url,
  RATE_SHARE_TABLE: "bench-rate-share",
  RATE_SHARE_PERCENT: String(PERCENT),
  ALLOWED_REGIONS: "us-east-1",
});
const handler = (await import("../src/handlers/cleanup-key-pairs.js")).handler as unknown as (
  event: unknown,
  context: unknown,
) => Promise<{ statusCode: number; body: string }>;

console.log(
  `== Cleanup of 1,000 unused keys: ${FLEET.keys} managed keys (${IN_USE} named by ${FLEET.instances} instances, ${FLEET.launchTemplates} ` +
    `templates, ${FLEET.launchConfigurations} launch configurations, ${FLEET.groups} groups); AWS latency as the realistic layer's; share ${PERCENT} %`,
);
const started = performance.now();
const stops: Record<string, number> = {};
const outcomes: Record<string, number> = {};
let requests = 0;
let cursor: object | undefined;
do {
  requests += 1;
  const response = await handler(
    apiEvent({
      method: "POST",
      path: "/keypairs/cleanup",
      routeKey: "POST /keypairs/cleanup",
      body: { unused: true, dryRun: false, ...(cursor ? { cursor } : {}) },
    }),
    lambdaContext(15_000),
  );
  if (response.statusCode !== 200) throw new Error(`cleanup answered ${response.statusCode}: ${response.body}`);
  const page = JSON.parse(response.body) as { items: { outcome: string }[]; stopped?: string; nextCursor?: object };
  for (const item of page.items) outcomes[item.outcome] = (outcomes[item.outcome] ?? 0) + 1;
  if (page.stopped) stops[page.stopped] = (stops[page.stopped] ?? 0) + 1;
  cursor = page.nextCursor;
  if (page.stopped === "throttled") await new Promise((resolve) => setTimeout(resolve, 1000));
} while (cursor);
const seconds = (performance.now() - started) / 1000;
const calls = [...aws.arrivals.values()].reduce((sum, times) => sum + times.length, 0);
console.log(
  `  ${seconds.toFixed(1)} s, ${requests} requests (stopped by ${JSON.stringify(stops)}), outcomes ${JSON.stringify(outcomes)}, ` +
    `${calls} AWS calls (${(calls / Math.max(1, outcomes.deleted ?? 0)).toFixed(1)} per deleted key)`,
);
const { rows, exceeded } = bucketRows(aws.arrivals, PERCENT);
console.log(formatTable(rows));
const { awsThrottled, ledgerWrites } = aws.stats();
console.log(`  ledger writes: ${ledgerWrites}; AWS throttled the service: ${awsThrottled} times`);
aws.close();
const wronglyDeleted = [...Array.from({ length: 100 }, (_, index) => index), ...Array.from({ length: 21 }, (_, index) => 100 + index)]
  .concat(Array.from({ length: 10 }, (_, index) => 200 + index))
  .filter((index) => deleted.has(id(index)));
if (deleted.size !== 1000 || wronglyDeleted.length > 0 || exceeded || awsThrottled > 0) {
  console.error(`deleted ${deleted.size} keys (${wronglyDeleted.length} in use), or the service exceeded its share, or AWS throttled it`);
  process.exit(1);
}
