import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { CreateKeyPairCommand, DeleteKeyPairCommand, DescribeKeyPairsCommand, EC2Client, ImportKeyPairCommand } from "@aws-sdk/client-ec2";
import { DeleteParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { mockClient } from "aws-sdk-client-mock";
import { handler as createHandler } from "../../../src/handlers/create-key-pair.js";
import { handler as deleteHandler } from "../../../src/handlers/delete-key-pair.js";
import { handler as deleteByIdHandler } from "../../../src/handlers/delete-key-pair-by-id.js";
import { handler as getHandler } from "../../../src/handlers/get-key-pair.js";
import { handler as getByIdHandler } from "../../../src/handlers/get-key-pair-by-id.js";
import { handler as importHandler } from "../../../src/handlers/import-key-pair.js";
import { handler as listHandler } from "../../../src/handlers/list-key-pairs.js";
import { handler as methodNotAllowedHandler } from "../../../src/handlers/method-not-allowed.js";
import { MAX_PAGE_BYTES } from "../../../src/lib/keypairs/list.js";
import { ed25519PublicKey } from "../../support/keys.js";
import { invoke } from "../../support/lambda.js";
import { nothingNamesKeys } from "../../support/usage-mocks.js";

const ec2 = mockClient(EC2Client);
// Delete also removes an escrowed private key (test/unit/http/escrow.test.ts has the rest of escrow).
const ssm = mockClient(SSMClient);
// Delete checks that nothing names the key first (test/unit/http/key-usage.test.ts has the rest).
const autoScaling = mockClient(AutoScalingClient);
beforeEach(() => {
  ec2.reset();
  ssm.reset();
  autoScaling.reset();
  nothingNamesKeys(ec2, autoScaling);
});

const managedTag = { Key: "managed-by", Value: "ec2-keypairs-api" };
const keyInfo = (name: string, tags = [managedTag]) => ({
  KeyPairId: `key-${Buffer.from(name).toString("hex").padEnd(17, "0").slice(0, 17)}`,
  KeyName: name,
  KeyFingerprint: "ab:cd",
  KeyType: "rsa" as const,
  Tags: tags,
  CreateTime: new Date("2026-11-22T10:00:00Z"),
});

describe("POST /keypairs", () => {
  test("passes type, format, tags and region to EC2 and answers 201 no-store with the key material", async () => {
    ec2.on(CreateKeyPairCommand).resolves({
      KeyPairId: "key-0123456789abcdef0",
      KeyName: "k1",
      KeyFingerprint: "fp",
      KeyMaterial: "PuTTY-User-Key-File-3: ssh-ed25519\n...",
      Tags: [{ Key: "team", Value: "a" }, managedTag],
    });
    const answer = await invoke(createHandler, {
      method: "POST",
      path: "/keypairs",
      body: { name: "k1", keyType: "ed25519", keyFormat: "ppk", tags: { team: "a" }, region: "us-east-1" },
    });
    expect(answer.status).toBe(201);
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.body).toMatchObject({
      keyPairId: "key-0123456789abcdef0",
      keyType: "ed25519",
      keyFormat: "ppk",
      region: "us-east-1",
      managed: true,
      tags: { team: "a", "managed-by": "ec2-keypairs-api" },
    });
    expect(answer.body.keyMaterial).toContain("PuTTY-User-Key-File");
    const input = ec2.commandCalls(CreateKeyPairCommand)[0]!.args[0].input;
    expect(input).toMatchObject({ KeyName: "k1", KeyType: "ed25519", KeyFormat: "ppk" });
    expect(input.TagSpecifications).toEqual([
      {
        ResourceType: "key-pair",
        Tags: [
          { Key: "team", Value: "a" },
          managedTag,
          { Key: "ec2-keypairs-api:request-token", Value: expect.stringMatching(/^[0-9a-f-]{36}$/) },
          { Key: "ec2-keypairs-api:created-by", Value: "unauthenticated" },
        ],
      },
    ]);
    expect(await ec2.call(0).thisValue.config.region()).toBe("us-east-1");
  });

  test("defaults to rsa/pem in the configured default region", async () => {
    ec2.on(CreateKeyPairCommand).resolves({
      KeyPairId: "key-0123456789abcdef0",
      KeyName: "k1",
      KeyFingerprint: "fp",
      KeyMaterial: "-----BEGIN RSA PRIVATE KEY-----",
    });
    const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body: { name: "k1" } });
    expect(answer.body).toMatchObject({ keyType: "rsa", keyFormat: "pem", region: "eu-west-1" });
    expect(ec2.commandCalls(CreateKeyPairCommand)[0]!.args[0].input).toMatchObject({ KeyType: "rsa", KeyFormat: "pem" });
  });

  test("region may come from the query string", async () => {
    ec2.on(CreateKeyPairCommand).resolves({ KeyPairId: "key-0123456789abcdef0", KeyName: "k1", KeyFingerprint: "fp", KeyMaterial: "x" });
    const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", query: { region: "us-east-1" }, body: { name: "k1" } });
    expect(answer.body.region).toBe("us-east-1");
  });

  test.each([
    ["a region outside the allowlist", { name: "k1", region: "ap-east-1" }, "body.region"],
    ["an unknown region", { name: "k1", region: "xx-nowhere-1" }, "body.region"],
    ["the reserved managed tag", { name: "k1", tags: { "managed-by": "me" } }, "body.tags"],
  ])("rejects %s with 400 before calling EC2", async (_label, body, field) => {
    const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(ec2.calls()).toHaveLength(0);
  });

  test("says briefly what is wrong with an unknown region", async () => {
    const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body: { name: "k1", region: "mars-1" } });
    expect(answer.body.detail).toBe("body.region: must be an AWS region code, such as eu-west-1");
  });

  test.each([
    ["malformed JSON", { body: "{not json", headers: {} }, 400, "malformed-json"],
    ["no body at all", { headers: { "content-type": "application/json" } }, 400, "validation"],
    ["no JSON content type", { body: '{"name":"k1"}', headers: { "content-type": "text/plain" } }, 415, "unsupported-media-type"],
    ["an oversized body", { body: JSON.stringify({ name: "k1", pad: "x".repeat(300_000) }), headers: {} }, 413, "payload-too-large"],
  ])("answers %s with a problem", async (_label, request, status, kind) => {
    const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", ...request });
    expect(answer.status).toBe(status);
    expect(answer.headers["content-type"]).toBe("application/problem+json");
    expect(answer.body.type).toMatch(new RegExp(`/problems/${kind}$`));
    expect(ec2.calls()).toHaveLength(0);
  });

  test("every answer carries nosniff and no-referrer security headers", async () => {
    const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body: "{" });
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["referrer-policy"]).toBe("no-referrer");
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("POST /keypairs/import", () => {
  test("sends the normalized OpenSSH key and answers 201 without key material", async () => {
    ec2.on(ImportKeyPairCommand).resolves({ KeyPairId: "key-0123456789abcdef0", KeyName: "mine", KeyFingerprint: "fp" });
    const publicKey = ed25519PublicKey();
    const answer = await invoke(importHandler, {
      method: "POST",
      path: "/keypairs/import",
      body: { name: "mine", publicKey: `${publicKey} me@host` },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ keyType: "ed25519", managed: true });
    expect(answer.body.keyMaterial).toBeUndefined();
    const input = ec2.commandCalls(ImportKeyPairCommand)[0]!.args[0].input;
    expect(Buffer.from(input.PublicKeyMaterial!).toString()).toBe(publicKey);
  });

  test("a malformed key is a 400 that says what is wrong, before EC2 is called", async () => {
    const answer = await invoke(importHandler, {
      method: "POST",
      path: "/keypairs/import",
      body: { name: "mine", publicKey: "ssh-rsa !!!" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toContain("not valid base64");
    expect(ec2.calls()).toHaveLength(0);
  });
});

describe("GET /keypairs", () => {
  test("matches tag filters literally itself, sorts by name and pages with a cursor", async () => {
    const teamTag = (value: string) => [managedTag, { Key: "team", Value: value }];
    ec2.on(DescribeKeyPairsCommand).resolves({
      KeyPairs: [
        keyInfo("c", teamTag("a=b")),
        keyInfo("a", teamTag("a=b")),
        keyInfo("b", teamTag("a=b")),
        keyInfo("d", teamTag("a=*")),
        keyInfo("e"),
      ],
    });
    const first = await invoke(listHandler, { method: "GET", path: "/keypairs", query: { tagKey: "team", tag: "team=a=b", limit: "2" } });
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { name: string }) => item.name)).toEqual(["a", "b"]);
    // No EC2 filter: in one, * and ? would be wildcards.
    expect(ec2.commandCalls(DescribeKeyPairsCommand)[0]!.args[0].input.Filters).toBeUndefined();
    const wildcard = await invoke(listHandler, { method: "GET", path: "/keypairs", query: { tag: "team=a=*" } });
    expect(wildcard.body.items.map((item: { name: string }) => item.name)).toEqual(["d"]);
    const second = await invoke(listHandler, {
      method: "GET",
      path: "/keypairs",
      query: { tag: "team=a=b", limit: "2", cursor: first.body.nextCursor },
    });
    expect(second.body.items.map((item: { name: string }) => item.name)).toEqual(["c"]);
    expect(second.body.nextCursor).toBeUndefined();
  });

  test("ends a page before it outgrows MAX_PAGE_BYTES, and the next page goes on from there", async () => {
    // 49 maximal tags make a key ~19 KB of JSON: 300 keys would be a ~5.7 MB body.
    const bigTags = Array.from({ length: 49 }, (_, index) => ({ Key: String(index).padEnd(128, "k"), Value: "v".repeat(256) }));
    const names = Array.from({ length: 300 }, (_, index) => `key-${String(index).padStart(3, "0")}`);
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: names.map((name) => keyInfo(name, bigTags)) });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page += 1) {
      const answer = await invoke(listHandler, { method: "GET", path: "/keypairs", query: cursor ? { cursor } : {} });
      expect(answer.status).toBe(200);
      expect(Buffer.byteLength(JSON.stringify(answer.body))).toBeLessThanOrEqual(MAX_PAGE_BYTES + 100);
      seen.push(...answer.body.items.map((item: { name: string }) => item.name));
      cursor = answer.body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(names);
    expect(ec2.commandCalls(DescribeKeyPairsCommand)).toHaveLength(2);
  });

  test("filters key type itself and never returns key material", async () => {
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [keyInfo("r"), { ...keyInfo("e"), KeyType: "ed25519" }] });
    const answer = await invoke(listHandler, { method: "GET", path: "/keypairs", query: { keyType: "ed25519" } });
    expect(answer.body.items.map((item: { name: string }) => item.name)).toEqual(["e"]);
    expect(JSON.stringify(answer.body)).not.toContain("keyMaterial");
  });

  test("asks EC2 for a fingerprint through its filter, and still hands on only exact matches", async () => {
    const leaked = "Xk3r8yS0Wq2mYqk0sSL8cB5S0TtX4p9JZ3c3vJcQ0M4=";
    // An EC2 that ignored the filter (or read it as a pattern) answers more than the one key.
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [{ ...keyInfo("hit"), KeyFingerprint: leaked }, keyInfo("other")] });
    const answer = await invoke(listHandler, { method: "GET", path: "/keypairs", query: { fingerprint: leaked } });
    expect(answer.body.items.map((item: { name: string }) => item.name)).toEqual(["hit"]);
    expect(ec2.commandCalls(DescribeKeyPairsCommand).map((call) => call.args[0].input)).toEqual([
      { Filters: [{ Name: "fingerprint", Values: [leaked] }], IncludePublicKey: false },
    ]);
  });

  test.each([
    [{ limit: "0" }, "query.limit"],
    [{ limit: "1001" }, "query.limit"],
    [{ cursor: " bad" }, "query.cursor"],
    [{ includePublicKey: "yes" }, "query.includePublicKey"],
    [{ colour: "blue" }, "query"],
  ])("rejects %j", async (query, field) => {
    const answer = await invoke(listHandler, { method: "GET", path: "/keypairs", query });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].field).toBe(field);
  });
});

describe("GET /keypairs/{name} and /keypairs/by-id/{keyPairId}", () => {
  test("looks names up literally (KeyNames), ids through the id filter, and answers 404 for none", async () => {
    ec2
      .on(DescribeKeyPairsCommand, { KeyNames: ["nope"] })
      .rejects(
        Object.assign(new Error("not found"), { name: "InvalidKeyPair.NotFound", $fault: "client", $metadata: { httpStatusCode: 400 } }),
      );
    ec2.on(DescribeKeyPairsCommand, { Filters: [{ Name: "key-pair-id", Values: ["key-0123456789abcdef0"] }] }).resolves({ KeyPairs: [] });
    const byName = await invoke(getHandler, { method: "GET", path: "/keypairs/nope", pathParameters: { name: "nope" } });
    expect(byName.status).toBe(404);
    const byId = await invoke(getByIdHandler, {
      method: "GET",
      path: "/keypairs/by-id/key-0123456789abcdef0",
      pathParameters: { keyPairId: "key-0123456789abcdef0" },
    });
    expect(byId.status).toBe(404);
    expect(ec2.commandCalls(DescribeKeyPairsCommand).map((call) => call.args[0].input)).toEqual([
      { KeyNames: ["nope"], IncludePublicKey: false },
      { Filters: [{ Name: "key-pair-id", Values: ["key-0123456789abcdef0"] }], IncludePublicKey: false },
    ]);
  });

  test("never hands on a key other than the one named, whatever EC2 answers", async () => {
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [keyInfo("team-alpha"), keyInfo("team-beta")] });
    const byName = await invoke(getHandler, { method: "GET", path: "/keypairs/team-*", pathParameters: { name: "team-*" } });
    expect(byName.status).toBe(404);
    const deleted = await invoke(deleteHandler, { method: "DELETE", path: "/keypairs/team-*", pathParameters: { name: "team-*" } });
    expect(deleted.status).toBe(404);
    expect(ec2.commandCalls(DeleteKeyPairCommand)).toHaveLength(0);
  });

  test("a key EC2 lists without id, name or fingerprint is a 502, not a half-filled answer", async () => {
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [{ KeyName: "k" }] });
    const answer = await invoke(getHandler, { method: "GET", path: "/keypairs/k", pathParameters: { name: "k" } });
    expect(answer.status).toBe(502);
    expect(answer.body.type).toMatch(/upstream-error$/);
  });

  test("returns the public key only when asked", async () => {
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [{ ...keyInfo("k"), PublicKey: "ssh-ed25519 AAAA\n" }] });
    const answer = await invoke(getHandler, {
      method: "GET",
      path: "/keypairs/k",
      pathParameters: { name: "k" },
      query: { includePublicKey: "true" },
    });
    expect(answer.body.publicKey).toBe("ssh-ed25519 AAAA");
    expect(answer.body.createdAt).toBe("2026-11-22T10:00:00.000Z");
    expect(ec2.commandCalls(DescribeKeyPairsCommand)[0]!.args[0].input.IncludePublicKey).toBe(true);
  });
});

describe("DELETE /keypairs/{name}", () => {
  test("deletes a managed key by name: 204", async () => {
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [keyInfo("k")] });
    ec2.on(DeleteKeyPairCommand).resolves({ Return: true });
    const answer = await invoke(deleteHandler, { method: "DELETE", path: "/keypairs/k", pathParameters: { name: "k" } });
    expect(answer.status).toBe(204);
    expect(answer.body).toBeUndefined();
    // By the id it looked up: never a key that took the same name meanwhile.
    expect(ec2.commandCalls(DeleteKeyPairCommand)[0]!.args[0].input).toEqual({ KeyPairId: keyInfo("k").KeyPairId, DryRun: false });
    expect(ssm.commandCalls(DeleteParameterCommand)).toHaveLength(0); // never escrowed
  });

  test("deletes by id: the id looked up, after checking the key is managed", async () => {
    const info = keyInfo("k");
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [info] });
    ec2.on(DeleteKeyPairCommand).resolves({ Return: true });
    const answer = await invoke(deleteByIdHandler, {
      method: "DELETE",
      path: `/keypairs/by-id/${info.KeyPairId}`,
      pathParameters: { keyPairId: info.KeyPairId },
    });
    expect(answer.status).toBe(204);
    expect(ec2.commandCalls(DeleteKeyPairCommand)[0]!.args[0].input.KeyPairId).toBe(info.KeyPairId);
  });

  test("a missing key is 404 and nothing is deleted", async () => {
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [] });
    const answer = await invoke(deleteHandler, { method: "DELETE", path: "/keypairs/k", pathParameters: { name: "k" } });
    expect(answer.status).toBe(404);
    expect(ec2.commandCalls(DeleteKeyPairCommand)).toHaveLength(0);
  });

  test("a key without the managed tag is refused with 403 and nothing is deleted", async () => {
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [keyInfo("console-key", [])] });
    const answer = await invoke(deleteHandler, {
      method: "DELETE",
      path: "/keypairs/console-key",
      pathParameters: { name: "console-key" },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.type).toMatch(/unmanaged-key$/);
    expect(ec2.commandCalls(DeleteKeyPairCommand)).toHaveLength(0);
  });

  test("dryRun=true answers 200 would-succeed", async () => {
    ec2.on(DescribeKeyPairsCommand).resolves({ KeyPairs: [keyInfo("k")] });
    ec2.on(DeleteKeyPairCommand).rejects(Object.assign(new Error("dry"), { name: "DryRunOperation" }));
    const answer = await invoke(deleteHandler, {
      method: "DELETE",
      path: "/keypairs/k",
      pathParameters: { name: "k" },
      query: { dryRun: "true" },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.operation).toBe("DeleteKeyPair");
    expect(ssm.calls()).toHaveLength(0);
  });
});

describe("other methods on known resources", () => {
  test("answer 405 with an Allow header and a problem body", async () => {
    const answer = await invoke(methodNotAllowedHandler, {
      method: "PUT",
      path: "/keypairs/k",
      routeKey: "ANY /keypairs/{name}",
      pathParameters: { name: "k" },
    });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("GET, DELETE");
    expect(answer.body.detail).toContain("PUT is not supported");
    expect(ec2.calls()).toHaveLength(0);
  });

  test.each(["GET", "DELETE"])("%s /keypairs/import, routed by its own method, is a 405 allowing POST", async (method) => {
    const answer = await invoke(methodNotAllowedHandler, { method, path: "/keypairs/import", routeKey: `${method} /keypairs/import` });
    expect([answer.status, answer.headers.allow, answer.body.detail]).toEqual([405, "POST", `${method} is not supported here; use POST.`]);
    expect(ec2.calls()).toHaveLength(0);
  });
});
