/**
 * Idempotency-Key over HTTP against the local stack, whose REQUEST_MAX_SECONDS is short (see
 * global-setup.ts) so that "may still be running" ends within the test.
 */
import { request } from "node:http";
import { DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { ed25519PublicKey, publicKeyOf, withoutComment } from "../support/keys.js";

const region = "eu-north-1"; // used by no other test file
const run = `i${process.pid}${Math.random().toString(36).slice(2, 6)}`;

/** A key's tags as EC2 (moto) holds them, the service's bookkeeping included, which no answer shows. */
async function tagsInEc2(name: string): Promise<Record<string, string>> {
  const ec2 = new EC2Client({
    region,
    endpoint: process.env.MOTO_URL,
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

test("create: a repeat at once after the first finished gets its final answer (201, a private key that works), never 409", async () => {
  const body = { name: `${run}-create`, keyType: "ed25519", tags: { team: "a" } };
  const first = await post("/keypairs", body, `${run}-k1`);
  expect(first.status).toBe(201);

  const replay = await post("/keypairs", body, `${run}-k1`);
  expect([replay.status, replay.retryAfter]).toEqual([201, null]);
  // The first private key went to a caller who lost it: the key is made anew, and the one held is the new one.
  expect(replay.body.keyPairId).not.toBe(first.body.keyPairId);
  const held = await (await fetch(`${process.env.API_URL}/keypairs/${body.name}?region=${region}&includePublicKey=true`)).json();
  expect(held.keyPairId).toBe(replay.body.keyPairId);
  expect(publicKeyOf(replay.body.keyMaterial)).toBe(withoutComment(held.publicKey));
  expect((await tagsInEc2(body.name))["ec2-keypairs-api:request-digest"]).toMatch(/\+complete$/);
  expect(Object.keys(held.tags).sort()).toEqual(["managed-by", "team"]);
  expect(Object.keys(replay.body.tags).sort()).toEqual(["managed-by", "team"]);

  const different = await post("/keypairs", { ...body, keyType: "rsa" }, `${run}-k1`);
  expect([different.status, different.body.type]).toEqual([422, "/problems/idempotency-key-reused"]);
  // A different key for the existing name is the ordinary conflict.
  const otherKey = await post("/keypairs", body, `${run}-k2`);
  expect([otherKey.status, otherKey.body.type]).toEqual([409, "/problems/conflict"]);
});

test("create with escrow: a repeat at once names the same parameter, and makes nothing", async () => {
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
