/** The events of changes over in-memory ports: one per change EC2 confirmed, none for repeats, dry runs or failures. */
import { SWEEPER } from "../../../src/lib/api/events.js";
import type { CreateKeyPairInput } from "../../../src/lib/api/schemas.js";
import { createKeyPair } from "../../../src/lib/keypairs/create.js";
import { deleteKeyPair } from "../../../src/lib/keypairs/delete.js";
import { ServiceError } from "../../../src/lib/keypairs/errors.js";
import { importKeyPair } from "../../../src/lib/keypairs/import.js";
import { sweep } from "../../../src/lib/keypairs/sweep.js";
import { inMemoryDeps } from "../../support/in-memory-ports.js";
import { ed25519PublicKey } from "../../support/keys.js";

const REGION = "eu-west-1";
const ALICE = "arn:aws:iam::123456789012:role/alice";
const BOB = "arn:aws:iam::123456789012:role/bob";
const alice = (idempotencyKey?: string) => ({ arn: ALICE, idempotencyKey });
/** A created key's answer (never a dry run here). */
const made = async (answer: Promise<unknown>) => (await answer) as Record<string, string>;
const input = (overrides: Partial<CreateKeyPairInput> = {}): CreateKeyPairInput => ({
  name: "ci-agent",
  keyType: "ed25519",
  keyFormat: "pem",
  escrow: false,
  ...overrides,
});

test("a create publishes Created with the key's identity, its caller and expiry, and nothing secret", async () => {
  const deps = inMemoryDeps();
  const created = await made(createKeyPair(deps, REGION, input({ ttlSeconds: 600 }), alice("idem-secret-1")));
  expect(deps.events.published).toEqual([
    {
      change: "created",
      keyPairId: created.keyPairId,
      name: "ci-agent",
      region: REGION,
      keyType: "ed25519",
      fingerprint: created.fingerprint,
      caller: ALICE,
      expiresAt: created.expiresAt,
      escrowed: false,
    },
  ]);
  expect(JSON.stringify(deps.events.published)).not.toContain(created.keyMaterial!);
  expect(JSON.stringify(deps.events.published)).not.toContain("idem-secret-1");
});

test("an escrowed create says so; an Idempotency-Key repeat and a dry run publish nothing", async () => {
  const deps = inMemoryDeps();
  await createKeyPair(deps, REGION, input({ escrow: true }), alice("k"));
  await createKeyPair(deps, REGION, input({ escrow: true }), alice("k"));
  await createKeyPair(deps, REGION, input({ name: "dry", dryRun: true }), alice());
  expect(deps.events.published.map((event) => [event.change, event.escrowed])).toEqual([["created", true]]);
});

test("a create whose escrow failed publishes nothing (its key pair was deleted again)", async () => {
  const deps = inMemoryDeps();
  deps.vault.failNext("put", new ServiceError("upstream-error", "SSM Parameter Store refused the service's request."));
  await expect(createKeyPair(deps, REGION, input({ escrow: true }), alice())).rejects.toThrow(ServiceError);
  expect(deps.events.published).toEqual([]);
});

test("an import publishes Imported; its repeat nothing", async () => {
  const deps = inMemoryDeps();
  const body = { name: "laptop", publicKey: ed25519PublicKey() };
  await importKeyPair(deps, REGION, body, alice("i"));
  await importKeyPair(deps, REGION, body, alice("i"));
  expect(deps.events.published).toMatchObject([{ change: "imported", name: "laptop", keyType: "ed25519", caller: ALICE, escrowed: false }]);
});

test("a delete publishes Deleted with who deleted it (not who made it); a dry run or a missing key publishes nothing", async () => {
  const deps = inMemoryDeps();
  await createKeyPair(deps, REGION, input(), alice());
  await deleteKeyPair(deps, REGION, { name: "ci-agent" }, { caller: BOB, dryRun: true });
  await deleteKeyPair(deps, REGION, { name: "ci-agent" }, { caller: BOB });
  await expect(deleteKeyPair(deps, REGION, { name: "ci-agent" }, { caller: BOB })).rejects.toMatchObject({ kind: "not-found" });
  expect(deps.events.published.map((event) => [event.change, event.caller, event.forced])).toEqual([
    ["created", ALICE, undefined],
    ["deleted", BOB, false],
  ]);
});

test("the sweep publishes Expired (caller sweeper) once per key, even when two sweeps overlap", async () => {
  const deps = inMemoryDeps({ allowedRegions: [REGION] });
  const created = await made(createKeyPair(deps, REGION, input({ ttlSeconds: 60, escrow: true }), alice()));
  await deps.clock.sleep(61_000);
  await Promise.all([sweep(deps), sweep(deps)]);
  expect(deps.events.published.slice(1)).toEqual([
    {
      change: "expired",
      keyPairId: created.keyPairId,
      name: "ci-agent",
      region: REGION,
      keyType: "ed25519",
      fingerprint: created.fingerprint,
      caller: SWEEPER,
      expiresAt: created.expiresAt,
      escrowed: true,
      // Expiry is the owner's instruction: deleted whatever still names it.
      forced: true,
    },
  ]);
});

describe("every deletion EC2 confirmed is published, whatever fails after it", () => {
  const sweeper = () => inMemoryDeps({ allowedRegions: [REGION] });
  const timedOut = () => new ServiceError("upstream-timeout", "EC2 did not answer in time.", { outcomeUnknown: true });
  const ssmDown = () => new ServiceError("upstream-error", "SSM Parameter Store request failed. (InternalServerError)");
  const changes = (deps: ReturnType<typeof inMemoryDeps>) => deps.events.published.map((event) => [event.change, event.keyPairId]);
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => Promise.reject(new Error("resolved")),
      (error: unknown) => error as ServiceError,
    );

  test("EC2 deleted the key, the escrow clean-up failed: the 502 says so and Deleted is published", async () => {
    const deps = inMemoryDeps();
    const created = await made(createKeyPair(deps, REGION, input({ escrow: true }), alice()));
    deps.vault.failNext("delete", ssmDown());
    const error = await failureOf(deleteKeyPair(deps, REGION, { name: "ci-agent" }, { caller: BOB }));
    expect([error.kind, error.message]).toEqual(["escrow-failed", expect.stringContaining("The key pair was deleted")]);
    expect(changes(deps)).toEqual([
      ["created", created.keyPairId],
      ["deleted", created.keyPairId],
    ]);
  });

  test.each([false, true])(
    "a delete whose answer was lost and a look-up shows the key gone (escrowed: %s) publishes Deleted",
    async (escrow) => {
      const deps = inMemoryDeps();
      const created = await made(createKeyPair(deps, REGION, input({ escrow }), alice()));
      deps.store.failNext("delete", timedOut(), true);
      const error = await failureOf(deleteKeyPair(deps, REGION, { name: "ci-agent" }, { caller: BOB }));
      expect([error.kind, error.outcomeUnknown, error.message]).toEqual([
        "upstream-timeout",
        true,
        expect.stringContaining("It is gone now"),
      ]);
      expect(deps.events.published.slice(1)).toMatchObject([
        { change: "deleted", keyPairId: created.keyPairId, caller: BOB, escrowed: escrow },
      ]);
      expect(deps.vault.parameters.size).toBe(0);
    },
  );

  test("a delete whose answer was lost and the key is still there publishes nothing (EC2 has not deleted it)", async () => {
    const deps = inMemoryDeps();
    await createKeyPair(deps, REGION, input(), alice());
    deps.store.failNext("delete", timedOut());
    expect((await failureOf(deleteKeyPair(deps, REGION, { name: "ci-agent" }, { caller: BOB }))).kind).toBe("upstream-timeout");
    expect(deps.events.published.map((event) => event.change)).toEqual(["created"]);
  });

  test("the sweep: an expired key whose escrow clean-up failed is deleted, reported so, and its Expired event published", async () => {
    const deps = sweeper();
    const created = await made(createKeyPair(deps, REGION, input({ ttlSeconds: 60, escrow: true }), alice()));
    await deps.clock.sleep(61_000);
    deps.vault.failNext("delete", ssmDown());
    const [region] = (await sweep(deps)).regions;
    expect(region!.expiredKeysDeleted).toEqual([{ keyPairId: created.keyPairId, name: "ci-agent" }]);
    // What is left (the private key, until the next sweep finds it orphaned) is still a failure of this run.
    expect(region!.failures).toEqual([expect.stringMatching(new RegExp(`^${created.keyPairId}: escrow-failed: `))]);
    expect(changes(deps)).toEqual([
      ["created", created.keyPairId],
      ["expired", created.keyPairId],
    ]);
  });

  test("the sweep: an expired key whose delete answer was lost, and that a look-up shows gone, is deleted and published", async () => {
    const deps = sweeper();
    const created = await made(createKeyPair(deps, REGION, input({ ttlSeconds: 60, escrow: true }), alice()));
    await deps.clock.sleep(61_000);
    deps.store.failNext("delete", timedOut(), true);
    expect((await sweep(deps)).regions).toEqual([
      { region: REGION, expiredKeysDeleted: [{ keyPairId: created.keyPairId, name: "ci-agent" }], escrowedKeysDeleted: [], failures: [] },
    ]);
    expect(changes(deps)).toEqual([
      ["created", created.keyPairId],
      ["expired", created.keyPairId],
    ]);
    expect(deps.vault.parameters.size).toBe(0);
  });
});

describe("a repeat under an Idempotency-Key", () => {
  test.each([false, true])("of a finished create (escrow: %s) publishes nothing and deletes nothing", async (escrow) => {
    const deps = inMemoryDeps();
    const first = await made(createKeyPair(deps, REGION, input({ escrow }), alice("k")));
    await createKeyPair(deps, REGION, input({ escrow }), alice("k")).catch(() => undefined);
    expect(deps.events.published.map((event) => [event.change, event.keyPairId])).toEqual([["created", first.keyPairId]]);
    expect(deps.store.keys(REGION)).toHaveLength(1);
  });
});
