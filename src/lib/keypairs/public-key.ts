/**
 * Checks a caller's public key before it reaches EC2, so a bad key gets a 400 that says what is
 * wrong (EC2 and moto only answer "invalid format"). Accepts OpenSSH one-line keys and RFC 4716
 * (SSH2) blocks; returns the key as an OpenSSH line, which every EC2 implementation accepts.
 */
import type { KeyTypeName } from "../api/schemas.js";
import { ServiceError } from "./errors.js";

export interface ParsedPublicKey {
  keyType: KeyTypeName;
  bits: number;
  openssh: string;
}

const SUPPORTED = { "ssh-rsa": "rsa", "ssh-ed25519": "ed25519" } as const;
const RFC4716_BEGIN = "---- BEGIN SSH2 PUBLIC KEY ----";
const RFC4716_END = "---- END SSH2 PUBLIC KEY ----";

/**
 * A key type named in an error, only if it looks like one: anything else the caller sent is never
 * echoed (a private key pasted without its BEGIN line would come back in the error body).
 */
const shown = (type: string): string => (/^[a-z][a-z0-9@.-]{0,63}$/.test(type) ? type : "an unrecognised type");

function invalid(detail: string): ServiceError {
  return new ServiceError("validation", `publicKey ${detail}`, {
    errors: [{ field: "body.publicKey", message: detail }],
  });
}

/** Reads the base64 body of an RFC 4716 block: header lines (with `\` continuations) are skipped. */
function rfc4716Blob(text: string): string {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const end = lines.indexOf(RFC4716_END);
  if (end < 0) throw invalid(`is missing the "${RFC4716_END}" line`);
  const body: string[] = [];
  let continued = false;
  for (const line of lines.slice(1, end)) {
    if (continued || line.includes(":")) {
      continued = line.endsWith("\\");
      continue;
    }
    body.push(line);
  }
  return body.join("");
}

class SshReader {
  private offset = 0;
  constructor(private readonly buffer: Buffer) {}

  bytes(): Buffer {
    if (this.offset + 4 > this.buffer.length) throw invalid("is truncated");
    const length = this.buffer.readUInt32BE(this.offset);
    const start = this.offset + 4;
    if (start + length > this.buffer.length) throw invalid("is truncated");
    this.offset = start + length;
    return this.buffer.subarray(start, start + length);
  }

  done(): boolean {
    return this.offset === this.buffer.length;
  }
}

function bitLength(mpint: Buffer): number {
  let start = 0;
  while (start < mpint.length && mpint[start] === 0) start += 1;
  if (start === mpint.length) return 0;
  return (mpint.length - start - 1) * 8 + (32 - Math.clz32(mpint[start]!));
}

export function parsePublicKey(input: string): ParsedPublicKey {
  const text = input.trim();
  let declaredType: string | undefined;
  let base64: string;
  if (text.startsWith(RFC4716_BEGIN)) {
    base64 = rfc4716Blob(text);
  } else {
    const parts = text.split(/\s+/);
    if (parts.length < 2) throw invalid('must be an OpenSSH public key ("ssh-ed25519 AAAA... comment") or an RFC 4716 block');
    [declaredType, base64] = parts as [string, string];
  }
  if (declaredType?.includes("PRIVATE") || text.includes("PRIVATE KEY")) {
    throw invalid("looks like a private key: send the public key only");
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw invalid("is not valid base64");
  const blob = Buffer.from(base64, "base64");
  // One key, one text: extra or missing padding, or stray bits in the last character, would let two
  // texts (two requests, two digests) name the same key. ssh-keygen writes the canonical form.
  if (blob.toString("base64") !== base64)
    throw invalid("is not canonical base64 (its padding or last character is off): send it as ssh-keygen writes it");

  const reader = new SshReader(blob);
  const blobType = reader.bytes().toString("latin1");
  if (declaredType && declaredType !== blobType) {
    throw invalid(`declares type ${shown(declaredType)} but its data is ${shown(blobType)}`);
  }
  const keyType = SUPPORTED[blobType as keyof typeof SUPPORTED];
  if (!keyType) {
    throw invalid(`has unsupported type ${shown(blobType)}: EC2 accepts ssh-rsa and ssh-ed25519 only`);
  }

  let bits: number;
  if (keyType === "rsa") {
    reader.bytes(); // public exponent
    bits = bitLength(reader.bytes());
    if (bits < 1024 || bits > 4096) throw invalid(`is a ${bits}-bit RSA key: EC2 accepts 1024 to 4096 bits`);
  } else {
    const point = reader.bytes();
    if (point.length !== 32) throw invalid("is not a valid ED25519 key (expected 32 bytes)");
    bits = 256;
  }
  if (!reader.done()) throw invalid("has trailing data after the key");
  return { keyType, bits, openssh: `${blobType} ${base64}` };
}
