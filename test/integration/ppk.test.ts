/**
 * keyFormat ppk on the local stack (scripts/moto_server.py writes what EC2 answers: a PuTTY private
 * key file, version 3, unencrypted): puttygen (Debian's putty-tools; scripts/ensure-deps.sh --test
 * installs it) reads it, checks its MAC, and derives the public key EC2 stores for the key.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { apiClient, created } from "../support/contract.js";

const api = apiClient();
const region = "ap-northeast-1"; // no other test file uses it
const unique = (prefix: string) => `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
const dir = mkdtempSync(join(tmpdir(), "ppk-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const puttygen = (...args: string[]) => execFileSync("puttygen", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
const twoFields = (openssh: string) => openssh.trim().split(" ").slice(0, 2).join(" ");

beforeAll(() => {
  try {
    puttygen("--version");
  } catch {
    throw new Error(
      "puttygen is missing: run `bash scripts/ensure-deps.sh --test` (installs Debian's putty-tools) or apt-get install putty-tools",
    );
  }
});

describe.each(["rsa", "ed25519"] as const)("POST /keypairs keyFormat ppk, %s", (keyType) => {
  const name = unique(`ppk-${keyType}`);

  test("a PuTTY v3 unencrypted key file whose public key, derived by puttygen, is the one EC2 stores", async () => {
    const { data, response } = await api.POST("/keypairs", { body: { name, keyType, keyFormat: "ppk", region } });
    expect(response.status).toBe(201);
    const key = created(data);
    const algorithm = keyType === "rsa" ? "ssh-rsa" : "ssh-ed25519";
    expect(key.keyMaterial).toMatch(
      new RegExp(
        `^PuTTY-User-Key-File-3: ${algorithm}\\nEncryption: none\\nComment: ${name}\\nPublic-Lines: \\d+\\n[\\s\\S]+\\nPrivate-MAC: [0-9a-f]{64}\\n$`,
      ),
    );
    const file = join(dir, `${name}.ppk`);
    writeFileSync(file, key.keyMaterial!, { mode: 0o600 });

    const stored = await api.GET("/keypairs/{name}", { params: { path: { name }, query: { region, includePublicKey: true } } });
    expect(stored.response.status).toBe(200);
    const derived = puttygen(file, "-O", "public-openssh");
    expect(twoFields(derived)).toBe(twoFields(stored.data!.publicKey!));
    expect(stored.data!.fingerprint).toBe(key.fingerprint);

    // The private half too: puttygen's OpenSSH export of it gives ssh-keygen the same public key.
    const openssh = join(dir, `${name}.pem`);
    puttygen(file, "-O", "private-openssh-new", "-o", openssh);
    expect(twoFields(execFileSync("ssh-keygen", ["-y", "-f", openssh], { encoding: "utf8" }))).toBe(twoFields(stored.data!.publicKey!));

    // A file whose MAC does not match is refused when puttygen loads the private key.
    const tampered = join(dir, `${name}-tampered.ppk`);
    writeFileSync(tampered, readFileSync(file, "utf8").replace(`Comment: ${name}`, "Comment: someone-else"));
    expect(() => puttygen(tampered, "-O", "private-openssh-new", "-o", `${openssh}.2`)).toThrow(/MAC/i);

    expect((await api.DELETE("/keypairs/{name}", { params: { path: { name }, query: { region } } })).response.status).toBe(204);
  });
});
