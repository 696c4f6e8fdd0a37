/**
 * Idempotency-Key over HTTP against the local stack, whose REQUEST_MAX_SECONDS is short (see
 * global-setup.ts) so that "may still be running" ends within the test.
 */
import { ed25519PublicKey, publicKeyOf, withoutComment } from "../support/keys.js";

const region = "eu-north-1"; // used by no other test file
const run = `i${process.pid}${Math.random().toString(36).slice(2, 6)}`;

async function post(path: string, body: object, idempotencyKey: string) {
  const response = await fetch(`${process.env.API_URL}${path}?region=${region}`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `"${idempotencyKey}"` },
    body: JSON.stringify(body),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as Record<string, any> };
}

/** Repeats a request while it is answered 409 "in progress", waiting what Retry-After says (at most 5 rounds). */
async function untilNotInProgress(send: () => ReturnType<typeof post>) {
  for (let round = 0; round < 5; round += 1) {
    const answer = await send();
    if (!(answer.status === 409 && String(answer.body.type).endsWith("request-in-progress"))) return answer;
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, Number(answer.retryAfter) * 1000));
  }
  throw new Error("still in progress after 5 rounds");
}

test("create: a repeat is 409 with Retry-After while the first may run, then 201 with a private key that works; another body is 422", async () => {
  const body = { name: `${run}-create`, keyType: "ed25519", tags: { team: "a" } };
  const first = await post("/keypairs", body, `${run}-k1`);
  expect(first.status).toBe(201);

  const soon = await post("/keypairs", body, `${run}-k1`);
  expect([soon.status, soon.body.type]).toEqual([409, "https://ec2-keypairs-api.example.com/problems/request-in-progress"]);
  expect(Number(soon.retryAfter)).toBeGreaterThan(0);

  const different = await post("/keypairs", { ...body, keyType: "rsa" }, `${run}-k1`);
  expect([different.status, different.body.type]).toEqual([422, "https://ec2-keypairs-api.example.com/problems/idempotency-key-reused"]);

  const replay = await untilNotInProgress(() => post("/keypairs", body, `${run}-k1`));
  expect(replay.status).toBe(201);
  const held = await (await fetch(`${process.env.API_URL}/keypairs/${body.name}?region=${region}&includePublicKey=true`)).json();
  expect(held.keyPairId).toBe(replay.body.keyPairId);
  expect(publicKeyOf(replay.body.keyMaterial)).toBe(withoutComment(held.publicKey));

  // A different key for the existing name is the ordinary conflict.
  const otherKey = await post("/keypairs", body, `${run}-k2`);
  expect([otherKey.status, otherKey.body.type]).toEqual([409, "https://ec2-keypairs-api.example.com/problems/conflict"]);
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

test("every created key records its caller (unauthenticated locally: serverless-offline enforces no IAM)", async () => {
  const created = await post("/keypairs", { name: `${run}-audit`, keyType: "ed25519" }, `${run}-k4`);
  expect(created.body.tags["ec2-keypairs-api:created-by"]).toBe("unauthenticated");
});
