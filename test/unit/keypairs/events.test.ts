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
