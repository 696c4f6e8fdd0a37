/**
 * The estate at scale: GET /keypairs?accounts=all&allRegions=true&fingerprint=<a leaked key>
 * through the list function's own code, following nextCursor to the end, against an in-process fake of
 * STS and EC2: N accounts x 17 regions, 0-200 keys per scope; AssumeRole 20-80 ms; DescribeKeyPairs
 * 30-250 ms with a heavy tail, 1 % throttled, 0.5 % not answering within the SDK's request timeout;
 * 2 accounts deny the member role; EC2's describe bucket per account and region. Reports per size:
 * requests, wall and CPU time (and CPU at a 512 MB Lambda's 0.29 vCPU), calls, peak memory.
 * `npx tsx bench/estate.ts` (also part of `npm run bench`; BENCH_ESTATE=0 skips it there);
 * BENCH_ESTATE_ACCOUNTS (default 10,100,1000), ESTATE_CONCURRENCY (default the service's).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { seededRandom } from "../scripts/realistic-aws/random.js";
import { TokenBucket } from "../scripts/realistic-aws/token-bucket.js";
import { bucketOfAction } from "../src/lib/aws/rate-buckets.js";
import { STANDARD_REGIONS } from "../src/lib/platform/regions.js";
import { apiEvent, lambdaContext } from "../test/support/lambda.js";
import { BENCH_AWS_SETTINGS } from "./fake-ec2.js";
import { formatTable } from "./table.js";

const SIZES = (process.env.BENCH_ESTATE_ACCOUNTS ?? "10,100,1000").split(",").map(Number);
const MAX_ACCOUNTS = Math.max(...SIZES);
const OWN = "100000000000";
const accountId = (index: number) => String(100000000001 + index);
const DENIED = new Set([accountId(3), accountId(7)]);
const LEAKED = "Xk3r8yS0Wq2mYqk0sSL8cB5S0TtX4p9JZ3c3vJcQ0M4=";
/** A 512 MB Lambda function's share of a vCPU (Lambda allocates CPU in proportion to memory; 1,769 MB is one vCPU). */
const VCPU_AT_512 = 512 / 1769;
/** Longer than the SDK's request timeout (EC2_REQUEST_TIMEOUT_MS): a describe that never answers in time. */
const HANG_MS = 60_000;

const random = seededRandom(35, 4);
const between = (min: number, max: number) => min + random() * (max - min);
/** 30-250 ms, most near 30-80, a few near 250. */
const describeMs = () => 30 + 220 * random() ** 4;
const hash = (text: string) => [...text].reduce((sum, char) => (sum * 31 + char.charCodeAt(0)) >>> 0, 7);
const keysIn = (account: string, region: string) => hash(`${account}/${region}`) % 201;

const calls = { assumeRole: new Map<string, number>(), describe: new Map<string, number>(), throttled: 0, hung: 0 };
const buckets = new Map<string, TokenBucket>();
const describeBucket = bucketOfAction("ec2", "DescribeKeyPairs").size;

function keySet(account: string, region: string): string {
  const count = keysIn(account, region);
  let items = "";
  for (let index = 0; index < count; index += 1) {
    const fingerprint = index === 0 && hash(account) % 50 === 0 ? LEAKED : `fp-${account}-${region}-${index}`;
    items += `<item><keyPairId>key-${(hash(`${account}${region}`) + index).toString(16).padStart(17, "0")}</keyPairId><keyName>k-${index}</keyName><keyType>ed25519</keyType><keyFingerprint>${fingerprint}</keyFingerprint><createTime>2026-11-22T10:00:00.000Z</createTime><tagSet><item><key>team</key><value>t${index % 7}</value></item></tagSet></item>`;
  }
  return `<DescribeKeyPairsResponse><requestId>r</requestId><keySet>${items}</keySet></DescribeKeyPairsResponse>`;
}

const server = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", async () => {
    const params = new URLSearchParams(body);
    const action = params.get("Action");
    const credential = /Credential=([^/]+)\/\d+\/([^/]+)\//.exec(String(request.headers.authorization))!;
    if (action === "AssumeRole") {
      const account = /::(\d{12}):/.exec(params.get("RoleArn") ?? "")![1]!;
      calls.assumeRole.set(account, (calls.assumeRole.get(account) ?? 0) + 1);
      await delay(between(20, 80));
      if (DENIED.has(account)) {
        response
          .writeHead(403, { "content-type": "text/xml" })
          .end(
            "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized</Message></Error></ErrorResponse>",
          );
        return;
      }
      const expires = new Date(Date.now() + 3600_000).toISOString();
      response
        .writeHead(200, { "content-type": "text/xml" })
        .end(
          `<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIA${account}</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>${expires}</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>`,
        );
      return;
    }
    // The account is the one whose credentials signed (a member's ASIA<account>, else the API's own).
    const account = /^ASIA(\d{12})$/.exec(credential[1]!)?.[1] ?? OWN;
    const region = credential[2]!;
    const scope = `${account}/${region}`;
    calls.describe.set(scope, (calls.describe.get(scope) ?? 0) + 1);
    const bucket = buckets.get(scope) ?? new TokenBucket(describeBucket, () => performance.now());
    buckets.set(scope, bucket);
    const fault = random();
    if (!bucket.take() || fault < 0.01) {
      calls.throttled += 1;
      await delay(describeMs());
      response
        .writeHead(503, { "content-type": "text/xml" })
        .end(
          "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors></Response>",
        );
      return;
    }
    if (fault < 0.015) {
      calls.hung += 1;
      await delay(HANG_MS);
    } else await delay(describeMs());
    if (!response.destroyed) response.writeHead(200, { "content-type": "text/xml" }).end(keySet(account, region));
  });
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

Object.assign(process.env, BENCH_AWS_SETTINGS, {
  EC2_ENDPOINT: url,
  STS_ENDPOINT: url,
  ACCOUNT_ID: OWN,
  ALLOWED_ACCOUNTS: Array.from({ length: MAX_ACCOUNTS }, (_, index) => accountId(index)).join(","),
  ALLOWED_REGIONS: STANDARD_REGIONS.join(","),
  RATE_SHARE_TABLE: "",
  PRIME_EC2_ON_INIT: "false",
});
const { handler } = (await import("../src/handlers/list-key-pairs.js")) as unknown as {
  handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
};
const { config } = await import("../src/lib/platform/config.js");

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

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
  ],
];
for (const size of SIZES) {
  // Only the first `size` accounts: the others are allowed but not named.
  const accounts = [OWN, ...Array.from({ length: size }, (_, index) => accountId(index))].join(",");
  calls.assumeRole.clear();
  calls.describe.clear();
  calls.throttled = 0;
  calls.hung = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const walls: number[] = [];
  const statuses = new Map<string, number>();
  let found = 0;
  let estateCursor: string | undefined;
  do {
    const at = performance.now();
    const query = {
      accounts: size === MAX_ACCOUNTS ? "all" : accounts,
      allRegions: "true",
      fingerprint: LEAKED,
      ...(estateCursor ? { estateCursor } : {}),
    };
    const event = apiEvent({ method: "GET", path: "/keypairs", query, routeKey: "GET /keypairs" });
    (event.requestContext as { timeEpoch: number }).timeEpoch = Date.now();
    const answer = await handler(event, lambdaContext(29_000));
    if (answer.statusCode !== 200) throw new Error(`estate listing answered ${answer.statusCode}: ${answer.body.slice(0, 300)}`);
    walls.push((performance.now() - at) / 1000);
    const page = JSON.parse(answer.body) as {
      items: unknown[];
      scopes: Record<string, Record<string, { status: string }>>;
      nextCursor?: string;
    };
    found += page.items.length;
    for (const regions of Object.values(page.scopes))
      for (const scope of Object.values(regions))
        if (scope.status !== "pending") statuses.set(scope.status, (statuses.get(scope.status) ?? 0) + 1);
    estateCursor = page.nextCursor;
  } while (estateCursor && walls.length < 50);
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const assumeRoles = [...calls.assumeRole.values()];
  rows.push([
    String(size + 1),
    String((size + 1) * STANDARD_REGIONS.length),
    String(walls.length),
    `${((performance.now() - started) / 1000).toFixed(1)} (${walls.map((wall) => wall.toFixed(1)).join(", ")})`,
    cpuSeconds.toFixed(1),
    (cpuSeconds / VCPU_AT_512).toFixed(1),
    `${assumeRoles.reduce((a, b) => a + b, 0)} (max ${Math.max(0, ...assumeRoles)}/account)`,
    `${[...calls.describe.values()].reduce((a, b) => a + b, 0)} (max ${Math.max(0, ...calls.describe.values())}/scope)`,
    `${calls.throttled}/${calls.hung}`,
    [...statuses].map(([status, count]) => `${status} ${count}`).join(", "),
    String(found),
  ]);
}
clearInterval(sampler);
console.log(
  `== The estate at scale: accounts=all&allRegions=true&fingerprint=<leaked>, ${STANDARD_REGIONS.length} regions, 0-200 keys a scope; ` +
    `concurrency ${config.ESTATE_CONCURRENCY}, deadline ${config.ESTATE_DEADLINE_MS} ms; 2 accounts denied`,
);
console.log(formatTable(rows));
console.log(`  peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB (this process: the fake AWS too)`);
server.closeAllConnections();
server.close();
process.exit(0);
