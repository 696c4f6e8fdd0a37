/** Public keys in OpenSSH and RFC 4716 formats, made with node:crypto for the tests. */
import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const sshString = (data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, data]);
};

/** SSH mpint: big-endian, with a leading zero byte when the top bit is set. */
const mpint = (data: Buffer) => sshString(data[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), data]) : data);

export const sshBlob = (...parts: Buffer[]) => Buffer.concat(parts).toString("base64");

export function ed25519PublicKey(): string {
  const { publicKey } = generateKeyPairSync("ed25519");
  const x = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
  return `ssh-ed25519 ${sshBlob(sshString(Buffer.from("ssh-ed25519")), sshString(x))}`;
}

export function rsaPublicKey(bits: number): string {
  const { publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  const jwk = publicKey.export({ format: "jwk" });
  const blob = sshBlob(sshString(Buffer.from("ssh-rsa")), mpint(Buffer.from(jwk.e!, "base64url")), mpint(Buffer.from(jwk.n!, "base64url")));
  return `ssh-rsa ${blob}`;
}

export function toRfc4716(openssh: string, comment = "test key"): string {
  const base64 = openssh.split(" ")[1]!;
  const lines = base64.match(/.{1,70}/g)!;
  return ["---- BEGIN SSH2 PUBLIC KEY ----", `Comment: "${comment}"`, ...lines, "---- END SSH2 PUBLIC KEY ----", ""].join("\n");
}

/** The "type base64" of the public key ssh-keygen derives from a private key: proof the private key is the one EC2 holds. */
export function publicKeyOf(privateKey: string): string {
  const dir = mkdtempSync(join(tmpdir(), "keypair-"));
  try {
    writeFileSync(join(dir, "id"), privateKey, { mode: 0o600 });
    return execFileSync("ssh-keygen", ["-y", "-f", join(dir, "id")])
      .toString()
      .trim()
      .split(" ")
      .slice(0, 2)
      .join(" ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The "type base64" part of an OpenSSH public key line (without its comment). */
export const withoutComment = (publicKey: string): string => publicKey.split(" ").slice(0, 2).join(" ");
