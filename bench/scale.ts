/**
 * The per-region quota at scale: 5,000 key pairs (public keys and 3 tags each) in moto_server,
 * listed through the deployed list handler with includePublicKey, page by page, and the size one
 * unpaginated answer would have had. Run as its own process: the handler reads EC2_ENDPOINT at import.
 */
import { DescribeKeyPairsCommand, EC2Client, ImportKeyPairCommand } from "@aws-sdk/client-ec2";
import { ed25519PublicKey } from "../test/support/keys.js";
import { apiEvent, lambdaContext } from "../test/support/lambda.js";

const [bundle, countText] = process.argv.slice(2) as [string, string];
const count = Number(countText);
const region = "us-east-1";
// moto answers DescribeKeyPairs over thousands of keys in tens of seconds: give each call room,
// in the handler's EC2 budget (read when the bundle is imported, below) and in its Lambda context.
const SLOW_MOTO_MS = 300_000;
Object.assign(process.env, {
  EC2_MAX_ATTEMPTS: "1",
  EC2_REQUEST_TIMEOUT_MS: String(SLOW_MOTO_MS),
  EC2_TOTAL_TIMEOUT_MS: String(SLOW_MOTO_MS),
});
const ec2 = new EC2Client({
  region,
  endpoint: process.env.EC2_ENDPOINT,
  credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
});

let seeded = 0;
const seedStarted = performance.now();
const worker = async () => {
  while (seeded < count) {
    const index = seeded++;
    await ec2.send(
      new ImportKeyPairCommand({
        KeyName: `scale-${String(index).padStart(5, "0")}`,
        PublicKeyMaterial: Buffer.from(ed25519PublicKey()),
        TagSpecifications: [
          {
            ResourceType: "key-pair",
            Tags: [
              { Key: "managed-by", Value: "ec2-keypairs-api" },
              { Key: "team", Value: "platform" },
              { Key: "index", Value: String(index) },
            ],
          },
        ],
      }),
    );
  }
};
await Promise.all(Array.from({ length: 16 }, worker));
const seedSeconds = (performance.now() - seedStarted) / 1000;

const bareStarted = performance.now();
await ec2.send(new DescribeKeyPairsCommand({ IncludePublicKey: true }));
const bareDescribeMs = performance.now() - bareStarted;

const { handler } = await import(bundle);
const pages: { ms: number; bytes: number; items: number }[] = [];
let cursor: string | undefined;
let all = 0;
for (let page = 0; page < 100; page += 1) {
  const started = performance.now();
  const response = await handler(
    apiEvent({
      method: "GET",
      path: "/keypairs",
      query: { region, includePublicKey: "true", limit: "1000", ...(cursor ? { cursor } : {}) },
    }),
    lambdaContext(SLOW_MOTO_MS),
  );
  const ms = performance.now() - started;
  if (response.statusCode !== 200) throw new Error(`list answered ${response.statusCode}: ${response.body}`);
  const body = JSON.parse(response.body);
  pages.push({ ms, bytes: Buffer.byteLength(response.body), items: body.items.length });
  all += body.items.length;
  cursor = body.nextCursor;
  if (!cursor) break;
}
// What one answer with every key would weigh (the API never sends it: pages are at most 1,000 keys).
const started = performance.now();
const unpaged = await handler(
  apiEvent({ method: "GET", path: "/keypairs", query: { region, includePublicKey: "true", limit: "1000" } }),
  lambdaContext(SLOW_MOTO_MS),
);
const onePageMs = performance.now() - started;
const perKey = Buffer.byteLength(unpaged.body) / JSON.parse(unpaged.body).items.length;
console.log(
  JSON.stringify({
    seeded: count,
    seedSeconds,
    listed: all,
    bareDescribeMs,
    pages,
    onePageMs,
    estimatedUnpagedBytes: Math.round(perKey * count),
  }),
);
ec2.destroy();
