/** No escrowed private key outlives its key pair, over in-memory ports with faults injected before or after effect. */
import type { CreateKeyPairInput } from "../../../src/lib/api/schemas.js";
import { createKeyPair } from "../../../src/lib/keypairs/create.js";
import { deleteKeyPair } from "../../../src/lib/keypairs/delete.js";
import { ServiceError } from "../../../src/lib/keypairs/errors.js";
import { sweep, sweepRegion } from "../../../src/lib/keypairs/sweep.js";
import { inMemoryDeps } from "../../support/in-memory-ports.js";

const REGION = "eu-west-1";
const alice = { arn: "arn:aws:iam::123456789012:role/alice" };
const escrowed: CreateKeyPairInput = { name: "e", keyType: "ed25519", keyFormat: "pem", escrow: true, tags: {} };
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("resolved, but a failure was expected");
    },
    (error: unknown) => error as ServiceError,
  );
const timedOut = (what: string) => new ServiceError("upstream-timeout", `${what} did not answer in time.`, { outcomeUnknown: true });

async function escrowedKey(deps: ReturnType<typeof inMemoryDeps>) {
  const created = (await createKeyPair(deps, REGION, escrowed, alice)) as { keyPairId: string };
  return created.keyPairId;
}

describe("a delete whose outcome is unknown", () => {
  test("EC2 carried it out: the key pair is gone, so its private key is deleted at once and the answer says so", async () => {
    const deps = inMemoryDeps();
    const keyPairId = await escrowedKey(deps);
    deps.store.failNext("delete", timedOut("EC2"), true);
    const error = await failure(deleteKeyPair(deps, REGION, { name: "e" }, { caller: alice.arn }));
    expect(error.kind).toBe("upstream-timeout");
    expect(error.message).toMatch(`It is gone now, and its escrowed private key /ec2/keypair/${keyPairId} was deleted.`);
    expect(deps.vault.parameters.size).toBe(0);
  });

  test("EC2 had not carried it out yet: the private key stays with its key pair, the answer promises the sweep, which keeps that promise", async () => {
    const deps = inMemoryDeps();
    const keyPairId = await escrowedKey(deps);
    deps.store.failNext("delete", timedOut("EC2"));
    const error = await failure(deleteKeyPair(deps, REGION, { name: "e" }, { caller: alice.arn }));
    expect(error.message).toMatch(`stays while the key pair exists; the escrow sweep deletes it once its key pair is gone`);
    expect(deps.vault.parameters.size).toBe(1);
    // EC2 completes the delete later; a second DELETE now answers 404 and cannot know the id.
    deps.store.regions.get(REGION)!.delete("e");
    expect((await failure(deleteKeyPair(deps, REGION, { name: "e" }, { caller: alice.arn }))).kind).toBe("not-found");
    await deps.clock.sleep(deps.settings.requestMaxSeconds * 1000 + 1);
    expect(await sweepRegion(deps, REGION)).toEqual({
      region: REGION,
      expiredKeysDeleted: [],
      escrowedKeysDeleted: [keyPairId],
      failures: [],
    });
    expect(deps.vault.parameters.size).toBe(0);
  });

  test("an answered failure (throttled) is not unknown: nothing is looked up again and the private key stays", async () => {
    const deps = inMemoryDeps();
    await escrowedKey(deps);
    deps.store.failNext("delete", new ServiceError("throttled", "EC2 is throttling requests."));
    expect((await failure(deleteKeyPair(deps, REGION, { name: "e" }, { caller: alice.arn }))).message).toBe("EC2 is throttling requests.");
    expect(deps.vault.parameters.size).toBe(1);
  });
});

describe("a failed escrow", () => {
  test("a put SSM answered with an error: key pair deleted, parameter delete attempted, 'nothing was kept'", async () => {
    const deps = inMemoryDeps();
    deps.vault.failNext(
      "put",
      new ServiceError("upstream-error", "SSM Parameter Store refused the service's request. (AccessDeniedException)"),
    );
    const error = await failure(createKeyPair(deps, REGION, escrowed, alice));
    expect([error.kind, error.message]).toEqual([expect.any(String), expect.stringMatching(/nothing was kept/)]);
    expect([deps.store.keys(REGION), deps.vault.parameters.size]).toEqual([[], 0]);
  });

  test("a put whose answer was lost after it stored the key: the parameter is deleted too, and the answer never says 'nothing was kept'", async () => {
    const deps = inMemoryDeps();
    deps.vault.failNext("put", timedOut("SSM Parameter Store"), true);
    const error = await failure(createKeyPair(deps, REGION, escrowed, alice));
    expect(error.kind).toBe("escrow-failed");
    expect(error.message).not.toMatch(/nothing was kept/);
    expect(error.message).toMatch(/may still reach \/ec2\/keypair\/key-\w+ .*the escrow sweep deletes it once its key pair is gone/);
    expect([deps.store.keys(REGION), deps.vault.parameters.size]).toEqual([[], 0]);
  });

  test("a put that lands after the service deleted the key pair (and the parameter): the sweep removes it", async () => {
    const deps = inMemoryDeps();
    const late: { keyPairId?: string; keyMaterial?: string } = {};
    deps.vault.put = async (_region, keyPairId, keyMaterial) => {
      Object.assign(late, { keyPairId, keyMaterial });
      throw timedOut("SSM Parameter Store");
    };
    await failure(createKeyPair(deps, REGION, escrowed, alice));
    // SSM resumes: the stalled put stores the private key of a key pair that is gone.
    deps.vault.parameters.set(`${REGION}:/ec2/keypair/${late.keyPairId}`, {
      keyMaterial: late.keyMaterial!,
      tags: { "managed-by": "ec2-keypairs-api" },
      storedAt: new Date(deps.clock.now()),
    });
    expect((await sweepRegion(deps, REGION)).escrowedKeysDeleted).toEqual([]); // too young: a request may still be writing it
    await deps.clock.sleep(deps.settings.requestMaxSeconds * 1000 + 1);
    expect((await sweepRegion(deps, REGION)).escrowedKeysDeleted).toEqual([late.keyPairId]);
    expect(deps.vault.parameters.size).toBe(0);
  });
});

describe("the sweep", () => {
  test("deletes only the service's own parameters whose key pair is gone; leaves live keys' and others' alone", async () => {
    const deps = inMemoryDeps();
    const live = await escrowedKey(deps);
    const put = (keyPairId: string, tags: Record<string, string>) =>
      deps.vault.parameters.set(`${REGION}:/ec2/keypair/${keyPairId}`, { keyMaterial: "k", tags, storedAt: new Date(0) });
    put("key-0000000000000dead", { "managed-by": "ec2-keypairs-api" });
    put("key-00000000000000c4f", { "aws:cloudformation:stack-name": "theirs" });
    await deps.clock.sleep(deps.settings.requestMaxSeconds * 1000 + 1);
    expect(await sweepRegion(deps, REGION)).toEqual({
      region: REGION,
      expiredKeysDeleted: [],
      escrowedKeysDeleted: ["key-0000000000000dead"],
      failures: [],
    });
    expect([...deps.vault.parameters.keys()].sort()).toEqual(
      [`${REGION}:/ec2/keypair/${live}`, `${REGION}:/ec2/keypair/key-00000000000000c4f`].sort(),
    );
  });

  test("a region that fails is reported and the next region is still swept; nothing is deleted on a failed look-up", async () => {
    const deps = inMemoryDeps({ allowedRegions: ["eu-west-1", "us-east-1"] });
    for (const region of deps.settings.allowedRegions) {
      deps.vault.parameters.set(`${region}:/ec2/keypair/key-0000000000000dead`, {
        keyMaterial: "k",
        tags: { "managed-by": "ec2-keypairs-api" },
        storedAt: new Date(0),
      });
    }
    deps.store.failNext("describe", timedOut("EC2"));
    const summary = await sweep(deps);
    expect(summary.regions).toEqual([
      { region: "eu-west-1", expiredKeysDeleted: [], escrowedKeysDeleted: [], failures: ["upstream-timeout: EC2 did not answer in time."] },
      { region: "us-east-1", expiredKeysDeleted: [], escrowedKeysDeleted: ["key-0000000000000dead"], failures: [] },
    ]);
    expect([...deps.vault.parameters.keys()]).toEqual(["eu-west-1:/ec2/keypair/key-0000000000000dead"]);
  });

  test("two sweeps at once delete each orphan and report no failure for the one the other took", async () => {
    const deps = inMemoryDeps();
    deps.vault.parameters.set(`${REGION}:/ec2/keypair/key-0000000000000dead`, {
      keyMaterial: "k",
      tags: { "managed-by": "ec2-keypairs-api" },
      storedAt: new Date(0),
    });
    const [a, b] = await Promise.all([sweepRegion(deps, REGION), sweepRegion(deps, REGION)]);
    expect([...a.failures, ...b.failures]).toEqual([]);
    expect(deps.vault.parameters.size).toBe(0);
  });
});
