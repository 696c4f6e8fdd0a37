/**
 * Idempotency-Key, the caller's identity and untrustworthy EC2 answers, with the EC2 client mocked:
 * what is sent, what is recognised, and what the caller is told.
 */
import { CreateKeyPairCommand, DeleteKeyPairCommand, DescribeKeyPairsCommand, EC2Client, ImportKeyPairCommand } from "@aws-sdk/client-ec2";
import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { mockClient } from "aws-sdk-client-mock";
import { handler as createHandler } from "../../src/handlers/create-key-pair.js";
import { handler as importHandler } from "../../src/handlers/import-key-pair.js";
import { callerArn } from "../../src/lib/caller.js";
import { ed25519PublicKey } from "../support/keys.js";
import { apiEvent, invoke } from "../support/lambda.js";

const ec2 = mockClient(EC2Client);
const ssm = mockClient(SSMClient);
beforeEach(() => {
  ec2.reset();
  ssm.reset();
});

const sentTags = (call = 0): Record<string, string> => Object.fromEntries(ec2.commandCalls(CreateKeyPairCommand)[call]!.args[0].input.TagSpecifications![0]!.Tags!.map((tag) => [tag.Key, tag.Value]));
const created = { KeyPairId: "key-0123456789abcdef0", KeyName: "k", KeyFingerprint: "ab:cd", KeyMaterial: "-----BEGIN OPENSSH PRIVATE KEY-----" };

describe("the caller's identity", () => {
  test.each([
    ["arn:aws:sts::123456789012:assumed-role/deployer/session-1700000000", "arn:aws:sts::123456789012:assumed-role/deployer"],
    ["arn:aws:iam::123456789012:user/team/alice", "arn:aws:iam::123456789012:user/team/alice"],
    ["arn:aws-cn:sts::123456789012:assumed-role/r/s/with/slashes", "arn:aws-cn:sts::123456789012:assumed-role/r"],
  ])("%s is recorded as %s", (userArn, expected) => {
    expect(callerArn(apiEvent({ method: "POST", path: "/keypairs", iamUserArn: userArn }))).toBe(expected);
  });

  test("is tagged on the key and logged on the request's lines", async () => {
    ec2.on(CreateKeyPairCommand).resolves(created);
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => (lines.push(String(chunk)), true)) as typeof process.stdout.write;
    try {
      const { logger } = await import("../../src/lib/logger.js");
      logger.setLogLevel("INFO");
      const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body: { name: "k" }, iamUserArn: "arn:aws:sts::123456789012:assumed-role/deployer/s1" });
      expect(answer.status).toBe(201);
      logger.setLogLevel("SILENT");
    } finally {
      process.stdout.write = write;
    }
    expect(sentTags()["ec2-keypairs-api:created-by"]).toBe("arn:aws:sts::123456789012:assumed-role/deployer");
    const logged = lines.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line));
    expect(logged.length).toBeGreaterThan(0);
    for (const line of logged) expect(line.caller).toBe("arn:aws:sts::123456789012:assumed-role/deployer");
    expect(lines.join("")).not.toContain("PRIVATE KEY");
  });
});

describe("Idempotency-Key", () => {
  const post = (key: string, body: object = { name: "k" }, headers: Record<string, string> = {}) =>
    invoke(createHandler, { method: "POST", path: "/keypairs", body, headers: { "content-type": "application/json", "idempotency-key": key, ...headers } });

  test("marks the key with the key's hash (never the key itself) and the request's digest; the same body gives the same digest", async () => {
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [] });
    ec2.on(CreateKeyPairCommand).resolves(created);
    expect((await post('"abc-123"', { name: "k", tags: { b: "2", a: "1" } })).status).toBe(201);
    expect((await post("abc-123", { tags: { a: "1", b: "2" }, name: "k" })).status).toBe(201);
    const [first, second] = [sentTags(0), sentTags(1)];
    expect(first["ec2-keypairs-api:idempotency-key"]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(first)).not.toContain("abc-123");
    expect(second["ec2-keypairs-api:idempotency-key"]).toBe(first["ec2-keypairs-api:idempotency-key"]);
    expect(second["ec2-keypairs-api:request-digest"]).toBe(first["ec2-keypairs-api:request-digest"]);
    expect(second["ec2-keypairs-api:request-token"]).not.toBe(first["ec2-keypairs-api:request-token"]);
    // Looked up by the service's own tag only (a hash: no wildcard can be in it).
    expect(ec2.commandCalls(DescribeKeyPairsCommand)[0]!.args[0].input.Filters).toEqual([{ Name: "tag:ec2-keypairs-api:idempotency-key", Values: [first["ec2-keypairs-api:idempotency-key"]] }]);
  });

  test("another caller's identical key does not match", async () => {
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [] });
    ec2.on(CreateKeyPairCommand).resolves(created);
    await post("abc-123");
    await invoke(createHandler, { method: "POST", path: "/keypairs", body: { name: "k" }, headers: { "content-type": "application/json", "idempotency-key": "abc-123" }, iamUserArn: "arn:aws:iam::123456789012:user/other" });
    expect(sentTags(1)["ec2-keypairs-api:idempotency-key"]).not.toBe(sentTags(0)["ec2-keypairs-api:idempotency-key"]);
  });

  async function earlierKey(ageSeconds: number, body: object = { name: "k" }) {
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [] });
    ec2.on(CreateKeyPairCommand).resolves(created);
    await post("abc", body);
    const tags = sentTags(0);
    ec2.reset();
    ssm.reset();
    const info = { KeyPairId: "key-0aaaaaaaaaaaaaaa0", KeyName: "k", KeyFingerprint: "ab", KeyType: "rsa" as const, CreateTime: new Date(Date.now() - ageSeconds * 1000), Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) };
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [info] });
    ec2.on(CreateKeyPairCommand).resolves(created);
    ec2.on(DeleteKeyPairCommand).resolves({ Return: true });
  }

  test("a repeat while the first may still run is a 409 with Retry-After, and nothing is touched", async () => {
    await earlierKey(3);
    const answer = await post("abc");
    expect(answer.status).toBe(409);
    expect(answer.body.type).toMatch(/request-in-progress$/);
    expect(Number(answer.headers["retry-after"])).toBeGreaterThanOrEqual(12);
    expect(ec2.commandCalls(DeleteKeyPairCommand)).toHaveLength(0);
    expect(ec2.commandCalls(CreateKeyPairCommand)).toHaveLength(0);
  });

  test("a repeat after that: the key is made anew under the same name (its first private key was never kept): 201", async () => {
    await earlierKey(60);
    const answer = await post("abc");
    expect(answer.status).toBe(201);
    expect(ec2.commandCalls(DeleteKeyPairCommand)[0]!.args[0].input.KeyName).toBe("k");
    expect(ec2.commandCalls(CreateKeyPairCommand)).toHaveLength(1);
  });

  test("a repeat of an escrowed create names the same parameter: nothing is deleted, created or stored again", async () => {
    ssm.on(PutParameterCommand).resolves({ Version: 1 });
    await earlierKey(60, { name: "k", escrow: true });
    const answer = await post("abc", { name: "k", escrow: true });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ keyPairId: "key-0aaaaaaaaaaaaaaa0", privateKeyParameter: "/ec2/keypair/key-0aaaaaaaaaaaaaaa0" });
    expect(answer.body.keyMaterial).toBeUndefined();
    expect(ec2.commandCalls(DeleteKeyPairCommand)).toHaveLength(0);
    expect(ec2.commandCalls(CreateKeyPairCommand)).toHaveLength(0);
    expect(ssm.commandCalls(PutParameterCommand)).toHaveLength(0);
  });

  test("the same key with another body is a 422, and nothing is touched", async () => {
    await earlierKey(60);
    const answer = await post("abc", { name: "k", keyType: "ed25519" });
    expect(answer.status).toBe(422);
    expect(answer.body.type).toMatch(/idempotency-key-reused$/);
    expect(ec2.commandCalls(DeleteKeyPairCommand)).toHaveLength(0);
    expect(ec2.commandCalls(CreateKeyPairCommand)).toHaveLength(0);
  });

  test("an import repeat answers the key the first one imported, at once", async () => {
    const publicKey = ed25519PublicKey();
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [] });
    ec2.on(ImportKeyPairCommand).resolves({ KeyPairId: "key-0bbbbbbbbbbbbbbb0", KeyName: "mine", KeyFingerprint: "fp" });
    const request = { method: "POST", path: "/keypairs/import", body: { name: "mine", publicKey }, headers: { "content-type": "application/json", "idempotency-key": "imp-1" } };
    expect((await invoke(importHandler, request)).status).toBe(201);
    const tags = ec2.commandCalls(ImportKeyPairCommand)[0]!.args[0].input.TagSpecifications![0]!.Tags!;
    ec2.reset();
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [{ KeyPairId: "key-0bbbbbbbbbbbbbbb0", KeyName: "mine", KeyFingerprint: "fp", KeyType: "ed25519", CreateTime: new Date(), Tags: tags }] });
    const again = await invoke(importHandler, request);
    expect([again.status, again.body.keyPairId]).toEqual([201, "key-0bbbbbbbbbbbbbbb0"]);
    expect(ec2.commandCalls(ImportKeyPairCommand)).toHaveLength(0);
  });
});

describe("answers from EC2 that cannot be trusted", () => {
  test("an unreadable answer to a create is a 502 that says the key may exist, with no key text", async () => {
    ec2.on(CreateKeyPairCommand).resolves({ KeyPairId: "key-0123456789abcdef0", KeyName: "k", KeyFingerprint: "ab" });
    const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body: { name: "k" } });
    expect(answer.status).toBe(502);
    expect(answer.body.detail).toContain("may have been created");
  });

  test("an answer naming another key than the one created is a 502, never that key", async () => {
    ec2.on(CreateKeyPairCommand).resolves({ ...created, KeyName: "someone-else" });
    const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body: { name: "k" } });
    expect(answer.status).toBe(502);
    expect(JSON.stringify(answer.body)).not.toContain("PRIVATE KEY");
  });
});
