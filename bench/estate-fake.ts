/**
 * bench/estate.ts's fake STS + EC2, in a process of its own so that the bench's CPU and memory figures
 * are the listing's alone: N accounts x 17 regions, 0-200 keys per scope (seeded); AssumeRole 20-80 ms;
 * DescribeKeyPairs 30-250 ms with a heavy tail, 1 % throttled, 0.5 % not answering within the SDK's
 * request timeout; 2 accounts deny the member role; EC2's describe bucket per account and region.
 * DescribeKeyPairs honours the fingerprint filter as EC2 does (values here hold no wildcard).
 * Prints its URL on stdout; `GET /calls` answers what it counted since the last `POST /reset`.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as delay } from "node:timers/promises";
import { seededRandom } from "../scripts/realistic-aws/random.js";
import { TokenBucket } from "../scripts/realistic-aws/token-bucket.js";
import { bucketOfAction } from "../src/lib/aws/rate-buckets.js";
import { DENIED, hash, LEAKED, OWN } from "./estate-accounts.js";

/** Longer than the SDK's request timeout (EC2_REQUEST_TIMEOUT_MS): a describe that never answers in time. */
const HANG_MS = 60_000;

const random = seededRandom(35, 4);
const between = (min: number, max: number) => min + random() * (max - min);
/** 30-250 ms, most near 30-80, a few near 250. */
const describeMs = () => 30 + 220 * random() ** 4;
const keysIn = (account: string, region: string) => hash(`${account}/${region}`) % 201;

const fresh = () => ({ assumeRole: {} as Record<string, number>, describe: {} as Record<string, number>, throttled: 0, hung: 0 });
let calls = fresh();
const buckets = new Map<string, TokenBucket>();
const describeBucket = bucketOfAction("ec2", "DescribeKeyPairs").size;
const count = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

function keySet(account: string, region: string, fingerprint: string | null): string {
  let items = "";
  for (let index = 0; index < keysIn(account, region); index += 1) {
    const keyFingerprint = index === 0 && hash(account) % 50 === 0 ? LEAKED : `fp-${account}-${region}-${index}`;
    if (fingerprint !== null && keyFingerprint !== fingerprint) continue;
    items += `<item><keyPairId>key-${(hash(`${account}${region}`) + index).toString(16).padStart(17, "0")}</keyPairId><keyName>k-${index}</keyName><keyType>ed25519</keyType><keyFingerprint>${keyFingerprint}</keyFingerprint><createTime>2026-11-22T10:00:00.000Z</createTime><tagSet><item><key>team</key><value>t${index % 7}</value></item></tagSet></item>`;
  }
  return `<DescribeKeyPairsResponse><requestId>r</requestId><keySet>${items}</keySet></DescribeKeyPairsResponse>`;
}

const xml = (status: number, body: string) => ({ status, body });
const THROTTLED = xml(
  503,
  "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors></Response>",
);
const ROLE_DENIED = xml(
  403,
  "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized</Message></Error></ErrorResponse>",
);

async function assumeRole(params: URLSearchParams) {
  const account = /::(\d{12}):/.exec(params.get("RoleArn") ?? "")![1]!;
  count(calls.assumeRole, account);
  await delay(between(20, 80));
  if (DENIED.has(account)) return ROLE_DENIED;
  const expires = new Date(Date.now() + 3600_000).toISOString();
  return xml(
    200,
    `<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIA${account}</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>${expires}</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>`,
  );
}

async function describeKeyPairs(params: URLSearchParams, authorization: string) {
  const credential = /Credential=([^/]+)\/\d+\/([^/]+)\//.exec(authorization)!;
  // The account is the one whose credentials signed (a member's ASIA<account>, else the API's own).
  const account = /^ASIA(\d{12})$/.exec(credential[1]!)?.[1] ?? OWN;
  const region = credential[2]!;
  const scope = `${account}/${region}`;
  count(calls.describe, scope);
  const bucket = buckets.get(scope) ?? new TokenBucket(describeBucket, () => performance.now());
  buckets.set(scope, bucket);
  const fault = random();
  if (!bucket.take() || fault < 0.01) {
    calls.throttled += 1;
    await delay(describeMs());
    return THROTTLED;
  }
  if (fault < 0.015) {
    calls.hung += 1;
    await delay(HANG_MS);
  } else await delay(describeMs());
  const filtered = params.get("Filter.1.Name") === "fingerprint" ? params.get("Filter.1.Value.1") : null;
  return xml(200, keySet(account, region, filtered));
}

const server = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", async () => {
    if (request.url === "/calls") return void response.end(JSON.stringify(calls));
    if (request.url === "/reset") {
      calls = fresh();
      return void response.end();
    }
    const params = new URLSearchParams(body);
    const answer =
      params.get("Action") === "AssumeRole"
        ? await assumeRole(params)
        : await describeKeyPairs(params, String(request.headers.authorization));
    if (!response.destroyed) response.writeHead(answer.status, { "content-type": "text/xml" }).end(answer.body);
  });
});
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
// Ends with the bench that started it.
process.stdin.on("end", () => process.exit(0)).resume();
