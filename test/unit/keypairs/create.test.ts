/** The create rule over in-memory ports: tags, Idempotency-Key, races, escrow, dry runs. */
import { SERVICE_TAGS } from "../../../src/lib/api/reserved-tags.js";
import { createKeyPair } from "../../../src/lib/keypairs/create.js";
import { ServiceError } from "../../../src/lib/keypairs/errors.js";
import { createInput, inMemoryDeps } from "../../support/in-memory-ports.js";

const REGION = "eu-west-1";
const input = createInput;
const alice = (idempotencyKey?: string) => ({ arn: "arn:aws:iam::123456789012:role/alice", idempotencyKey });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("resolved, but a failure was expected");
    },
    (error: unknown) => error as ServiceError,
  );

test("makes the key with the caller's tags, the managed tag and the request's marks; answers its private key once", async () => {
  const deps = inMemoryDeps();
  const created = await createKeyPair(deps, REGION, input(), alice());
  const [stored] = deps.store.keys(REGION);
  expect(created).toMatchObject({
    name: "deploy-bot",
    keyPairId: stored!.keyPairId,
    region: REGION,
    managed: true,
    keyFormat: "pem",
    keyMaterial: `PRIVATE KEY OF ${stored!.keyPairId}`,
  });
  expect(stored!.tags).toMatchObject({ team: "ci", "managed-by": "ec2-keypairs-api", [SERVICE_TAGS.createdBy]: alice().arn });
  expect(stored!.tags[SERVICE_TAGS.requestToken]).toMatch(/^[0-9a-f-]{36}$/);
  expect(stored!.tags[SERVICE_TAGS.idempotencyKey]).toBeUndefined();
});

test("a caller's tag under a reserved key is refused before anything is made", async () => {
  const deps = inMemoryDeps();
  const error = await failure(createKeyPair(deps, REGION, input({ tags: { "managed-by": "me" } }), alice()));
  expect([error.kind, error.errors]).toEqual([
    "validation",
    [{ field: "body.tags", message: "tag key managed-by is reserved for this service" }],
  ]);
  expect(deps.store.calls).toEqual([]);
});

test("a name that exists is a conflict, and the existing key is untouched", async () => {
  const deps = inMemoryDeps();
  const existing = deps.store.seed(REGION, { name: "deploy-bot" });
  const conflict = await failure(createKeyPair(deps, REGION, input(), alice()));
  expect([conflict.kind, conflict.message]).toEqual([
    "conflict",
    "A key pair named deploy-bot already exists in eu-west-1: choose another name, or delete that key pair first.",
  ]);
  expect(deps.store.keys(REGION)).toEqual([existing]);
});

test("a dry run answers would-succeed and makes nothing", async () => {
  const deps = inMemoryDeps();
  expect(await createKeyPair(deps, REGION, input({ dryRun: true }), alice("k1"))).toMatchObject({
    dryRun: true,
    wouldSucceed: true,
    operation: "CreateKeyPair",
  });
  expect(deps.store.keys(REGION)).toEqual([]);
});

describe("Idempotency-Key", () => {
  const claimed = (deps: ReturnType<typeof inMemoryDeps>) => [...deps.ledger.records.values()];

  test("one request makes the key; a repeat after it finished is 409 private-key-delivered naming it, and makes nothing", async () => {
    const deps = inMemoryDeps();
    const first = (await createKeyPair(deps, REGION, input(), alice("k1"))) as { keyPairId: string; keyMaterial: string };
    expect(first.keyMaterial).toBe(`PRIVATE KEY OF ${first.keyPairId}`);
    const repeat = await failure(createKeyPair(deps, REGION, input(), alice("k1")));
    expect([repeat.kind, repeat.keyPair]).toEqual([
      "private-key-delivered",
      { keyPairId: first.keyPairId, name: "deploy-bot", region: REGION },
    ]);
    expect(repeat.message).not.toMatch(/PRIVATE KEY/);
    expect(deps.store.keys(REGION).map((key) => key.keyPairId)).toEqual([first.keyPairId]);
    expect(deps.store.calls.map((call) => call.call)).toEqual(["create"]);
    // The record holds the answer's public fields, never the private key.
    expect(JSON.stringify(claimed(deps))).not.toMatch(/PRIVATE KEY/);
    expect(claimed(deps)[0]!.outcome).toMatchObject({ kind: "private-key-delivered", view: { keyPairId: first.keyPairId } });
  });

  test("a request without an Idempotency-Key, or a dry run, does not touch the ledger", async () => {
    const deps = inMemoryDeps();
    await createKeyPair(deps, REGION, input(), alice());
    await createKeyPair(deps, REGION, input({ name: "other", dryRun: true }), alice("k1"));
    expect(deps.ledger.calls).toEqual([]);
    expect(deps.store.calls.map((call) => call.call)).toEqual(["create", "create"]);
  });

  test("a repeat while the first request runs is a 409 with Retry-After, and makes nothing", async () => {
    const deps = inMemoryDeps();
    // The first request made its key and answered, but could not record its outcome: it looks still running.
    deps.ledger.failNext("complete");
    const first = (await createKeyPair(deps, REGION, input(), alice("k1"))) as { keyMaterial: string };
    expect(first.keyMaterial).toMatch(/^PRIVATE KEY OF /);
    const error = await failure(createKeyPair(deps, REGION, input(), alice("k1")));
    expect(error.kind).toBe("request-in-progress");
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(deps.settings.requestMaxSeconds);
    expect(deps.store.keys(REGION)).toHaveLength(1);
  });

  test("a request that died after making its key: once its claim ran out, the next finds that key and makes none", async () => {
    const deps = inMemoryDeps();
    deps.ledger.failNext("complete");
    const first = (await createKeyPair(deps, REGION, input(), alice("k1"))) as { keyPairId: string };
    await deps.clock.sleep((deps.settings.requestMaxSeconds + 1) * 1000);
    const repeat = await failure(createKeyPair(deps, REGION, input(), alice("k1")));
    expect([repeat.kind, repeat.keyPair?.keyPairId]).toEqual(["private-key-delivered", first.keyPairId]);
    expect(deps.store.keys(REGION).map((key) => key.keyPairId)).toEqual([first.keyPairId]);
    // Recorded now: the next repeat needs no EC2 call.
    const calls = deps.store.calls.length;
    expect((await failure(createKeyPair(deps, REGION, input(), alice("k1")))).kind).toBe("private-key-delivered");
    expect(deps.store.calls).toHaveLength(calls);
  });

  test("the same key for another request is a 422; another caller's same key is their own", async () => {
    const deps = inMemoryDeps();
    await createKeyPair(deps, REGION, input(), alice("k1"));
    const reused = await failure(createKeyPair(deps, REGION, input({ keyType: "rsa" }), alice("k1")));
    expect([reused.kind, reused.message]).toEqual([
      "idempotency-key-reused",
      "This Idempotency-Key was used for another request (key pair deploy-bot); use a new key for a new request.",
    ]);
    const bob = { arn: "arn:aws:iam::123456789012:role/bob", idempotencyKey: "k1" };
    expect((await failure(createKeyPair(deps, REGION, input(), bob))).kind).toBe("conflict");
  });

  test("a request that changed nothing (a name taken by another key) gives its claim up: a repeat runs again", async () => {
    const deps = inMemoryDeps();
    deps.store.seed(REGION, { name: "deploy-bot" });
    expect((await failure(createKeyPair(deps, REGION, input(), alice("k1")))).kind).toBe("conflict");
    expect(claimed(deps)).toEqual([]);
    deps.store.regions.get(REGION)!.clear();
    expect(await createKeyPair(deps, REGION, input(), alice("k1"))).toHaveProperty("keyMaterial");
  });

  test("a request whose outcome is unknown keeps its claim: a repeat meets 409, never a second key", async () => {
    const deps = inMemoryDeps();
    deps.store.failNext("create", new ServiceError("upstream-timeout", "EC2 did not answer in time.", { outcomeUnknown: true }), true);
    expect((await failure(createKeyPair(deps, REGION, input(), alice("k1")))).kind).toBe("upstream-timeout");
    expect((await failure(createKeyPair(deps, REGION, input(), alice("k1")))).kind).toBe("request-in-progress");
    expect(deps.store.keys(REGION)).toHaveLength(1);
  });

  test("a claim the ledger cannot make stops the request before anything is made, and says so", async () => {
    const deps = inMemoryDeps();
    deps.ledger.failNext("claim");
    const error = await failure(createKeyPair(deps, REGION, input(), alice("k1")));
    expect([error.kind, error.message]).toEqual([
      "upstream-error",
      "DynamoDB claim failed (injected) Nothing was made: repeat the request.",
    ]);
    expect(deps.store.calls).toEqual([]);
  });

  test.each([
    ["the same body", (_racer: number) => input()],
    ["different bodies", (racer: number) => input({ name: `racer-${racer}` })],
  ])("20 racers with %s under one key: exactly one makes a key and answers it", async (_case, body) => {
    const deps = inMemoryDeps();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, racer) => createKeyPair(deps, REGION, body(racer), alice("k1"))),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const losers = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [(outcome.reason as ServiceError).kind] : []));
    expect(new Set(losers)).toEqual(new Set([_case === "the same body" ? "request-in-progress" : "idempotency-key-reused"]));
    expect(deps.store.keys(REGION)).toHaveLength(1);
  });
});

describe("escrow", () => {
  test("the private key goes to the vault, tagged with its key pair, and not into the answer", async () => {
    const deps = inMemoryDeps();
    const created = await createKeyPair(deps, REGION, input({ escrow: true }), alice());
    const [stored] = deps.store.keys(REGION);
    expect(created).not.toHaveProperty("keyMaterial");
    expect(created).toMatchObject({ privateKeyParameter: `/ec2/keypair/${stored!.keyPairId}` });
    expect([...deps.vault.parameters]).toEqual([
      [
        `${REGION}:/ec2/keypair/${stored!.keyPairId}`,
        {
          keyMaterial: `PRIVATE KEY OF ${stored!.keyPairId}`,
          tags: { "keypair-id": stored!.keyPairId, "managed-by": "ec2-keypairs-api" },
          storedAt: expect.any(Date),
        },
      ],
    ]);
    expect(stored!.tags[SERVICE_TAGS.escrow]).toBe("ssm");
  });

  test("when the vault fails, the key pair is deleted again and the answer says nothing was kept", async () => {
    const deps = inMemoryDeps();
    deps.vault.failNext("put", new ServiceError("throttled", "SSM Parameter Store is throttling requests. (ThrottlingException)"));
    const error = await failure(createKeyPair(deps, REGION, input({ escrow: true }), alice()));
    expect(error.kind).toBe("escrow-failed");
    expect(error.message).toMatch(/was deleted again: nothing was kept/);
    expect(error.message).not.toMatch(/PRIVATE KEY/);
    expect(deps.store.keys(REGION)).toEqual([]);
  });

  test("when deleting after a failed escrow fails too, the answer says the key may remain without a holder", async () => {
    const deps = inMemoryDeps();
    deps.vault.failNext("put", new Error("socket hang up"));
    deps.store.failNext("delete", new ServiceError("upstream-timeout", "EC2 did not answer in time."));
    const error = await failure(createKeyPair(deps, REGION, input({ escrow: true }), alice()));
    expect(error.kind).toBe("escrow-failed");
    expect(error.message).toMatch(/^The private key vault failed\. .*may still exist/);
    expect(deps.store.keys(REGION)).toHaveLength(1);
  });

  test("an Idempotency-Key retry of a completed escrowed create names the same parameter at once and makes nothing", async () => {
    const deps = inMemoryDeps();
    const first = await createKeyPair(deps, REGION, input({ escrow: true }), alice("k1"));
    const again = await createKeyPair(deps, REGION, input({ escrow: true }), alice("k1"));
    expect(again).toEqual(first);
    expect(deps.store.keys(REGION)).toHaveLength(1);
    expect(deps.vault.parameters.size).toBe(1);
  });
});
