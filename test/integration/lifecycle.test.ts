import { apiClient, type CreatedKeyPair, created, problemOf } from "../support/contract.js";
import { publicKeyOf, withoutComment } from "../support/keys.js";

const api = apiClient();
const unique = (prefix: string) => `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

describe.each(["rsa", "ed25519"] as const)("%s key pair lifecycle over HTTP", (keyType) => {
  const name = unique(`life-${keyType}`);

  test("create, get, list, delete, then 404", async () => {
    const answer = await api.POST("/keypairs", { body: { name, keyType, tags: { team: "platform" }, region: "us-east-1" } });
    expect(answer.response.status).toBe(201);
    expect(answer.response.headers.get("cache-control")).toBe("no-store");
    const key = created<CreatedKeyPair>(answer.data);
    expect(key).toMatchObject({
      name,
      keyType,
      keyFormat: "pem",
      region: "us-east-1",
      managed: true,
      tags: { team: "platform", "managed-by": "ec2-keypairs-api" },
    });
    expect(key.keyPairId).toMatch(/^key-/);
    expect(key.keyMaterial).toContain(keyType === "rsa" ? "BEGIN RSA PRIVATE KEY" : "BEGIN OPENSSH PRIVATE KEY");

    const fetched = await api.GET("/keypairs/{name}", {
      params: { path: { name }, query: { region: "us-east-1", includePublicKey: true } },
    });
    expect(fetched.response.status).toBe(200);
    expect(fetched.data).toMatchObject({ keyPairId: key.keyPairId, name, keyType, fingerprint: key.fingerprint });
    expect(fetched.data!.createdAt).toBeDefined();
    // The private key we were given is the one EC2 holds: ssh-keygen derives the same public key.
    expect(withoutComment(fetched.data!.publicKey!)).toBe(publicKeyOf(key.keyMaterial));

    const byId = await api.GET("/keypairs/by-id/{keyPairId}", {
      params: { path: { keyPairId: key.keyPairId }, query: { region: "us-east-1" } },
    });
    expect(byId.data?.name).toBe(name);

    const listed = await api.GET("/keypairs", { params: { query: { region: "us-east-1", name } } });
    expect(listed.data!.items.map((item) => item.keyPairId)).toEqual([key.keyPairId]);

    const otherRegion = await api.GET("/keypairs/{name}", { params: { path: { name }, query: { region: "eu-west-1" } } });
    expect(otherRegion.response.status).toBe(404);

    const deleted = await api.DELETE("/keypairs/{name}", { params: { path: { name }, query: { region: "us-east-1" } } });
    expect(deleted.response.status).toBe(204);
    const gone = await api.GET("/keypairs/{name}", { params: { path: { name }, query: { region: "us-east-1" } } });
    expect(gone.response.status).toBe(404);
    const again = await api.DELETE("/keypairs/{name}", { params: { path: { name }, query: { region: "us-east-1" } } });
    expect(again.response.status).toBe(404);
  });
});

describe("create errors over HTTP", () => {
  test("a duplicate name is 409 and leaves the first key alone", async () => {
    const name = unique("dup");
    expect((await api.POST("/keypairs", { body: { name } })).response.status).toBe(201);
    const duplicate = await api.POST("/keypairs", { body: { name, keyType: "ed25519" } });
    expect(duplicate.response.status).toBe(409);
    expect(duplicate.error).toMatchObject({ status: 409, ec2Code: "InvalidKeyPair.Duplicate" });
    const kept = await api.GET("/keypairs/{name}", { params: { path: { name } } });
    expect(kept.data?.keyType).toBe("rsa");
  });

  test.each([
    ["an empty name", { name: "" }, "body.name"],
    ["a 256-character name", { name: "x".repeat(256) }, "body.name"],
    ["a name with a trailing space", { name: "key " }, "body.name"],
    ["a non-ASCII name", { name: "clé" }, "body.name"],
    ["a name ending in a newline", { name: "key\n" }, "body.name"],
    ["the name .. (not addressable in a URL path)", { name: ".." }, "body.name"],
    ["an unknown key type", { name: "k", keyType: "dsa" }, "body.keyType"],
    ["an unknown field", { name: "k", colour: "red" }, "body"],
    ["a tag with the aws: prefix", { name: "k", tags: { "aws:x": "1" } }, "body.tags.aws:x"],
    ["51 tags", { name: "k", tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"])) }, "body.tags"],
    ["a region outside the allowlist", { name: "k", region: "cn-north-1" }, "body.region"],
  ])("%s is a 400 problem naming the field", async (_label, body, field) => {
    const answer = await api.POST("/keypairs", { body: body as never });
    expect(answer.response.status).toBe(400);
    expect(problemOf(answer.error).errors!.map((error) => error.field)).toContain(field);
  });

  // Not replayed through Prism (scripts/prism-replay.ts): Prism 5.16 never answers a request whose JSON body it cannot parse.
  (process.env.CONTRACT_PROXY === "prism" ? test.skip : test)("malformed JSON is 400 and a non-JSON content type 415", async () => {
    const malformed = await api.POST("/keypairs", { body: "{nope" as never, bodySerializer: (body) => body as unknown as string });
    expect(malformed.response.status).toBe(400);
    const wrongType = await api.POST("/keypairs", {
      body: "name=k" as never,
      bodySerializer: (body) => body as unknown as string,
      headers: { "content-type": "text/plain" },
    });
    expect(wrongType.response.status).toBe(415);
  });

  test("a dry run creates nothing", async () => {
    const name = unique("dry");
    const answer = await api.POST("/keypairs", { body: { name, dryRun: true } });
    expect(answer.response.status).toBe(200);
    expect(answer.data).toMatchObject({ dryRun: true, wouldSucceed: true, operation: "CreateKeyPair" });
    expect((await api.GET("/keypairs/{name}", { params: { path: { name } } })).response.status).toBe(404);
  });
});
