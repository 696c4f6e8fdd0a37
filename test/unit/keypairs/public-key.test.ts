import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ServiceError } from "../../../src/lib/keypairs/errors.js";
import { parsePublicKey } from "../../../src/lib/keypairs/public-key.js";
import { ed25519PublicKey, rsaPublicKey, sshBlob, toRfc4716 } from "../../support/keys.js";

const lengthPrefixed = (text: string) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(text.length);
  return Buffer.concat([length, Buffer.from(text)]);
};

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
/** The same key with a bit set that "==" padding says is unused: Node decodes it to the same bytes. */
const withStrayBits = (key: string) => {
  const [type, base64] = key.split(" ") as [string, string];
  const last = base64.length - 3;
  return `${type} ${base64.slice(0, last)}${BASE64[BASE64.indexOf(base64[last]!) + 1]}${base64.slice(last + 1)}`;
};

function rejection(input: string): string {
  try {
    parsePublicKey(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).kind).toBe("validation");
    return (error as ServiceError).message;
  }
  throw new Error("expected a rejection");
}

describe("parsePublicKey", () => {
  test.each([1024, 2048, 3072, 4096])("accepts %i-bit RSA", (bits) => {
    const key = rsaPublicKey(bits);
    expect(parsePublicKey(`${key} user@host`)).toEqual({ keyType: "rsa", bits, openssh: key });
  });

  test("accepts ED25519, and RFC 4716 blocks normalized to OpenSSH", () => {
    const key = ed25519PublicKey();
    expect(parsePublicKey(key)).toEqual({ keyType: "ed25519", bits: 256, openssh: key });
    expect(parsePublicKey(toRfc4716(key)).openssh).toBe(key);
  });

  test.each([
    ["RSA under 1024 bits", () => rsaPublicKey(768), "768-bit RSA key"],
    ["RSA over 4096 bits", () => rsaPublicKey(4160), "4160-bit RSA key"],
    [
      "ECDSA",
      () => `ecdsa-sha2-nistp256 ${sshBlob(lengthPrefixed("ecdsa-sha2-nistp256"), lengthPrefixed("nistp256"))}`,
      "unsupported type",
    ],
    ["DSA", () => `ssh-dss ${sshBlob(lengthPrefixed("ssh-dss"))}`, "unsupported type"],
    ["a type that contradicts the data", () => `ssh-rsa ${ed25519PublicKey().split(" ")[1]}`, "declares type ssh-rsa"],
    ["bad base64", () => "ssh-ed25519 !!!!", "not valid base64"],
    ["extra base64 padding", () => `${ed25519PublicKey()}==`, "not canonical base64"],
    ["one extra =, before a comment", () => `${ed25519PublicKey()}= me@laptop`, "not canonical base64"],
    ["extra padding in an RFC 4716 block", () => toRfc4716(`${ed25519PublicKey()}=`), "not canonical base64"],
    // A 1024-bit RSA blob is 151 bytes: its base64 ends in "==".
    ["missing padding", () => rsaPublicKey(1024).replace(/=+$/, ""), "not canonical base64"],
    ["stray bits in the last character", () => withStrayBits(rsaPublicKey(1024)), "not canonical base64"],
    ["truncated data", () => `ssh-ed25519 ${ed25519PublicKey().split(" ")[1]!.slice(0, 40)}`, "truncated"],
    ["a lone word", () => "hello", "must be an OpenSSH public key"],
    ["a private key", () => "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn==\n-----END OPENSSH PRIVATE KEY-----", "private key"],
    ["an unterminated RFC 4716 block", () => "---- BEGIN SSH2 PUBLIC KEY ----\nAAAA", "END SSH2 PUBLIC KEY"],
  ])("rejects %s with a message that says so", (_label, make, message) => {
    expect(rejection(make())).toContain(message);
  });

  test("never echoes what it cannot name: a private key's base64 pasted ahead of a public key stays out of the error", () => {
    const privateBody = Buffer.from("openssh-key-v1\0 secret seed bytes").toString("base64");
    const message = rejection(`${privateBody} ${ed25519PublicKey().split(" ")[1]}`);
    expect(message).toContain("declares type an unrecognised type");
    expect(message).not.toContain(privateBody);
  });
});

describe("what is accepted is what ssh-keygen reads back", () => {
  const dir = mkdtempSync(join(tmpdir(), "public-key-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["OpenSSH ED25519 with a comment", () => `${ed25519PublicKey()} me@laptop`],
    ["OpenSSH RSA 2048 with surrounding space", () => `  ${rsaPublicKey(2048)}\n`],
    ["RFC 4716 RSA 1024", () => toRfc4716(rsaPublicKey(1024))],
  ])("%s: the stored line passes ssh-keygen -l", (label, make) => {
    const { openssh, bits } = parsePublicKey(make());
    const file = join(dir, `${label.replace(/\W+/g, "-")}.pub`);
    writeFileSync(file, `${openssh}\n`);
    expect(execFileSync("ssh-keygen", ["-l", "-f", file]).toString()).toMatch(new RegExp(`^${bits} SHA256:`));
  });
});
