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
const older = () => new Date(Date.now() - 60_000);

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
  test("a retry at once after the request completed gets its final answer: 201, a new private key, one key left", async () => {
    const deps = inMemoryDeps();
    const first = (await createKeyPair(deps, REGION, input(), alice("k1"))) as { keyPairId: string };
    expect(deps.store.keys(REGION)[0]!.tags[SERVICE_TAGS.requestDigest]).toMatch(/\+complete$/);
    const again = (await createKeyPair(deps, REGION, input(), alice("k1"))) as { keyPairId: string; keyMaterial: string };
    expect(again.keyMaterial).toBe(`PRIVATE KEY OF ${again.keyPairId}`);
    expect(again.keyPairId).not.toBe(first.keyPairId);
    expect(deps.store.keys(REGION).map((key) => key.keyPairId)).toEqual([again.keyPairId]);
  });

  test("a request without an Idempotency-Key makes no completion mark (no extra call)", async () => {
    const deps = inMemoryDeps();
    await createKeyPair(deps, REGION, input(), alice());
    expect(deps.store.calls.map((call) => call.call)).toEqual(["create"]);
  });

  test("a retry while the first request may still run (not marked complete) is a 409 with Retry-After, and nothing more is made", async () => {
    const deps = inMemoryDeps();
    // The first request has made its key but not yet marked it (here: the mark failed).
    deps.store.failNext("tag", new ServiceError("throttled", "EC2 is throttling requests."));
    await createKeyPair(deps, REGION, input(), alice("k1"));
    const error = await failure(createKeyPair(deps, REGION, input(), alice("k1")));
    expect(error.kind).toBe("request-in-progress");
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(deps.settings.requestMaxSeconds + 1);
    expect(deps.store.keys(REGION)).toHaveLength(1);
  });

  test("a later retry makes the key anew (the first private key was never kept), leaving exactly one", async () => {
    const deps = inMemoryDeps();
    deps.store.now = older();
    const first = await createKeyPair(deps, REGION, input(), alice("k1"));
    deps.store.now = undefined;
    const again = await createKeyPair(deps, REGION, input(), alice("k1"));
    expect(deps.store.keys(REGION).map((key) => key.keyPairId)).toEqual([(again as { keyPairId: string }).keyPairId]);
    expect((again as { keyPairId: string }).keyPairId).not.toBe((first as { keyPairId: string }).keyPairId);
  });

  test("the same key for another request is a 422; another caller's same key is their own", async () => {
    const deps = inMemoryDeps();
    deps.store.now = older();
    await createKeyPair(deps, REGION, input(), alice("k1"));
    expect((await failure(createKeyPair(deps, REGION, input({ keyType: "rsa" }), alice("k1")))).kind).toBe("idempotency-key-reused");
    const bob = { arn: "arn:aws:iam::123456789012:role/bob", idempotencyKey: "k1" };
    expect((await failure(createKeyPair(deps, REGION, input(), bob))).kind).toBe("conflict");
  });

  test("a racer whose key was made second deletes its own and answers 409; the first key stays", async () => {
    const deps = inMemoryDeps();
    deps.store.now = older();
    // The racer's key appears after this request looked for earlier ones and before it checks the race.
    const racer = deps.store.seed(REGION, { name: "other-name", tags: {} });
    const describe = deps.store.describe.bind(deps.store);
    let lookups = 0;
    deps.store.describe = async (region, lookup, includePublicKey) => {
      const found = await describe(region, lookup, includePublicKey);
      if (lookup && "tag" in lookup && ++lookups === 1) {
        racer.tags = { ...racer.tags, "managed-by": "ec2-keypairs-api", [lookup.tag.key]: lookup.tag.value };
        return [];
      }
      return found;
    };
    deps.store.now = undefined;
    // Give the racer its request digest: it made the same request.
    const digestOf = async () => {
      const probe = inMemoryDeps();
      await createKeyPair(probe, REGION, input(), alice("k1"));
      return probe.store.keys(REGION)[0]!.tags[SERVICE_TAGS.requestDigest]!;
    };
    racer.tags[SERVICE_TAGS.requestDigest] = await digestOf();
    const error = await failure(createKeyPair(deps, REGION, input(), alice("k1")));
    expect(error.kind).toBe("request-in-progress");
    expect(deps.store.keys(REGION).map((key) => key.name)).toEqual(["other-name"]);
  });
  test("a key the describe does not show yet (EC2 is eventually consistent) is settled after one wait, not forever", async () => {
    const deps = inMemoryDeps();
    deps.store.describe = async () => [];
    await createKeyPair(deps, REGION, input(), alice("k1"));
    expect(deps.clock.sleeps).toHaveLength(1);
    expect(deps.clock.sleeps[0]).toBeLessThanOrEqual(1000 + 250);
  });

  test("a racer made later in the same second with a lower id cannot win after the first answered: one 201, one key", async () => {
    const deps = inMemoryDeps();
    // 100 ms into a second, so both keys get the same whole-second CreateTime.
    deps.store.now = new Date(Math.floor(Date.now() / 1000) * 1000 + 100);
    deps.store.nextKeyPairIds.push("key-0000000000000000f", "key-00000000000000001");
    // The later racer looked for earlier keys before the first key was made (it saw none), and makes its key after the first did.
    const describe = deps.store.describe.bind(deps.store);
    let blind = false;
    deps.store.describe = async (region, lookup, includePublicKey) => {
      if (blind && lookup && "tag" in lookup) {
        blind = false;
        return [];
      }
      return describe(region, lookup, includePublicKey);
    };
    const outcomes: PromiseSettledResult<unknown>[] = [];
    const later = async () => {
      blind = true;
      outcomes.push(...(await Promise.allSettled([createKeyPair(deps, REGION, input({ name: "later" }), alice("k1"))])));
    };
    // It runs while the first settles its race; a first that does not wait answers before it, so it runs after.
    deps.clock.whileSleeping = later;
    outcomes.unshift(...(await Promise.allSettled([createKeyPair(deps, REGION, input({ name: "first" }), alice("k1"))])));
    if (outcomes.length === 1) await later();
    const [first, second] = outcomes.map((outcome) => (outcome.status === "fulfilled" ? 201 : (outcome.reason as ServiceError).kind));
    expect([first, second]).toEqual(["idempotency-key-reused", 201]);
    expect(deps.store.keys(REGION).map((key) => key.name)).toEqual(["later"]);
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

test("an escrowed request that never completed, once too old to be running, is made anew: old key and parameter removed", async () => {
  const deps = inMemoryDeps();
  deps.store.now = older();
  deps.store.failNext("tag", new ServiceError("upstream-timeout", "EC2 did not answer in time."));
  const first = (await createKeyPair(deps, REGION, input({ escrow: true }), alice("k1"))) as { keyPairId: string };
  deps.store.now = undefined;
  const again = (await createKeyPair(deps, REGION, input({ escrow: true }), alice("k1"))) as { keyPairId: string };
  expect(again.keyPairId).not.toBe(first.keyPairId);
  expect(deps.store.keys(REGION).map((key) => key.keyPairId)).toEqual([again.keyPairId]);
  expect([...deps.vault.parameters.keys()]).toEqual([`${REGION}:/ec2/keypair/${again.keyPairId}`]);
});
