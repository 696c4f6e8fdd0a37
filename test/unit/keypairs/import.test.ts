/** The import rule over an in-memory store: parsing first, the managed tag, Idempotency-Key replays. */
import { importKeyPair } from "../../../src/lib/keypairs/import.js";
import { inMemoryDeps } from "../../support/in-memory-ports.js";

const REGION = "eu-west-1";
const ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGLhX3iZb6VZsNj1kYkxXDK1X3uC6Zx8d0ZS6m2y8t7P";
const alice = (idempotencyKey?: string) => ({ arn: "arn:aws:iam::123456789012:role/alice", idempotencyKey });

test("imports the parsed key, tagged as managed, and answers its view", async () => {
  const deps = inMemoryDeps();
  const imported = await importKeyPair(deps, REGION, { name: "laptop", publicKey: `${ED25519} me@laptop` }, alice());
  const [stored] = deps.store.keys(REGION);
  expect(imported).toMatchObject({ name: "laptop", keyPairId: stored!.keyPairId, keyType: "ed25519", managed: true });
  expect(stored!.publicKey).toBe(ED25519);
});

test("a key that is not a public key is refused before the store is called", async () => {
  const deps = inMemoryDeps();
  await expect(
    importKeyPair(deps, REGION, { name: "laptop", publicKey: "-----BEGIN RSA PRIVATE KEY-----" }, alice()),
  ).rejects.toMatchObject({ kind: "validation" });
  expect(deps.store.calls).toEqual([]);
});

test("the same Idempotency-Key and body answers the first import, at once, without importing again", async () => {
  const deps = inMemoryDeps();
  const first = await importKeyPair(deps, REGION, { name: "laptop", publicKey: ED25519 }, alice("k1"));
  const again = await importKeyPair(deps, REGION, { name: "laptop", publicKey: ED25519 }, alice("k1"));
  expect(again).toMatchObject({ keyPairId: (first as { keyPairId: string }).keyPairId, name: "laptop" });
  expect(deps.store.calls.filter((call) => call.call === "import")).toHaveLength(1);
});

test("a name that exists is a conflict naming the key and the region, as a 404 does", async () => {
  const deps = inMemoryDeps();
  deps.store.seed(REGION, { name: "laptop" });
  const refused = await importKeyPair(deps, REGION, { name: "laptop", publicKey: ED25519 }, alice()).catch((error: Error) => error);
  expect(refused).toMatchObject({
    kind: "conflict",
    message: "A key pair named laptop already exists in eu-west-1: choose another name, or delete that key pair first.",
  });
});
