/** The delete rule over in-memory ports: exactly the key named, the guard, the escrowed key. */
import { SERVICE_TAGS } from "../../../src/lib/api/reserved-tags.js";
import { createKeyPair } from "../../../src/lib/keypairs/create.js";
import { deleteKeyPair } from "../../../src/lib/keypairs/delete.js";
import { AFTER_DELETE_MS, DELETE_MIN_MS, LOOKUP_MS } from "../../../src/lib/keypairs/delete-found.js";
import { ServiceError } from "../../../src/lib/keypairs/errors.js";
import type { KeyPairSettings } from "../../../src/lib/keypairs/ports.js";
import { emptyScan, inMemoryDeps, inMemoryDeps as inMemoryPorts, TestClock } from "../../support/in-memory-ports.js";

const REGION = "eu-west-1";
const CALLER = "arn:aws:iam::123456789012:role/alice";
const MANAGED = { "managed-by": "ec2-keypairs-api" };
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("resolved, but a failure was expected");
    },
    (error: unknown) => error as ServiceError,
  );

test("deletes the managed key it names, by the id it looked up, and no other", async () => {
  const deps = inMemoryDeps();
  const target = deps.store.seed(REGION, { name: "a", tags: MANAGED });
  const other = deps.store.seed(REGION, { name: "a*", tags: MANAGED });
  const elsewhere = deps.store.seed("us-east-1", { name: "a", tags: MANAGED });
  expect(await deleteKeyPair(deps, REGION, { name: "a" }, { caller: CALLER })).toBeUndefined();
  expect(deps.store.keys(REGION)).toEqual([other]);
  expect(deps.store.keys("us-east-1")).toEqual([elsewhere]);
  expect(deps.store.calls.filter((call) => call.call === "delete")).toEqual([{ call: "delete", region: REGION, detail: target.keyPairId }]);
});

test("a missing key is a 404 (EC2 itself would answer success), and nothing is deleted", async () => {
  const deps = inMemoryDeps();
  deps.store.seed(REGION, { name: "b", tags: MANAGED });
  expect((await failure(deleteKeyPair(deps, REGION, { keyPairId: "key-0123456789abcdef0" }, { caller: CALLER }))).kind).toBe("not-found");
  expect(deps.store.keys(REGION)).toHaveLength(1);
});

test("a key the service did not make is refused with the guard's message, unless the settings allow it", async () => {
  const deps = inMemoryDeps();
  deps.store.seed(REGION, { name: "console-key" });
  const error = await failure(deleteKeyPair(deps, REGION, { name: "console-key" }, { caller: CALLER }));
  expect([error.kind, error.message]).toEqual([
    "unmanaged-key",
    "Key pair console-key was not created or imported through this service (no managed-by=ec2-keypairs-api tag); delete it in EC2 " +
      "directly.",
  ]);
  expect(deps.store.keys(REGION)).toHaveLength(1);
  const permissive = { ...deps, settings: { ...deps.settings, allowUnmanagedDelete: true } };
  await deleteKeyPair(permissive, REGION, { name: "console-key" }, { caller: CALLER });
  expect(deps.store.keys(REGION)).toEqual([]);
});

test("a dry run answers would-succeed and deletes nothing", async () => {
  const deps = inMemoryDeps();
  deps.store.seed(REGION, { name: "c", tags: MANAGED });
  expect(await deleteKeyPair(deps, REGION, { name: "c" }, { caller: CALLER, dryRun: true })).toMatchObject({
    dryRun: true,
    wouldSucceed: true,
    operation: "DeleteKeyPair",
  });
  expect(deps.store.keys(REGION)).toHaveLength(1);
});

test("an escrowed key's private key leaves the vault with it; a failure there says which parameter remains", async () => {
  const deps = inMemoryDeps();
  await createKeyPair(deps, REGION, { name: "d", keyType: "rsa", keyFormat: "pem", escrow: true }, { arn: "arn:aws:iam::1:role/a" });
  await createKeyPair(deps, REGION, { name: "e", keyType: "rsa", keyFormat: "pem", escrow: true }, { arn: "arn:aws:iam::1:role/a" });
  expect(deps.vault.parameters.size).toBe(2);
  await deleteKeyPair(deps, REGION, { name: "d" }, { caller: CALLER });
  expect([...deps.vault.parameters.keys()]).toEqual([`${REGION}:/ec2/keypair/${deps.store.keys(REGION)[0]!.keyPairId}`]);
  const [e] = deps.store.keys(REGION);
  expect(e!.tags[SERVICE_TAGS.escrow]).toBe("ssm");
  deps.vault.failNext("delete", new ServiceError("upstream-error", "SSM Parameter Store request failed. (InternalServerError)"));
  const error = await failure(deleteKeyPair(deps, REGION, { name: "e" }, { caller: CALLER }));
  expect([error.kind, error.message]).toEqual(["escrow-failed", expect.stringContaining(`/ec2/keypair/${e!.keyPairId} could not be`)]);
  expect(deps.store.keys(REGION)).toEqual([]);
});

describe("a delete within the function's remaining time (deadline)", () => {
  const needed = DELETE_MIN_MS + LOOKUP_MS + AFTER_DELETE_MS;
  const timedOut = () => new ServiceError("upstream-timeout", "EC2 did not answer in time.", { outcomeUnknown: true });
  const deleteCalls = (deps: ReturnType<typeof inMemoryDeps>) => deps.store.calls.filter((call) => call.call === "delete");
  // Time stands still but for what the ports spend (sleeping), so the time left is exact.
  const inMemoryDeps = (settings: Partial<KeyPairSettings> = {}) => ({ ...inMemoryPorts(settings), clock: new TestClock(Date.now()) });

  test("too little time left to look up, check and then delete: refused before any call, and the answer says nothing was deleted", async () => {
    const deps = inMemoryDeps();
    deps.store.seed(REGION, { name: "a", tags: MANAGED });
    const deadline = deps.clock.now() + needed;
    const error = await failure(deleteKeyPair(deps, REGION, { name: "a" }, { caller: CALLER, deadline }));
    expect([error.kind, error.outcomeUnknown, error.message]).toEqual([
      "upstream-timeout",
      false,
      expect.stringContaining("nothing was deleted"),
    ]);
    expect([deps.store.calls, deps.usage.calls, deps.store.keys(REGION).length, deps.events.published]).toEqual([[], [], 1, []]);
  });

  test("a check that used up the time: no delete is started, nothing deleted", async () => {
    const deps = inMemoryDeps();
    deps.store.seed(REGION, { name: "a", tags: MANAGED });
    const deadline = deps.clock.now() + needed + 1000;
    // The check answers, complete and empty, 2 s later: a second less than the delete and its report need is left.
    deps.usage.scan = async () => {
      await deps.clock.sleep(2000);
      return emptyScan();
    };
    const error = await failure(deleteKeyPair(deps, REGION, { name: "a" }, { caller: CALLER, deadline }));
    expect([error.kind, error.message]).toEqual(["upstream-timeout", expect.stringContaining("nothing was deleted")]);
    expect([deleteCalls(deps), deps.store.keys(REGION).length, deps.events.published]).toEqual([[], 1, []]);
  });

  test("the check gets what the delete does not need; the delete what its report does not need, within each call's own budget", async () => {
    const deps = inMemoryDeps({ timeBudgetMs: 10_000 });
    deps.store.seed(REGION, { name: "a", tags: MANAGED });
    const budgets: (number | undefined)[] = [];
    const scanned: number[] = [];
    deps.usage.scan = async (_region, signal) => {
      scanned.push(deps.clock.now());
      expect(signal.aborted).toBe(false);
      await deps.clock.sleep(1000);
      return emptyScan();
    };
    const remove = deps.store.delete.bind(deps.store);
    deps.store.delete = (region, keyPair, dryRun, budgetMs) => {
      budgets.push(budgetMs);
      return remove(region, keyPair, dryRun);
    };
    const start = deps.clock.now();
    await deleteKeyPair(deps, REGION, { name: "a" }, { caller: CALLER, deadline: start + needed + 3000 });
    // 1 s went to the check: the delete may take what is left but the look-up and the rest.
    expect(budgets).toEqual([needed + 3000 - 1000 - LOOKUP_MS - AFTER_DELETE_MS]);
    expect(deps.events.published).toMatchObject([{ change: "deleted", forced: false }]);
    // Without a deadline (the sweep), each call has its own budget only.
    deps.store.seed(REGION, { name: "b", tags: MANAGED });
    await deleteKeyPair(deps, REGION, { name: "b" }, { caller: CALLER });
    expect(budgets[1]).toBe(10_000);
  });

  test("a delete whose answer was lost is looked up only while the time allows: then its answer says it may be gone", async () => {
    const deps = inMemoryDeps();
    deps.store.seed(REGION, { name: "a", tags: MANAGED });
    const deadline = deps.clock.now() + needed + 1;
    deps.usage.scan = async () => emptyScan();
    // The delete took effect, its answer was lost, and the whole of its time went by.
    const remove = deps.store.delete.bind(deps.store);
    deps.store.delete = async (region, keyPair, dryRun) => {
      await remove(region, keyPair, dryRun);
      await deps.clock.sleep(DELETE_MIN_MS + LOOKUP_MS + 1);
      throw new ServiceError(
        "upstream-timeout",
        "EC2 did not answer in time. The key pair a may have been deleted: look it up by name to know.",
        {
          outcomeUnknown: true,
        },
      );
    };
    const error = await failure(deleteKeyPair(deps, REGION, { name: "a" }, { caller: CALLER, deadline, force: true }));
    expect([error.kind, error.outcomeUnknown, error.message]).toEqual([
      "upstream-timeout",
      true,
      expect.stringContaining("may have been deleted"),
    ]);
    expect(deps.store.calls.filter((call) => call.call === "describe")).toHaveLength(1);
    expect(deps.events.published).toEqual([]);
  });

  test("with time for it, a delete whose answer was lost is looked up: gone, the answer says so and the deletion is published", async () => {
    const deps = inMemoryDeps();
    deps.store.seed(REGION, { name: "a", tags: MANAGED });
    deps.store.failNext("delete", timedOut(), true);
    const error = await failure(deleteKeyPair(deps, REGION, { name: "a" }, { caller: CALLER, deadline: deps.clock.now() + needed + 1 }));
    expect([error.kind, error.outcomeUnknown, error.message]).toEqual([
      "upstream-timeout",
      true,
      "EC2 did not answer in time. It is gone now.",
    ]);
    expect(deps.events.published).toMatchObject([{ change: "deleted" }]);
  });
});
