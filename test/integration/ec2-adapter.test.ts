/**
 * The real handlers and SDK, in this process, against the local EC2 (moto) through a proxy that
 * can stall EC2's answers: client state never carries one request into another, and a create
 * whose answer is lost after EC2 carried it out still ends with a working private key.
 */
import { ed25519PublicKey, publicKeyOf, withoutComment } from "../support/keys.js";
import { type Handler, inProcessEnvironment, invoke } from "../support/lambda.js";
import { type StallingProxy, startStallingProxy } from "../support/stalling-proxy.js";

const region = "ap-northeast-3"; // used by no other test file
const run = `a${process.pid}${Math.random().toString(36).slice(2, 6)}`;
const REQUEST_TIMEOUT_MS = 1000;

let proxy: StallingProxy;
let ec2: typeof import("../../src/lib/aws/ec2.js");
let createHandler: Handler;
let getHandler: Handler;

beforeAll(async () => {
  proxy = await startStallingProxy(process.env.MOTO_URL!);
  inProcessEnvironment(region, {
    EC2_ENDPOINT: proxy.url,
    EC2_MAX_ATTEMPTS: "3",
    EC2_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    EC2_TOTAL_TIMEOUT_MS: "8000",
  });
  // Imported only now: the configuration is read once, at import.
  ec2 = await import("../../src/lib/aws/ec2.js");
  ({ handler: createHandler } = await import("../../src/handlers/create-key-pair.js"));
  ({ handler: getHandler } = await import("../../src/handlers/get-key-pair.js"));
});

afterAll(() => proxy.close());

const notOurs = () => false;

describe("no client state carries one request into the next", () => {
  test("a poisoned import followed by a clean one stores exactly the clean request's key", async () => {
    const attackerKey = ed25519PublicKey();
    const victimKey = ed25519PublicKey();
    const poisoned = ec2.importKeyPair(
      region,
      { name: `${run}-attacker`, openssh: attackerKey, tags: { x: "\ud800" }, dryRun: false },
      notOurs,
    );
    await expect(poisoned).rejects.toThrow(URIError); // thrown by the SDK's serializer, mid-request
    const victim = await ec2.importKeyPair(
      region,
      { name: `${run}-victim`, openssh: victimKey, tags: { owner: "victim" }, dryRun: false },
      notOurs,
    );
    expect(victim.name).toBe(`${run}-victim`);
    const [stored] = await ec2.describeKeyPairs(region, { name: `${run}-victim` }, true);
    expect(withoutComment(stored!.publicKey!)).toBe(victimKey);
    expect(stored!.tags).toEqual({ owner: "victim" });
    expect(await ec2.describeKeyPairs(region, { name: `${run}-attacker` }, false)).toEqual([]);
  });

  test("a poisoned create followed by a clean one creates exactly the clean request's key", async () => {
    const poisoned = ec2.createKeyPair(
      region,
      { name: `${run}-evil`, keyType: "rsa", keyFormat: "pem", tags: { x: "\udfff" }, dryRun: false },
      notOurs,
    );
    await expect(poisoned).rejects.toThrow(URIError);
    const created = await ec2.createKeyPair(
      region,
      { name: `${run}-clean`, keyType: "ed25519", keyFormat: "pem", tags: { owner: "clean" }, dryRun: false },
      notOurs,
    );
    expect(created.name).toBe(`${run}-clean`);
    const [stored] = await ec2.describeKeyPairs(region, { name: `${run}-clean` }, true);
    expect(stored!.keyType).toBe("ed25519");
    expect(publicKeyOf(created.keyMaterial)).toBe(withoutComment(stored!.publicKey!));
    expect(await ec2.describeKeyPairs(region, { name: `${run}-evil` }, false)).toEqual([]);
  });
});

describe("EC2 carries out a create but its answer comes too late", () => {
  test.each(["ed25519", "rsa"] as const)("%s: 201 with a private key that works against the key EC2 holds", async (keyType) => {
    const name = `${run}-stalled-${keyType}`;
    proxy.stall("CreateKeyPair", REQUEST_TIMEOUT_MS * 2);
    const seenBefore = proxy.seen.length;
    const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body: { name, keyType } });
    expect(answer.status).toBe(201);
    // The first answer was held past the per-attempt timeout; the retry met the key the first attempt made.
    expect(proxy.seen.slice(seenBefore)).toEqual(["CreateKeyPair", "CreateKeyPair", "DescribeKeyPairs", "DeleteKeyPair", "CreateKeyPair"]);
    const held = await invoke(getHandler, {
      method: "GET",
      path: `/keypairs/${name}`,
      pathParameters: { name },
      query: { includePublicKey: "true" },
    });
    expect(held.body.keyPairId).toBe(answer.body.keyPairId);
    expect(publicKeyOf(answer.body.keyMaterial)).toBe(withoutComment(held.body.publicKey));
  });

  test("a name taken by another request stays a 409 after a stalled attempt, and that key is untouched", async () => {
    const name = `${run}-taken`;
    const first = await invoke(createHandler, { method: "POST", path: "/keypairs", body: { name, keyType: "ed25519" } });
    expect(first.status).toBe(201);
    proxy.stall("CreateKeyPair", REQUEST_TIMEOUT_MS * 2);
    const second = await invoke(createHandler, { method: "POST", path: "/keypairs", body: { name, keyType: "ed25519" } });
    expect(second.status).toBe(409);
    const held = await invoke(getHandler, { method: "GET", path: `/keypairs/${name}`, pathParameters: { name } });
    expect(held.body.keyPairId).toBe(first.body.keyPairId);
  });
});
