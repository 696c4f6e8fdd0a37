/** Cleanup in bulk over in-memory ports: selection, the guarded delete per key, dry-run parity, cap, cursor, deadline, throttling. */
import type { CleanupRequest } from "../../../src/lib/api/cleanup-schemas.js";
import { type CleanupRun, cleanUpKeyPairs, KEY_MIN_MS } from "../../../src/lib/keypairs/cleanup.js";
import { ServiceError } from "../../../src/lib/keypairs/errors.js";
import type { CleanupDeps } from "../../../src/lib/keypairs/ports.js";
import { inMemoryDeps, TestClock } from "../../support/in-memory-ports.js";

const REGION = "eu-west-1";
const CALLER = "arn:aws:iam::123456789012:role/janitor";
const MANAGED = { "managed-by": "ec2-keypairs-api" };
const DAY = 86_400_000;
const NOW = Date.parse("2026-12-07T12:00:00Z");

function setUp(maxDeletions = 100) {
  const ports = inMemoryDeps();
  const clock = new TestClock(NOW);
  const deps: CleanupDeps & { store: typeof ports.store; usage: typeof ports.usage; events: typeof ports.events } = {
    ...ports,
    clock,
    maxDeletions,
  };
  const old = (name: string, tags: Record<string, string> = MANAGED, region = REGION) =>
    ports.store.seed(region, { name, tags, createdAt: new Date(NOW - 200 * DAY) });
  return { deps, ports, clock, old };
}

const request = (fields: Partial<CleanupRequest> = {}): CleanupRequest => ({ unused: true, dryRun: true, ...fields });
const run = (deps: CleanupDeps, fields: Partial<CleanupRequest> = {}, deadline = NOW + 60_000) =>
  cleanUpKeyPairs(deps, REGION, request(fields), { caller: CALLER, deadline });
const outcomes = (result: CleanupRun) => result.items.map((item) => `${item.name}:${item.outcome}`);

test("a dry run selects exactly what the real run then deletes; in use, unknown and unmanaged keys are kept", async () => {
  const { deps, ports, old } = setUp();
  for (const name of ["a-unused", "b-in-use", "c-unused"]) old(name);
  old("d-console", {});
  ports.store.seed(REGION, { name: "e-young", tags: MANAGED, createdAt: new Date(NOW - DAY) });
  ports.usage.set(REGION, { instances: [{ instanceId: "i-0123456789abcdef0", state: "running", keyName: "b-in-use" }] });
  const filters = { createdBefore: new Date(NOW - 90 * DAY).toISOString() };

  const plan = await run(deps, filters);
  expect(outcomes(plan)).toEqual(["a-unused:would-delete", "b-in-use:kept-in-use", "c-unused:would-delete"]);
  expect(plan.items[1]).toMatchObject({ usage: { instances: [{ instanceId: "i-0123456789abcdef0" }] } });
  expect([plan.unmanagedSkipped, plan.nextCursor]).toEqual([1, undefined]);
  expect(ports.store.keys(REGION)).toHaveLength(5);
  expect(ports.events.published).toEqual([]);

  const real = await run(deps, { ...filters, dryRun: false });
  expect(outcomes(real)).toEqual(["a-unused:deleted", "b-in-use:kept-in-use", "c-unused:deleted"]);
  expect(ports.store.keys(REGION).map((key) => key.name)).toEqual(["b-in-use", "d-console", "e-young"]);
  // Each deletion is the delete route's: published, and by the id it looked up.
  expect(ports.events.published.map((event) => [event.change, event.name, event.forced])).toEqual([
    ["deleted", "a-unused", false],
    ["deleted", "c-unused", false],
  ]);
  // Usage is checked per key just before its delete: one scan per key, never one for all.
  expect(ports.usage.calls).toHaveLength(6);
});

test("a key whose usage check was incomplete is kept-unknown, never deleted", async () => {
  const { deps, ports, old } = setUp();
  old("a");
  ports.usage.set(REGION, {
    incomplete: [{ check: "launchConfigurations", reason: "AccessDenied", kind: "forbidden" }],
  });
  const real = await run(deps, { dryRun: false });
  expect(outcomes(real)).toEqual(["a:kept-unknown"]);
  expect(real.items[0]).toMatchObject({ usage: { complete: false, incomplete: [{ check: "launchConfigurations" }] } });
  expect(ports.store.keys(REGION)).toHaveLength(1);
});

test("a stage that allows unmanaged deletes still never has a cleanup select one", async () => {
  const { deps, ports, old } = setUp();
  old("console", {});
  const real = await run({ ...deps, settings: { ...deps.settings, allowUnmanagedDelete: true } }, { dryRun: false });
  expect([real.items, real.unmanagedSkipped]).toEqual([[], 1]);
  expect(ports.store.keys(REGION)).toHaveLength(1);
});

test("the cap stops the run with a cursor, and the dry run pages exactly as the real run does", async () => {
  const names = ["k1", "k2", "k3", "k4", "k5"];
  const pages = async (dryRun: boolean) => {
    const { deps, old } = setUp(2);
    for (const name of names) old(name);
    const seen: string[][] = [];
    let cursor: CleanupRequest["cursor"];
    do {
      const page = await run(deps, { dryRun, ...(cursor ? { cursor } : {}) });
      seen.push(page.items.map((item) => item.name));
      if (page.nextCursor) expect(page.stopped).toBe("cap");
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };
  expect(await pages(true)).toEqual([["k1", "k2"], ["k3", "k4"], ["k5"]]);
  expect(await pages(false)).toEqual([["k1", "k2"], ["k3", "k4"], ["k5"]]);
});

test("a request's limit lowers the stage's cap, never raises it", async () => {
  const { deps, old } = setUp(2);
  for (const name of ["k1", "k2", "k3"]) old(name);
  expect((await run(deps, { limit: 1 })).items).toHaveLength(1);
  expect((await run(deps, { limit: 50 })).items).toHaveLength(2);
});

test("allRegions goes region by region, its cursor naming the region", async () => {
  const { deps, old } = setUp(1);
  old("k1", MANAGED, "eu-west-1");
  old("k2", MANAGED, "us-east-1");
  const first = await run(deps, { allRegions: true });
  expect([outcomes(first), first.nextCursor]).toEqual([["k1:would-delete"], { region: "us-east-1" }]);
  const second = await run(deps, { allRegions: true, cursor: first.nextCursor! });
  expect([second.items.map((item) => `${item.region}/${item.name}`), second.nextCursor]).toEqual([["us-east-1/k2"], undefined]);
  await expect(run(deps, { cursor: { region: "us-east-1" } })).rejects.toMatchObject({ kind: "validation" });
});

test("before the deadline it stops starting keys: the cursor says where to go on", async () => {
  const { deps, ports, clock, old } = setUp();
  for (const name of ["k1", "k2", "k3"]) old(name);
  const scan = ports.usage.scan.bind(ports.usage);
  const slow: CleanupDeps = { ...deps, usage: { scan: (region, signal) => clock.sleep(3000).then(() => scan(region, signal)) } };
  const page = await run(slow, { dryRun: false }, NOW + KEY_MIN_MS + 4000);
  expect([outcomes(page), page.stopped, page.nextCursor]).toEqual([
    ["k1:deleted", "k2:deleted"],
    "deadline",
    { region: REGION, after: "k2" },
  ]);
  expect(ports.store.keys(REGION).map((key) => key.name)).toEqual(["k3"]);
});

test("throttling stops the run before the throttled key: a throttled check keeps the key, and the cursor comes back to it", async () => {
  const { deps, ports, old } = setUp();
  for (const name of ["k1", "k2"]) old(name);
  ports.store.failNext("delete", new ServiceError("throttled", "Over the service's share of DeleteKeyPair.", { retryAfterSeconds: 1 }));
  const page = await run(deps, { dryRun: false });
  expect([page.items, page.stopped, page.error?.kind, page.nextCursor]).toEqual([[], "throttled", "throttled", { region: REGION }]);
  ports.usage.set(REGION, { incomplete: [{ check: "instances", reason: "Throttled", kind: "throttled", retryAfterSeconds: 3 }] });
  const scanThrottled = await run(deps, { dryRun: false });
  expect([outcomes(scanThrottled), scanThrottled.stopped, scanThrottled.nextCursor]).toEqual([
    ["k1:kept-unknown"],
    "throttled",
    { region: REGION },
  ]);
  expect(ports.store.keys(REGION)).toHaveLength(2);
});
