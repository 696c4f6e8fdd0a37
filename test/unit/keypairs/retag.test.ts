/** Tags and expiry changed after creation, over in-memory ports: the guard, reserved tags, EC2's 50, dry runs, events, the sweep. */
import { SERVICE_TAGS } from "../../../src/lib/api/reserved-tags.js";
import { TagChangeBody } from "../../../src/lib/api/retag-schemas.js";
import type { ServiceError } from "../../../src/lib/keypairs/errors.js";
import { changeTags, clearExpiry, setExpiry } from "../../../src/lib/keypairs/retag.js";
import { sweep } from "../../../src/lib/keypairs/sweep.js";
import { inMemoryDeps } from "../../support/in-memory-ports.js";

const REGION = "eu-west-1";
const CALLER = "arn:aws:iam::123456789012:role/alice";
const MANAGED = { "managed-by": "ec2-keypairs-api" };
const HIDDEN = { [SERVICE_TAGS.requestToken]: "token-1" };
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("resolved, but a failure was expected");
    },
    (error: unknown) => error as ServiceError,
  );
const retags = (deps: ReturnType<typeof inMemoryDeps>) => deps.store.calls.filter((call) => call.call === "retag");

test("sets and removes the caller's tags on exactly the key named, by its id; answers the view and publishes before and after", async () => {
  const deps = inMemoryDeps();
  const key = deps.store.seed(REGION, { name: "a", tags: { ...MANAGED, ...HIDDEN, team: "x", temp: "1" } });
  const other = deps.store.seed(REGION, { name: "a*", tags: { ...MANAGED, team: "x" } });
  const view = await changeTags(deps, REGION, { name: "a" }, { set: { owner: "alice", team: "y" }, remove: ["temp"], caller: CALLER });
  expect(view).toMatchObject({ name: "a", keyPairId: key.keyPairId, tags: { ...MANAGED, team: "y", owner: "alice" } });
  expect("tags" in view && Object.keys(view.tags)).not.toContain(SERVICE_TAGS.requestToken);
  expect(deps.store.keys(REGION).find((record) => record.name === "a")!.tags).toEqual({ ...MANAGED, ...HIDDEN, team: "y", owner: "alice" });
  expect(deps.store.keys(REGION).find((record) => record.name === "a*")!.tags).toEqual(other.tags);
  expect(retags(deps)).toEqual([{ call: "retag", region: REGION, detail: key.keyPairId }]);
  expect(deps.events.published).toEqual([
    expect.objectContaining({
      change: "tags-changed",
      keyPairId: key.keyPairId,
      caller: CALLER,
      before: { tags: { ...MANAGED, team: "x", temp: "1" } },
      after: { tags: { ...MANAGED, team: "y", owner: "alice" } },
    }),
  ]);
  // Events never carry the bookkeeping tags.
  expect(JSON.stringify(deps.events.published)).not.toContain("token-1");
});

test("a key the service did not make is refused with the delete guard's problem, even where deletes of such keys are allowed", async () => {
  const deps = inMemoryDeps({ allowUnmanagedDelete: true });
  deps.store.seed(REGION, { name: "console", tags: { team: "x" } });
  const error = await failure(changeTags(deps, REGION, { name: "console" }, { set: { owner: "a" }, caller: CALLER }));
  expect(error.kind).toBe("unmanaged-key");
  expect((await failure(setExpiry(deps, REGION, { name: "console" }, { ttlSeconds: 60, caller: CALLER }))).kind).toBe("unmanaged-key");
  expect(retags(deps)).toEqual([]);
  expect(deps.events.published).toEqual([]);
});

test.each([
  ["set", { set: { [SERVICE_TAGS.expiresAt]: "2030-01-01T00:00:00Z" } }, SERVICE_TAGS.expiresAt],
  ["set", { set: { "Managed-By": "me" } }, "Managed-By"],
  ["remove", { remove: ["managed-by"] }, "managed-by"],
  ["remove", { remove: [SERVICE_TAGS.requestToken] }, SERVICE_TAGS.requestToken],
])("a reserved tag in %s is a 400 naming it: %j", async (field, change, named) => {
  const deps = inMemoryDeps();
  deps.store.seed(REGION, { name: "a", tags: MANAGED });
  const error = await failure(changeTags(deps, REGION, { name: "a" }, { ...change, caller: CALLER }));
  expect(error.kind).toBe("validation");
  expect(error.errors).toEqual([{ field: `body.${field}`, message: `tag key ${named} is reserved for this service` }]);
  expect(retags(deps)).toEqual([]);
});

test("EC2's 50 tags count every tag the key carries after the change, the service's own included", async () => {
  const deps = inMemoryDeps();
  const tags = Object.fromEntries(Array.from({ length: 47 }, (_, index) => [`t${index}`, "v"]));
  deps.store.seed(REGION, { name: "a", tags: { ...MANAGED, ...HIDDEN, ...tags } });
  const error = await failure(changeTags(deps, REGION, { name: "a" }, { set: { x: "1", y: "2" }, caller: CALLER }));
  expect(error.errors).toEqual([{ field: "body.set", message: "the key would carry 51 tags, the service's own included; EC2 allows 50" }]);
  // One removed makes room for two: 50.
  await changeTags(deps, REGION, { name: "a" }, { set: { x: "1", y: "2" }, remove: ["t0"], caller: CALLER });
  expect(Object.keys(deps.store.keys(REGION)[0]!.tags)).toHaveLength(50);
  // The expiry is a tag too.
  expect((await failure(setExpiry(deps, REGION, { name: "a" }, { ttlSeconds: 60, caller: CALLER }))).kind).toBe("validation");
});

test("a dry run changes nothing, publishes nothing, and answers EC2's would-succeed with the key as it would be", async () => {
  const deps = inMemoryDeps();
  deps.store.seed(REGION, { name: "a", tags: { ...MANAGED, team: "x" } });
  const result = await changeTags(deps, REGION, { name: "a" }, { set: { owner: "alice" }, dryRun: true, caller: CALLER });
  expect(result).toMatchObject({
    dryRun: true,
    wouldSucceed: true,
    operation: "CreateTags",
    keyPair: { tags: { ...MANAGED, team: "x", owner: "alice" } },
  });
  expect(deps.store.keys(REGION)[0]!.tags).toEqual({ ...MANAGED, team: "x" });
  const cleared = await clearExpiry(deps, REGION, { name: "a" }, { dryRun: true, caller: CALLER });
  expect(cleared).toMatchObject({ dryRun: true, operation: "DeleteTags" });
  expect(deps.events.published).toEqual([]);
});

test("setting the same values again changes nothing: no event", async () => {
  const deps = inMemoryDeps();
  deps.store.seed(REGION, { name: "a", tags: { ...MANAGED, team: "x" } });
  await changeTags(deps, REGION, { name: "a" }, { set: { team: "x" }, caller: CALLER });
  expect(deps.events.published).toEqual([]);
});

test("the body refuses a key both set and removed, and an empty change", () => {
  expect(TagChangeBody.safeParse({ set: { a: "1" }, remove: ["a"] }).success).toBe(false);
  expect(TagChangeBody.safeParse({}).success).toBe(false);
  expect(TagChangeBody.safeParse({ set: { "aws:x": "1" } }).success).toBe(false);
  expect(TagChangeBody.safeParse({ set: { a: "1" }, remove: ["b"] }).success).toBe(true);
});

describe("expiry", () => {
  test("set from a ttl, extended, cleared: each change published with expiresAt before and after", async () => {
    const deps = inMemoryDeps();
    const key = deps.store.seed(REGION, { name: "a", tags: MANAGED });
    const now = deps.clock.now();
    const set = await setExpiry(deps, REGION, { keyPairId: key.keyPairId }, { ttlSeconds: 3600, caller: CALLER });
    const first = new Date(now + 3600_000).toISOString().replace(/\.\d{3}Z$/, "");
    expect("expiresAt" in set && set.expiresAt).toContain(first);
    const later = new Date(now + 7 * 86_400_000).toISOString();
    const extended = await setExpiry(deps, REGION, { name: "a" }, { expiresAt: later, caller: CALLER });
    expect("expiresAt" in extended && Date.parse(extended.expiresAt!)).toBe(Date.parse(later));
    const cleared = await clearExpiry(deps, REGION, { name: "a" }, { caller: CALLER });
    expect("expiresAt" in cleared).toBe(false);
    expect(deps.events.published.map(({ change, before, after }) => ({ change, before, after }))).toEqual([
      { change: "expiry-changed", before: { expiresAt: undefined }, after: { expiresAt: expect.stringContaining(first) } },
      { change: "expiry-changed", before: { expiresAt: expect.stringContaining(first) }, after: { expiresAt: expect.any(String) } },
      { change: "expiry-changed", before: { expiresAt: expect.any(String) }, after: { expiresAt: undefined } },
    ]);
  });

  test("a key whose expiry was cleared is never swept; one whose expiry was set is", async () => {
    const deps = inMemoryDeps({ allowedRegions: [REGION] });
    deps.store.seed(REGION, { name: "kept", tags: MANAGED });
    deps.store.seed(REGION, { name: "gone", tags: MANAGED });
    await setExpiry(deps, REGION, { name: "kept" }, { ttlSeconds: 60, caller: CALLER });
    await setExpiry(deps, REGION, { name: "gone" }, { ttlSeconds: 60, caller: CALLER });
    await clearExpiry(deps, REGION, { name: "kept" }, { caller: CALLER });
    await deps.clock.sleep(3600_000);
    const [region] = (await sweep(deps)).regions;
    expect(region!.expiredKeysDeleted.map((key) => key.name)).toEqual(["gone"]);
    expect(deps.store.keys(REGION).map((key) => key.name)).toEqual(["kept"]);
  });

  test("clearing a key without an expiry answers it as it is, and publishes nothing", async () => {
    const deps = inMemoryDeps();
    deps.store.seed(REGION, { name: "a", tags: MANAGED });
    expect(await clearExpiry(deps, REGION, { name: "a" }, { caller: CALLER })).toMatchObject({ name: "a", managed: true });
    expect(deps.events.published).toEqual([]);
  });
});
