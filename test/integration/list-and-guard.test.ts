import { CreateKeyPairCommand, EC2Client } from "@aws-sdk/client-ec2";
import { apiClient, created, problemOf } from "../support/contract.js";

const api = apiClient();
const region = "eu-central-1"; // a region no other test file uses, so the listing is exactly ours
const run = `${process.pid}-${Math.random().toString(36).slice(2, 6)}`;

describe("GET /keypairs over HTTP", () => {
  const names = ["a", "b", "c", "d", "e"].map((letter) => `list-${run}-${letter}`);

  beforeAll(async () => {
    for (const [index, name] of names.entries()) {
      const answer = await api.POST("/keypairs", {
        body: {
          name,
          region,
          keyType: index % 2 ? "ed25519" : "rsa",
          tags: { parity: index % 2 ? "odd" : "even", ...(index === 0 ? { special: "yes" } : {}) },
        },
      });
      expect(answer.response.status).toBe(201);
    }
  });

  test("pages through every key in name order", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const answer = await api.GET("/keypairs", { params: { query: { region, limit: 2, ...(cursor ? { cursor } : {}) } } });
      expect(answer.data!.items.length).toBeLessThanOrEqual(2);
      seen.push(...answer.data!.items.map((item) => item.name));
      cursor = answer.data!.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(names);
  });

  test.each([
    [{ tag: "parity=odd" }, [1, 3]],
    [{ tagKey: "special" }, [0]],
    [{ keyType: "ed25519" }, [1, 3]],
  ] as const)("filters by %j", async (filter, expected) => {
    const answer = await api.GET("/keypairs", { params: { query: { region, ...filter } } });
    expect(answer.data!.items.map((item) => item.name)).toEqual(expected.map((index) => names[index]));
  });

  test("filters by id and fingerprint, with public keys on request", async () => {
    const all = await api.GET("/keypairs", { params: { query: { region, includePublicKey: true } } });
    const target = all.data!.items[2]!;
    expect(target.publicKey).toMatch(/^ssh-(rsa|ed25519) /);
    const byId = await api.GET("/keypairs", { params: { query: { region, keyPairId: target.keyPairId } } });
    expect(byId.data!.items.map((item) => item.name)).toEqual([target.name]);
    const byFingerprint = await api.GET("/keypairs", { params: { query: { region, fingerprint: target.fingerprint } } });
    expect(byFingerprint.data!.items.map((item) => item.name)).toEqual([target.name]);
    expect(byFingerprint.data!.items[0]!.publicKey).toBeUndefined();
  });

  test("a bad cursor or limit is a 400", async () => {
    expect((await api.GET("/keypairs", { params: { query: { region, cursor: " x" } } })).response.status).toBe(400);
    expect((await api.GET("/keypairs", { params: { query: { region, limit: 0 } } })).response.status).toBe(400);
  });
});

describe("managed-key guard over HTTP", () => {
  test("a key made outside the service cannot be deleted through it", async () => {
    const name = `console-${run}`;
    const ec2 = new EC2Client({
      region: "us-east-1",
      endpoint: process.env.MOTO_URL,
      credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
    });
    await ec2.send(new CreateKeyPairCommand({ KeyName: name }));
    ec2.destroy();
    const refused = await api.DELETE("/keypairs/{name}", { params: { path: { name } } });
    expect(refused.response.status).toBe(403);
    expect(problemOf(refused.error).type).toMatch(/unmanaged-key$/);
    expect((await api.GET("/keypairs/{name}", { params: { path: { name } } })).data?.managed).toBe(false);
  });

  test("delete by id, and a dry-run delete that keeps the key", async () => {
    const answer = await api.POST("/keypairs", { body: { name: `byid-${run}`, keyType: "ed25519" } });
    const keyPairId = created(answer.data).keyPairId;
    const dry = await api.DELETE("/keypairs/by-id/{keyPairId}", { params: { path: { keyPairId }, query: { dryRun: true } } });
    expect(dry.response.status).toBe(200);
    expect((await api.GET("/keypairs/by-id/{keyPairId}", { params: { path: { keyPairId } } })).response.status).toBe(200);
    expect((await api.DELETE("/keypairs/by-id/{keyPairId}", { params: { path: { keyPairId } } })).response.status).toBe(204);
    expect((await api.GET("/keypairs/by-id/{keyPairId}", { params: { path: { keyPairId } } })).response.status).toBe(404);
  });
});
