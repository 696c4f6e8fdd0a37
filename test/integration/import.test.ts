import { apiClient, created, type KeyPair, problemOf } from "../support/contract.js";
import { ed25519PublicKey, rsaPublicKey, toRfc4716 } from "../support/keys.js";

const api = apiClient();
const unique = (prefix: string) => `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

describe("POST /keypairs/import over HTTP", () => {
  test.each([
    ["OpenSSH ED25519", ed25519PublicKey, "ed25519", (key: string) => `${key} alice@laptop`],
    ["OpenSSH RSA 3072", () => rsaPublicKey(3072), "rsa", (key: string) => key],
    ["RFC 4716 RSA 2048", () => rsaPublicKey(2048), "rsa", (key: string) => toRfc4716(key)],
  ])("%s round trip: the stored public key is the one sent", async (_label, make, keyType, present) => {
    const name = unique("imp");
    const publicKey = make();
    const imported = await api.POST("/keypairs/import", { body: { name, publicKey: present(publicKey), tags: { owner: "alice" } } });
    expect(imported.response.status).toBe(201);
    expect(imported.data).toMatchObject({ name, keyType, managed: true, tags: { owner: "alice" } });
    expect(imported.data).not.toHaveProperty("keyMaterial");

    const fetched = await api.GET("/keypairs/{name}", { params: { path: { name }, query: { includePublicKey: true } } });
    expect(fetched.data!.publicKey!.split(" ").slice(0, 2).join(" ")).toBe(publicKey);
    expect(fetched.data!.fingerprint).toBe(created<KeyPair>(imported.data).fingerprint);

    expect((await api.DELETE("/keypairs/{name}", { params: { path: { name } } })).response.status).toBe(204);
  });

  test("a malformed key is a 400 saying what is wrong", async () => {
    const answer = await api.POST("/keypairs/import", { body: { name: unique("bad"), publicKey: rsaPublicKey(768) } });
    expect(answer.response.status).toBe(400);
    expect(problemOf(answer.error).detail).toContain("768-bit RSA key");
  });

  test("importing over an existing name is 409", async () => {
    const name = unique("impdup");
    expect((await api.POST("/keypairs/import", { body: { name, publicKey: ed25519PublicKey() } })).response.status).toBe(201);
    expect((await api.POST("/keypairs/import", { body: { name, publicKey: ed25519PublicKey() } })).response.status).toBe(409);
  });
});
