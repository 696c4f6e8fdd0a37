/**
 * Idempotency-Key, the caller's identity and untrustworthy EC2 answers, with the EC2 client mocked:
 * what is sent, what is recognised, and what the caller is told.
 */

import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from "@aws-sdk/client-dynamodb";
import { CreateKeyPairCommand, DescribeKeyPairsCommand, EC2Client, ImportKeyPairCommand } from "@aws-sdk/client-ec2";
import { SSMClient } from "@aws-sdk/client-ssm";
import { mockClient } from "aws-sdk-client-mock";
import { handler as createHandler } from "../../../src/handlers/create-key-pair.js";
import { handler as importHandler } from "../../../src/handlers/import-key-pair.js";
import { callerArn } from "../../../src/lib/http/caller.js";
import { config } from "../../../src/lib/platform/config.js";
import { ed25519PublicKey } from "../../support/keys.js";
import { apiEvent, invoke } from "../../support/lambda.js";

const ec2 = mockClient(EC2Client);
const ssm = mockClient(SSMClient);
const dynamoDb = mockClient(DynamoDBClient);
beforeEach(() => {
  ec2.reset();
  ssm.reset();
  dynamoDb.reset();
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
  beforeEach(() => {
    dynamoDb.on(PutItemCommand).resolves({});
    dynamoDb.on(UpdateItemCommand).resolves({});
  });
  /** The ledger's record of an earlier request under the key: another request's claim holds it. */
  const heldBy = (item: Record<string, AttributeValue>) => {
    dynamoDb.on(PutItemCommand).rejects(new ConditionalCheckFailedException({ message: "The conditional request failed", $metadata: {} }));
    dynamoDb.on(GetItemCommand).resolves({ Item: { id: { S: "x" }, token: { S: "another request" }, ...item } });
  };
  const claimedDigest = () => dynamoDb.commandCalls(PutItemCommand)[0]!.args[0].input.Item!.digest!.S!;

  test("marks the key with the key's hash (never the key itself) and the request's digest; the same body gives the same digest", async () => {
    ec2.on(CreateKeyPairCommand).resolves(created);
    expect((await post('"abc-123"', { name: "k", tags: { b: "2", a: "1" } })).status).toBe(201);
    expect((await post("abc-123", { tags: { a: "1", b: "2" }, name: "k" })).status).toBe(201);
    const [first, second] = [sentTags(0), sentTags(1)];
    expect(first["ec2-keypairs-api:idempotency-key"]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(first)).not.toContain("abc-123");
    expect(second["ec2-keypairs-api:idempotency-key"]).toBe(first["ec2-keypairs-api:idempotency-key"]);
    expect(second["ec2-keypairs-api:request-digest"]).toBe(first["ec2-keypairs-api:request-digest"]);
    expect(second["ec2-keypairs-api:request-token"]).not.toBe(first["ec2-keypairs-api:request-token"]);
    // The ledger's record: the hash scoped by account ("own": this API's) and region, the digest, never the key itself nor a private key.
    const [claim] = dynamoDb.commandCalls(PutItemCommand);
    expect(claim!.args[0].input.Item!.id!.S).toBe(`own/eu-west-1/${first["ec2-keypairs-api:idempotency-key"]}`);
    expect(claimedDigest()).toBe(first["ec2-keypairs-api:request-digest"]);
    const recorded = JSON.stringify(dynamoDb.commandCalls(UpdateItemCommand).map((call) => call.args[0].input));
    expect(recorded).not.toContain("abc-123");
    expect(recorded).not.toContain(created.KeyMaterial);
    expect(recorded).toContain(created.KeyPairId);
  });

  test.each(["ka,kb", '"ka","kb"', ""])("Idempotency-Key %j (e.g. a repeated header, joined by the gateway) is a 400", async (key) => {
    const answer = await post(key);
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe("header.idempotency-key");
  });

  test("another caller's identical key does not match", async () => {
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

  test("a repeat while the first runs is a 409 with Retry-After from its claim, and EC2 is not called", async () => {
    ec2.on(CreateKeyPairCommand).resolves(created);
    await post("abc");
    const digest = claimedDigest();
    ec2.reset();
    heldBy({ digest: { S: digest }, runningUntil: { N: String(Date.now() + 12_500) } });
    const answer = await post("abc");
    expect([answer.status, answer.body.type]).toEqual([409, expect.stringMatching(/request-in-progress$/)]);
    expect(Number(answer.headers["retry-after"])).toBe(13);
    expect(ec2.calls()).toHaveLength(0);
  });

  test("a repeat of a finished create is a 409 private-key-delivered naming the key pair, without its private key", async () => {
    ec2.on(CreateKeyPairCommand).resolves(created);
    await post("abc");
    const [digest, outcome] = [
      claimedDigest(),
      dynamoDb.commandCalls(UpdateItemCommand)[0]!.args[0].input.ExpressionAttributeValues![":outcome"]!,
    ];
    ec2.reset();
    heldBy({ digest: { S: digest }, runningUntil: { N: "0" }, outcome: outcome });
    const answer = await post("abc");
    expect([answer.status, answer.headers["retry-after"], answer.body.keyPair]).toEqual([
      409,
      undefined,
      { keyPairId: created.KeyPairId, name: "k", region: "eu-west-1" },
    ]);
    expect(JSON.stringify(answer.body)).not.toContain(created.KeyMaterial);
    expect(ec2.calls()).toHaveLength(0);
  });

  test("the same key with another body is a 422, and EC2 is not called", async () => {
    heldBy({ digest: { S: "another digest" }, runningUntil: { N: "0" } });
    const answer = await post("abc", { name: "k", keyType: "ed25519" });
    expect([answer.status, answer.body.type]).toEqual([422, expect.stringMatching(/idempotency-key-reused$/)]);
    expect(ec2.calls()).toHaveLength(0);
  });

  test("a ledger that throttles: 429 with Retry-After saying nothing was made, and EC2 is not called", async () => {
    dynamoDb
      .on(PutItemCommand)
      .rejects(
        Object.assign(new Error("Rate exceeded"), { name: "ThrottlingException", $fault: "client", $metadata: { httpStatusCode: 400 } }),
      );
    const answer = await post("abc");
    expect([answer.status, Number(answer.headers["retry-after"])]).toEqual([429, config.THROTTLE_RETRY_AFTER_SECONDS]);
    expect(answer.body.detail).toBe(
      "DynamoDB (the Idempotency-Key ledger) is throttling requests. (ThrottlingException) Nothing was made: repeat the request.",
    );
    expect(ec2.calls()).toHaveLength(0);
  });

  test("an import repeat answers the key the first one imported, at once", async () => {
    ec2.on(ImportKeyPairCommand).resolves({ KeyPairId: "key-0bbbbbbbbbbbbbbb0", KeyName: "mine", KeyFingerprint: "fp" });
    const request = {
      method: "POST",
      path: "/keypairs/import",
      body: { name: "mine", publicKey: ed25519PublicKey() },
      headers: { "content-type": "application/json", "idempotency-key": "imp-1" },
    };
    const first = await invoke(importHandler, request);
    expect(first.status).toBe(201);
    const [digest, outcome] = [
      claimedDigest(),
      dynamoDb.commandCalls(UpdateItemCommand)[0]!.args[0].input.ExpressionAttributeValues![":outcome"]!,
    ];
    ec2.reset();
    heldBy({ digest: { S: digest }, runningUntil: { N: "0" }, outcome });
    const again = await invoke(importHandler, request);
    expect([again.status, again.body]).toEqual([201, first.body]);
    expect(ec2.calls()).toHaveLength(0);
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
