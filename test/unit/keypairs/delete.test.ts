/** The delete rule over in-memory ports: exactly the key named, the guard, the escrowed key. */
import { SERVICE_TAGS } from "../../../src/lib/api/reserved-tags.js";
import { createKeyPair } from "../../../src/lib/keypairs/create.js";
import { deleteKeyPair } from "../../../src/lib/keypairs/delete.js";
import { ServiceError } from "../../../src/lib/keypairs/errors.js";
import { inMemoryDeps } from "../../support/in-memory-ports.js";

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
