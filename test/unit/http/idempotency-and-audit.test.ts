/**
 * Idempotency-Key, the caller's identity and untrustworthy EC2 answers, with the EC2 client mocked:
 * what is sent, what is recognised, and what the caller is told.
 */
import {
  CreateKeyPairCommand,
  CreateTagsCommand,
  DeleteKeyPairCommand,
  DescribeKeyPairsCommand,
  EC2Client,
  ImportKeyPairCommand,
} from "@aws-sdk/client-ec2";
import { PutParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { mockClient } from "aws-sdk-client-mock";
import { handler as createHandler } from "../../../src/handlers/create-key-pair.js";
import { handler as importHandler } from "../../../src/handlers/import-key-pair.js";
import { callerArn } from "../../../src/lib/http/caller.js";
import { ed25519PublicKey } from "../../support/keys.js";
import { apiEvent, invoke } from "../../support/lambda.js";

const ec2 = mockClient(EC2Client);
const ssm = mockClient(SSMClient);
beforeEach(() => {
  ec2.reset();
  ssm.reset();
});

const sentTags = (call = 0): Record<string, string> =>
  Object.fromEntries(
    ec2.commandCalls(CreateKeyPairCommand)[call]!.args[0].input.TagSpecifications![0]!.Tags!.map((tag) => [tag.Key, tag.Value]),
  );
const created = {
  KeyPairId: "key-0123456789abcdef0",
  KeyName: "k",
  KeyFingerprint: "ab:cd",
  KeyMaterial: "-----BEGIN OPENSSH PRIVATE KEY-----",
};

describe("the caller's identity", () => {
  test.each([
    ["arn:aws:sts::123456789012:assumed-role/deployer/session-1700000000", "arn:aws:sts::123456789012:assumed-role/deployer"],
    ["arn:aws:iam::123456789012:user/team/alice", "arn:aws:iam::123456789012:user/team/alice"],
    ["arn:aws-cn:sts::123456789012:assumed-role/r/s/with/slashes", "arn:aws-cn:sts::123456789012:assumed-role/r"],
  ])("%s is recorded as %s", (userArn, expected) => {
    expect(callerArn(apiEvent({ method: "POST", path: "/keypairs", iamUserArn: userArn }))).toBe(expected);
  });

  test("a caller too long for a tag keeps a unique created-by tag and its own Idempotency-Key scope", async () => {
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [] });
    ec2.on(CreateKeyPairCommand).resolves(created);
    const path = "p".repeat(240);
    for (const user of ["alice", "mallory"]) {
      const headers = { "content-type": "application/json", "idempotency-key": "deploy-1" };
      await invoke(createHandler, {
        method: "POST",
        path: "/keypairs",
        body: { name: "k" },
        headers,
        iamUserArn: `arn:aws:iam::123456789012:user/${path}/${user}`,
      });
    }
    const [alice, mallory] = [sentTags(0), sentTags(1)];
    expect(alice["ec2-keypairs-api:created-by"]!.length).toBeLessThanOrEqual(256);
    expect(alice["ec2-keypairs-api:created-by"]).not.toBe(mallory["ec2-keypairs-api:created-by"]);
    expect(alice["ec2-keypairs-api:idempotency-key"]).not.toBe(mallory["ec2-keypairs-api:idempotency-key"]);
  });

  test.each(["Managed-By", " managed-by", "EC2-KEYPAIRS-API:created-by", "ec2-keypairs-api:Request-Token ", "ec2-keypairs-api:escrow"])(
    "the reserved tag key %j cannot be set or imitated by a caller",
    async (key) => {
      const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body: { name: "k", tags: { [key]: "forged" } } });
      expect(answer.status).toBe(400);
      expect(ec2.calls()).toHaveLength(0);
    },
  );

  test("is tagged on the key (every log line's caller field: test/logs/no-secrets.test.ts)", async () => {
    ec2.on(CreateKeyPairCommand).resolves(created);
    const answer = await invoke(createHandler, {
      method: "POST",
      path: "/keypairs",
      body: { name: "k" },
      iamUserArn: "arn:aws:sts::123456789012:assumed-role/deployer/s1",
    });
    expect(answer.status).toBe(201);
    expect(sentTags()["ec2-keypairs-api:created-by"]).toBe("arn:aws:sts::123456789012:assumed-role/deployer");
  });
});

describe("Idempotency-Key", () => {
  const post = (key: string, body: object = { name: "k" }, headers: Record<string, string> = {}) =>
    invoke(createHandler, {
      method: "POST",
      path: "/keypairs",
      body,
      headers: { "content-type": "application/json", "idempotency-key": key, ...headers },
    });

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
    expect(ec2.commandCalls(DescribeKeyPairsCommand)[0]!.args[0].input.Filters).toEqual([
      { Name: "tag:ec2-keypairs-api:idempotency-key", Values: [first["ec2-keypairs-api:idempotency-key"]] },
    ]);
  });

  test.each(["ka,kb", '"ka","kb"', ""])("Idempotency-Key %j (e.g. a repeated header, joined by the gateway) is a 400", async (key) => {
    const answer = await post(key);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe("header.idempotency-key");
  });

  test("another caller's identical key does not match", async () => {
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [] });
    ec2.on(CreateKeyPairCommand).resolves(created);
    await post("abc-123");
    await invoke(createHandler, {
      method: "POST",
      path: "/keypairs",
      body: { name: "k" },
      headers: { "content-type": "application/json", "idempotency-key": "abc-123" },
      iamUserArn: "arn:aws:iam::123456789012:user/other",
    });
    expect(sentTags(1)["ec2-keypairs-api:idempotency-key"]).not.toBe(sentTags(0)["ec2-keypairs-api:idempotency-key"]);
  });

  /** The key an earlier request made `ageSeconds` ago; `complete`: that request finished (its completion mark, as it sent it). */
  async function earlierKey(ageSeconds: number, body: object = { name: "k" }, complete = false) {
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [] });
    ec2.on(CreateKeyPairCommand).resolves(created);
    await post("abc", body);
    const mark = Object.fromEntries(
      (ec2.commandCalls(CreateTagsCommand)[0]?.args[0].input.Tags ?? []).map((tag) => [tag.Key!, tag.Value!]),
    );
    const tags = { ...sentTags(0), ...(complete ? mark : {}) };
    ec2.reset();
    ssm.reset();
    const info = {
      KeyPairId: "key-0aaaaaaaaaaaaaaa0",
      KeyName: "k",
      KeyFingerprint: "ab",
      KeyType: "rsa" as const,
      CreateTime: new Date(Date.now() - ageSeconds * 1000),
      Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    };
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [info] });
    ec2.on(CreateKeyPairCommand).resolves(created);
    ec2.on(DeleteKeyPairCommand).resolves({ Return: true });
    return info;
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

  // The first private key went to a caller who lost it: the key is made anew under the same name, at once when the first
  // request completed, and after REQUEST_MAX_SECONDS when it never marked completion.
  test.each([
    ["the first completed, at once", 1, true],
    ["the first never marked completion, once it cannot still run", 60, false],
  ])("a repeat after %s: 201 with a new private key, the old key deleted by id, the new one marked", async (_when, age, complete) => {
    const earlier = await earlierKey(age, { name: "k" }, complete);
    // The earlier key is found, then gone (deleted by id), and the new one is the only one under the key.
    ec2
      .on(DescribeKeyPairsCommand)
      .resolvesOnce({ KeyPairs: [earlier] })
      .resolves({ KeyPairs: [{ ...earlier, KeyPairId: created.KeyPairId, CreateTime: new Date() }] });
    const answer = await post("abc");
    expect([answer.status, answer.body.keyMaterial]).toEqual([201, created.KeyMaterial]);
    expect(ec2.commandCalls(DeleteKeyPairCommand).map((call) => call.args[0].input.KeyPairId)).toEqual(["key-0aaaaaaaaaaaaaaa0"]);
    expect(ec2.commandCalls(CreateKeyPairCommand)).toHaveLength(1);
    // The completion mark: one CreateTags of the request-digest tag alone, on the new key.
    const [mark] = ec2.commandCalls(CreateTagsCommand);
    expect(mark!.args[0].input.Resources).toEqual([created.KeyPairId]);
    expect(mark!.args[0].input.Tags).toEqual([{ Key: "ec2-keypairs-api:request-digest", Value: expect.stringMatching(/\+complete$/) }]);
  });

  test("a repeat of a completed escrowed create names the same parameter at once: nothing is deleted, created or stored again", async () => {
    ssm.on(PutParameterCommand).resolves({ Version: 1 });
    await earlierKey(1, { name: "k", escrow: true }, true);
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

  test("racing requests under one key: a request whose key was made after another's undoes its own, by id, and answers 422", async () => {
    const rival = await earlierKey(0, { name: "rival" });
    // The lookup finds nothing yet; after our create, the rival's older key shows up beside ours.
    const ours = { ...rival, KeyPairId: created.KeyPairId, KeyName: "k", CreateTime: new Date(Date.now() + 1000) };
    ec2
      .on(DescribeKeyPairsCommand)
      .resolvesOnce({ KeyPairs: [] })
      .resolves({ KeyPairs: [ours, rival] });
    const answer = await post("abc", { name: "k" });
    expect(answer.status).toBe(422);
    expect(ec2.commandCalls(DeleteKeyPairCommand).map((call) => call.args[0].input.KeyPairId)).toEqual([created.KeyPairId]);
  });

  test("an import repeat answers the key the first one imported, at once", async () => {
    const publicKey = ed25519PublicKey();
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [] });
    ec2.on(ImportKeyPairCommand).resolves({ KeyPairId: "key-0bbbbbbbbbbbbbbb0", KeyName: "mine", KeyFingerprint: "fp" });
    const request = {
      method: "POST",
      path: "/keypairs/import",
      body: { name: "mine", publicKey },
      headers: { "content-type": "application/json", "idempotency-key": "imp-1" },
    };
    expect((await invoke(importHandler, request)).status).toBe(201);
    const tags = ec2.commandCalls(ImportKeyPairCommand)[0]!.args[0].input.TagSpecifications![0]!.Tags!;
    ec2.reset();
    ec2.on(DescribeKeyPairsCommand).resolves({
      KeyPairs: [
        {
          KeyPairId: "key-0bbbbbbbbbbbbbbb0",
          KeyName: "mine",
          KeyFingerprint: "fp",
          KeyType: "ed25519",
          CreateTime: new Date(),
          Tags: tags,
        },
      ],
    });
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
