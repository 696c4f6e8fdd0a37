/**
 * Idempotency-Key over HTTP against the local stack, whose REQUEST_MAX_SECONDS is short (see
 * global-setup.ts) so that "may still be running" ends within the test.
 */
import { request } from "node:http";
import { DynamoDBClient, ScanCommand } from "@aws-sdk/client-dynamodb";
import { DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { LOCAL_IDEMPOTENCY_TABLE } from "../../scripts/local-stack.js";
import { ed25519PublicKey, publicKeyOf, withoutComment } from "../support/keys.js";

const region = "eu-north-1"; // used by no other test file
const run = `i${process.pid}${Math.random().toString(36).slice(2, 6)}`;

/** A key just made, read back: describes may lag the create (REALISTIC_AWS=1), so a 404 is asked again, boundedly. */
async function readEventually(path: string): Promise<Record<string, any>> {
  for (let attempt = 1; ; attempt += 1) {
    const answer = await fetch(`${process.env.API_URL}${path}`);
    if (answer.status !== 404 || attempt === 40) return answer.json();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A key's tags as EC2 (moto) holds them, the service's bookkeeping included, which no answer shows. */
async function tagsInEc2(name: string): Promise<Record<string, string>> {
  const ec2 = new EC2Client({
    region,
    endpoint: process.env.MOTO_TRUTH_URL,
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  });
  try {
    const { KeyPairs = [] } = await ec2.send(new DescribeKeyPairsCommand({ KeyNames: [name] }));
    return Object.fromEntries((KeyPairs[0]?.Tags ?? []).map((tag) => [tag.Key!, tag.Value!]));
  } finally {
    ec2.destroy();
  }
}

async function post(path: string, body: object, idempotencyKey: string) {
  const response = await fetch(`${process.env.API_URL}${path}?region=${region}`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `"${idempotencyKey}"` },
    body: JSON.stringify(body),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as Record<string, any> };
}

test("create: a repeat after the first finished is 409 private-key-delivered naming its key pair, whose private key still works", async () => {
  const body = { name: `${run}-create`, keyType: "ed25519", tags: { team: "a" } };
  const first = await post("/keypairs", body, `${run}-k1`);
  expect(first.status).toBe(201);

  const repeat = await post("/keypairs", body, `${run}-k1`);
  expect([repeat.status, repeat.retryAfter, repeat.body.type, repeat.body.keyPair]).toEqual([
    409,
    null,
    expect.stringMatching(/\/problems\/private-key-delivered$/),
    { keyPairId: first.body.keyPairId, name: body.name, region },
  ]);
  expect(JSON.stringify(repeat.body)).not.toMatch(/PRIVATE KEY/);
  // Nothing was made or deleted: the key held is the first one, and its private key is the one the first answer gave.
  const held = await readEventually(`/keypairs/by-id/${first.body.keyPairId}?region=${region}&includePublicKey=true`);
  expect(publicKeyOf(first.body.keyMaterial)).toBe(withoutComment(held.publicKey));
  // Answers show the caller's tags and the managed tag, not the service's bookkeeping (EC2 holds it).
  expect(Object.keys(held.tags).sort()).toEqual(["managed-by", "team"]);
  expect(Object.keys(first.body.tags).sort()).toEqual(["managed-by", "team"]);
  expect(await tagsInEc2(body.name)).toHaveProperty("ec2-keypairs-api:request-digest");

  const different = await post("/keypairs", { ...body, keyType: "rsa" }, `${run}-k1`);
  expect([different.status, different.body.type]).toEqual([422, expect.stringMatching(/\/problems\/idempotency-key-reused$/)]);
  // A different key for the existing name is the ordinary conflict.
  const otherKey = await post("/keypairs", body, `${run}-k2`);
  expect([otherKey.status, otherKey.body.type]).toEqual([409, expect.stringMatching(/\/problems\/conflict$/)]);
});

test("the ledger holds hashes, digests and public fields with a TTL, never a private key or the Idempotency-Key itself", async () => {
  const idempotencyKey = `${run}-the-callers-own-key`;
  const created = await post("/keypairs", { name: `${run}-ledger`, keyType: "rsa" }, idempotencyKey);
  expect(created.status).toBe(201);
  const dynamoDb = new DynamoDBClient({
    region: "us-east-1",
    endpoint: process.env.MOTO_TRUTH_URL,
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
  });
  const { Items = [] } = await dynamoDb.send(new ScanCommand({ TableName: LOCAL_IDEMPOTENCY_TABLE }));
  dynamoDb.destroy();
  const ours = Items.filter((item) => item.outcome?.S?.includes(created.body.keyPairId));
  expect(ours).toHaveLength(1);
  expect(Number(ours[0]!.expiresAt!.N) * 1000).toBeGreaterThan(Date.now());
  const stored = JSON.stringify(Items);
  expect(stored).not.toContain("PRIVATE KEY");
  expect(stored).not.toContain(created.body.keyMaterial.split("\n")[1]);
  expect(stored).not.toContain(idempotencyKey);
});

test("create with escrow: a repeat at once gets the same answer, naming the same parameter, and makes nothing", async () => {
  const body = { name: `${run}-escrow`, keyType: "ed25519", escrow: true };
  const first = await post("/keypairs", body, `${run}-k5`);
  expect(first.status).toBe(201);
  const replay = await post("/keypairs", body, `${run}-k5`);
  expect([replay.status, replay.body.keyPairId, replay.body.privateKeyParameter]).toEqual([
    201,
    first.body.keyPairId,
    first.body.privateKeyParameter,
  ]);
  expect(replay.body).toEqual(first.body);
});

test("import: a repeat answers the same key pair at once; another body is 422", async () => {
  const body = { name: `${run}-import`, publicKey: ed25519PublicKey() };
  const first = await post("/keypairs/import", body, `${run}-k3`);
  expect(first.status).toBe(201);
  const replay = await post("/keypairs/import", body, `${run}-k3`);
  expect([replay.status, replay.body.keyPairId]).toEqual([201, first.body.keyPairId]);
  const different = await post("/keypairs/import", { ...body, publicKey: ed25519PublicKey() }, `${run}-k3`);
  expect(different.status).toBe(422);
});

test("every created key records its caller in EC2 (unauthenticated locally: serverless-offline enforces no IAM), not in answers", async () => {
  const created = await post("/keypairs", { name: `${run}-audit`, keyType: "ed25519" }, `${run}-k4`);
  expect((await tagsInEc2(`${run}-audit`))["ec2-keypairs-api:created-by"]).toBe("unauthenticated");
  expect(created.body.tags).toEqual({ "managed-by": "ec2-keypairs-api" });
});

test("two Idempotency-Key headers in one request are a 400 naming the header, and nothing is made", async () => {
  const name = `${run}-twice`;
  // Two header lines (fetch would send one joined line): what API Gateway joins with a comma.
  const payload = JSON.stringify({ name, keyType: "ed25519" });
  const answer = await new Promise<{ status: number; body: Record<string, any> }>((resolve, reject) => {
    const sent = request(`${process.env.API_URL}/keypairs?region=${region}`, {
      method: "POST",
      // As raw header lines, Node adds no Host of its own.
      headers: [
        "host",
        new URL(process.env.API_URL!).host,
        "content-type",
        "application/json",
        "content-length",
        String(Buffer.byteLength(payload)),
        "Idempotency-Key",
        `"${run}-a"`,
        "Idempotency-Key",
        `"${run}-b"`,
      ],
    });
    sent.on("response", (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
    });
    sent.on("error", reject);
    sent.end(payload);
  });
  expect(answer.status).toBe(400);
  expect(answer.body.errors).toEqual([{ field: "header.idempotency-key", message: expect.stringContaining("given once") }]);
  const lookup = await fetch(`${process.env.API_URL}/keypairs/${name}?region=${region}`);
  expect(lookup.status).toBe(404);
});
