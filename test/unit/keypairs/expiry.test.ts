/** Keys that expire over in-memory ports: the tag, the views, repeats, the list filter and the sweep. */
import { jest } from "@jest/globals";
import { ListQuery } from "../../../src/lib/api/list-query.js";
import { SERVICE_TAGS } from "../../../src/lib/api/reserved-tags.js";
import { CreateKeyPairBody, type CreateKeyPairInput, ImportKeyPairBody } from "../../../src/lib/api/schemas.js";
import { createKeyPair } from "../../../src/lib/keypairs/create.js";
import { ServiceError } from "../../../src/lib/keypairs/errors.js";
import { importKeyPair } from "../../../src/lib/keypairs/import.js";
import { listKeyPairs } from "../../../src/lib/keypairs/list.js";
import { getKeyPair } from "../../../src/lib/keypairs/read.js";
import { sweep } from "../../../src/lib/keypairs/sweep.js";
import { logger } from "../../../src/lib/platform/logger.js";
import { inMemoryDeps } from "../../support/in-memory-ports.js";
import { ed25519PublicKey } from "../../support/keys.js";

const REGION = "eu-west-1";
const alice = (idempotencyKey?: string) => ({ arn: "arn:aws:iam::123456789012:role/alice", idempotencyKey });
const input = (overrides: Partial<CreateKeyPairInput> = {}): CreateKeyPairInput => ({
  name: "ci-agent",
  keyType: "ed25519",
  keyFormat: "pem",
  escrow: false,
  ...overrides,
});
const utcSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

test("ttlSeconds: the key carries its expiry (UTC) as a reserved tag, and the answer shows expiresAt", async () => {
  const deps = inMemoryDeps();
  const now = deps.clock.now();
  const created = (await createKeyPair(deps, REGION, input({ ttlSeconds: 3600 }), alice())) as { expiresAt?: string };
  const [stored] = deps.store.keys(REGION);
  expect(Date.parse(stored!.tags[SERVICE_TAGS.expiresAt]!) - now).toBeGreaterThanOrEqual(3599_000);
  expect(Date.parse(stored!.tags[SERVICE_TAGS.expiresAt]!) - now).toBeLessThanOrEqual(3601_000);
  expect(created.expiresAt).toBe(stored!.tags[SERVICE_TAGS.expiresAt]);
  expect(created.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/);
});

test("expiresAt with an offset is stored and shown as the same instant in UTC; import takes it too", async () => {
  const deps = inMemoryDeps();
  const at = Math.floor(Date.now() / 1000) * 1000 + 7200_000;
  const offset = new Date(at + 2 * 3600_000).toISOString().replace(/\.000Z$/, "+02:00");
  const imported = (await importKeyPair(deps, REGION, { name: "i", publicKey: ed25519PublicKey(), expiresAt: offset }, alice())) as {
    expiresAt?: string;
  };
  expect(imported.expiresAt).toBe(utcSeconds(at));
});

test("a key without expiry shows none", async () => {
  const deps = inMemoryDeps();
  expect(await createKeyPair(deps, REGION, input(), alice())).not.toHaveProperty("expiresAt");
});

test("an Idempotency-Key repeat answers with the first request's expiry, not a new one", async () => {
  const deps = inMemoryDeps();
  const body = input({ ttlSeconds: 600, escrow: true });
  const first = (await createKeyPair(deps, REGION, body, alice("k1"))) as { expiresAt: string };
  await deps.clock.sleep(120_000);
  expect(await createKeyPair(deps, REGION, body, alice("k1"))).toEqual(first);
  expect(deps.store.keys(REGION)).toHaveLength(1);
});

describe("the request schemas", () => {
  const future = (ms: number) => new Date(Date.now() + ms).toISOString();
  test.each([
    [{ ttlSeconds: 59 }, "ttlSeconds"],
    [{ ttlSeconds: 31_536_001 }, "ttlSeconds"],
    [{ ttlSeconds: 60.5 }, "ttlSeconds"],
    [{ ttlSeconds: "3600" }, "ttlSeconds"],
    [{ expiresAt: future(-1000) }, "expiresAt"],
    [{ expiresAt: future(366 * 86400_000) }, "expiresAt"],
    [{ expiresAt: "2027-01-01T00:00:00" }, "expiresAt"],
    [{ expiresAt: "tomorrow" }, "expiresAt"],
    [{ ttlSeconds: 3600, expiresAt: future(3600_000) }, "expiresAt"],
  ])("%j is refused, naming %s", (fields, field) => {
    for (const schema of [CreateKeyPairBody, ImportKeyPairBody]) {
      const parsed = schema.safeParse({ name: "k", publicKey: "ssh-ed25519 AAAA", ...fields });
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.map((issue) => issue.path[0])).toContain(field);
    }
  });

  test("the bounds are accepted; a key that expires takes one caller tag fewer (its expiry is a tag)", () => {
    expect(CreateKeyPairBody.safeParse({ name: "k", ttlSeconds: 60 }).success).toBe(true);
    expect(CreateKeyPairBody.safeParse({ name: "k", ttlSeconds: 31_536_000 }).success).toBe(true);
    const tags = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`t${i}`, "v"]));
    expect(CreateKeyPairBody.safeParse({ name: "k", tags: tags(44) }).success).toBe(true);
    expect(CreateKeyPairBody.safeParse({ name: "k", tags: tags(43), ttlSeconds: 60 }).success).toBe(true);
    expect(CreateKeyPairBody.safeParse({ name: "k", tags: tags(44), ttlSeconds: 60 }).success).toBe(false);
  });

  test("the expiry tag cannot be set directly", async () => {
    const deps = inMemoryDeps();
    await expect(
      createKeyPair(deps, REGION, input({ tags: { [SERVICE_TAGS.expiresAt]: "2000-01-01T00:00:00Z" } }), alice()),
    ).rejects.toMatchObject({
      kind: "validation",
    });
  });
});

test("expiresBefore compares instants (any offset), not text, and leaves out keys that never expire", async () => {
  const deps = inMemoryDeps();
  await createKeyPair(deps, REGION, input({ name: "soon", ttlSeconds: 600 }), alice());
  await createKeyPair(deps, REGION, input({ name: "later", ttlSeconds: 7200 }), alice());
  await createKeyPair(deps, REGION, input({ name: "never" }), alice());
  // One hour from now, written with a -05:00 offset: as text it sorts before every UTC time of today.
  const inAnHour = new Date(deps.clock.now() + 3600_000 - 5 * 3600_000).toISOString().replace(/Z$/, "-05:00");
  const query = ListQuery.parse({ expiresBefore: inAnHour });
  expect((await listKeyPairs(deps, REGION, query)).items.map((item) => item.name)).toEqual(["soon"]);
});

describe("the sweep", () => {
  test("deletes managed keys whose expiry passed, by id, their escrowed private key too; leaves the rest", async () => {
    const deps = inMemoryDeps({ allowedRegions: [REGION] });
    const escrowed = (await createKeyPair(deps, REGION, input({ name: "e", ttlSeconds: 60, escrow: true }), alice())) as {
      keyPairId: string;
    };
    await createKeyPair(deps, REGION, input({ name: "long", ttlSeconds: 3600 }), alice());
    await createKeyPair(deps, REGION, input({ name: "never" }), alice());
    // Someone else's key with a look-alike tag is not the service's to delete.
    deps.store.seed(REGION, { name: "foreign", tags: { [SERVICE_TAGS.expiresAt]: "2000-01-01T00:00:00Z" } });
    expect((await sweep(deps)).regions[0]!.expiredKeysDeleted).toEqual([]);
    await deps.clock.sleep(61_000);
    const summary = await sweep(deps);
    expect(summary.regions).toEqual([
      { region: REGION, expiredKeysDeleted: [{ keyPairId: escrowed.keyPairId, name: "e" }], escrowedKeysDeleted: [], failures: [] },
    ]);
    expect(
      deps.store
        .keys(REGION)
        .map((key) => key.name)
        .sort(),
    ).toEqual(["foreign", "long", "never"]);
    expect(deps.vault.parameters.size).toBe(0);
  });

  test("throttled (its rate share spent past its time): the sweep stops deleting and says how many expired keys wait for the next run", async () => {
    const deps = inMemoryDeps({ allowedRegions: [REGION] });
    for (const name of ["a", "b", "c"]) await createKeyPair(deps, REGION, input({ name, ttlSeconds: 60 }), alice());
    await deps.clock.sleep(61_000);
    const remove = deps.store.delete.bind(deps.store);
    let deletes = 0;
    deps.store.delete = (...args) => {
      deletes += 1;
      return deletes === 1 ? remove(...args) : Promise.reject(new ServiceError("throttled", "share spent", { retryAfterSeconds: 1 }));
    };
    const [region] = (await sweep(deps)).regions;
    expect(region!.expiredKeysDeleted).toHaveLength(1);
    expect(region!.failures).toEqual(["2 expired key pairs left for the next run: throttled: share spent"]);
    expect(deletes).toBe(2);
    expect(deps.store.keys(REGION)).toHaveLength(2);
  });

  test("two sweeps at once delete each expired key once and report no failure for the one the other took", async () => {
    const deps = inMemoryDeps({ allowedRegions: [REGION] });
    await createKeyPair(deps, REGION, input({ name: "x", ttlSeconds: 60 }), alice());
    await deps.clock.sleep(61_000);
    const [a, b] = await Promise.all([sweep(deps), sweep(deps)]);
    expect([...a.regions[0]!.failures, ...b.regions[0]!.failures]).toEqual([]);
    // Both may ask EC2 to delete it; only the one whose delete took reports it (and publishes).
    expect([...a.regions[0]!.expiredKeysDeleted, ...b.regions[0]!.expiredKeysDeleted].map((key) => key.name)).toEqual(["x"]);
    expect(await deps.store.describe(REGION, undefined, false)).toEqual([]);
  });
});

describe("an expiry tag the service did not write (anyone with ec2:CreateTags can write one)", () => {
  const MANAGED = { "managed-by": "ec2-keypairs-api" };
  const RFC3339_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/;
  // Each of these, read by Date.parse, either deleted the key at once or was answered as it stood.
  test.each([
    "0",
    "-1",
    "1",
    "Monday 1",
    "60",
    "2026-12-07 10:00",
    "+275760-09-13T00:00:00Z",
    "2000-01-01T00:00:00",
    "2000-01-01T00:00:00+00:00",
    "2000-01-01t00:00:00z",
    "2000-01-01T00:00:00.000Z",
    "2000-01-01T00:00Z",
    "2000-02-30T00:00:00Z",
    "0060-01-01T00:00:00Z",
    " 2000-01-01T00:00:00Z",
    "",
  ])("%j: no expiry, flagged in every view, logged and never deleted by the sweep", async (value) => {
    const deps = inMemoryDeps({ allowedRegions: [REGION] });
    const key = deps.store.seed(REGION, { name: "tagged", tags: { ...MANAGED, [SERVICE_TAGS.expiresAt]: value } });
    const view = await getKeyPair(deps, REGION, { keyPairId: key.keyPairId }, {});
    expect(view).toMatchObject({ expiryTagInvalid: true, tags: { [SERVICE_TAGS.expiresAt]: value } });
    expect(view).not.toHaveProperty("expiresAt");
    expect((await listKeyPairs(deps, REGION, ListQuery.parse({}))).items).toEqual([view]);
    // Not before any instant either: it does not expire.
    expect((await listKeyPairs(deps, REGION, ListQuery.parse({ expiresBefore: "9999-01-01T00:00:00Z" }))).items).toEqual([]);

    const warned = jest.spyOn(logger, "warn").mockImplementation(() => undefined);
    try {
      await deps.clock.sleep(400 * 365 * 86400_000);
      expect((await sweep(deps)).regions).toEqual([{ region: REGION, expiredKeysDeleted: [], escrowedKeysDeleted: [], failures: [] }]);
      expect(warned).toHaveBeenCalledWith(expect.stringContaining("expiry tag ignored"), {
        keyPairId: key.keyPairId,
        region: REGION,
        tag: SERVICE_TAGS.expiresAt,
        value,
      });
    } finally {
      warned.mockRestore();
    }
    expect(deps.store.keys(REGION)).toEqual([key]);
    expect(deps.events.published).toEqual([]);
  });

  test.each(["2000-01-01T00:00:00Z", "2000-01-01T00:00:00.001Z"])(
    "%j, the form the service writes, is an expiry the sweep acts on",
    async (value) => {
      const deps = inMemoryDeps({ allowedRegions: [REGION] });
      const key = deps.store.seed(REGION, { name: "tagged", tags: { ...MANAGED, [SERVICE_TAGS.expiresAt]: value } });
      const view = await getKeyPair(deps, REGION, { keyPairId: key.keyPairId }, {});
      expect(view).toMatchObject({ expiresAt: value });
      expect(view).not.toHaveProperty("expiryTagInvalid");
      expect((await sweep(deps)).regions[0]!.expiredKeysDeleted).toEqual([{ keyPairId: key.keyPairId, name: "tagged" }]);
      expect(deps.events.published).toMatchObject([{ change: "expired", expiresAt: value }]);
    },
  );

  test("every date a view answers is RFC 3339 in UTC, whatever the tag holds", async () => {
    const deps = inMemoryDeps();
    for (const [index, value] of ["+275760-09-13T00:00:00Z", "2026-12-07 10:00", "0", "2030-01-01T00:00:00Z"].entries())
      deps.store.seed(REGION, { name: `k${index}`, tags: { ...MANAGED, [SERVICE_TAGS.expiresAt]: value } });
    const { items } = await listKeyPairs(deps, REGION, ListQuery.parse({}));
    const dates = items.flatMap((item) => [item.expiresAt, item.createdAt].filter((date) => date !== undefined));
    expect(dates).toHaveLength(5);
    for (const date of dates) expect(date).toMatch(RFC3339_UTC);
  });
});
