/**
 * The local EC2 answers fingerprints as EC2 documents them: a created RSA key, the SHA-1 of its DER
 * PKCS#8 private key; an imported RSA key, the MD5 of its DER SubjectPublicKeyInfo (colon hex); an
 * ED25519 key, the base64 SHA-256 of its SSH public key blob, which is what `ssh-keygen -lf` prints.
 */
import { execFileSync } from "node:child_process";
import { createHash, createPrivateKey, createPublicKey } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { apiClient, created, type KeyPair } from "../support/contract.js";
import { publicKeyOf, rsaPublicKey } from "../support/keys.js";

const api = apiClient();
const unique = (prefix: string) => `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
const colonHex = (digest: Buffer) => digest.toString("hex").replace(/(..)(?!$)/g, "$1:");

/** What ssh-keygen -lf prints for an OpenSSH public key: "SHA256:<base64, unpadded>". */
function sshKeygenFingerprint(publicKey: string): string {
  const dir = mkdtempSync(join(tmpdir(), "fingerprint-"));
  try {
    writeFileSync(join(dir, "key.pub"), `${publicKey}\n`);
    return execFileSync("ssh-keygen", ["-lf", join(dir, "key.pub")], { encoding: "utf8" }).split(" ")[1]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The DER SubjectPublicKeyInfo of an OpenSSH "ssh-rsa <blob>" key (the blob: string type, mpint e, mpint n). */
function rsaSpki(openssh: string): Buffer {
  const blob = Buffer.from(openssh.split(" ")[1]!, "base64");
  const fields: Buffer[] = [];
  for (let at = 0; at < blob.length; ) {
    const length = blob.readUInt32BE(at);
    fields.push(blob.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  const [, e, n] = fields.map((field) => (field[0] === 0 ? field.subarray(1) : field).toString("base64url"));
  return createPublicKey({ key: { kty: "RSA", e: e!, n: n! }, format: "jwk" }).export({ type: "spki", format: "der" });
}

test("created RSA: SHA-1 of the DER PKCS#8 private key", async () => {
  const name = unique("fp-rsa");
  const key = created((await api.POST("/keypairs", { body: { name, keyType: "rsa" } })).data);
  const der = createPrivateKey(key.keyMaterial).export({ type: "pkcs8", format: "der" });
  expect(key.fingerprint).toBe(colonHex(createHash("sha1").update(der).digest()));
  await api.DELETE("/keypairs/{name}", { params: { path: { name } } });
});

test("created ED25519: base64 SHA-256 of the public key blob, as ssh-keygen -lf prints it", async () => {
  const name = unique("fp-ed");
  const key = created((await api.POST("/keypairs", { body: { name, keyType: "ed25519" } })).data);
  const blob = Buffer.from(publicKeyOf(key.keyMaterial).split(" ")[1]!, "base64");
  expect(key.fingerprint).toBe(createHash("sha256").update(blob).digest("base64"));
  expect(`SHA256:${key.fingerprint.replace(/=+$/, "")}`).toBe(sshKeygenFingerprint(publicKeyOf(key.keyMaterial)));
  await api.DELETE("/keypairs/{name}", { params: { path: { name } } });
});

test("imported RSA: MD5 of the DER SubjectPublicKeyInfo", async () => {
  const name = unique("fp-imp");
  const publicKey = rsaPublicKey(2048);
  const key = created<KeyPair>((await api.POST("/keypairs/import", { body: { name, publicKey } })).data);
  expect(key.fingerprint).toBe(colonHex(createHash("md5").update(rsaSpki(publicKey)).digest()));
  await api.DELETE("/keypairs/{name}", { params: { path: { name } } });
});
