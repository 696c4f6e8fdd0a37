/**
 * SigV4 for API Gateway (service execute-api) with the SDK's own signer: a fetch that signs each
 * request, and the pieces the test verifier shares (hash, URL-to-request conversion).
 */
import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, Checksum, SourceData } from "@smithy/types";

export const SERVICE = "execute-api";

const bytes = (data: SourceData): Buffer =>
  typeof data === "string"
    ? Buffer.from(data, "utf8")
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(data);

/** SHA-256 (and HMAC-SHA-256 when given a secret) from node:crypto, in the shape SignatureV4 expects. */
export class Sha256 implements Checksum {
  private chunks: Buffer[] = [];
  constructor(private readonly secret?: SourceData) {}
  update(data: SourceData): void {
    this.chunks.push(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    const hash = this.secret === undefined ? createHash("sha256") : createHmac("sha256", bytes(this.secret));
    for (const chunk of this.chunks) hash.update(chunk);
    return new Uint8Array(hash.digest());
  }
  reset(): void {
    this.chunks = [];
  }
}

export const sha256Hex = (body: Uint8Array | string): string => createHash("sha256").update(body).digest("hex");

export type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

export function signer(region: string, credentials: Credentials): SignatureV4 {
  return new SignatureV4({ service: SERVICE, region, credentials, sha256: Sha256, uriEscapePath: true, applyChecksum: true });
}

/** The request shape SignatureV4 signs, from a URL, a method, headers and a body. */
export function toSignable(url: URL, method: string, headers: Record<string, string>, body: Uint8Array | undefined) {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const seen = query[name];
    query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return {
    method: method.toUpperCase(),
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
    query,
    headers: { ...headers, host: url.host },
    ...(body && body.byteLength > 0 ? { body } : {}),
  };
}

/**
 * A fetch that signs every request with SigV4 for `region` (the API's region, which is not
 * necessarily the region whose key pairs are asked for) before sending it.
 */
export function signingFetch(
  region: string,
  credentials: Credentials,
  send: typeof fetch = globalThis.fetch,
): (request: Request) => Promise<Response> {
  const sigv4 = signer(region, credentials);
  return async (request: Request) => {
    const url = new URL(request.url);
    const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const signed = await sigv4.sign(toSignable(url, request.method, headers, body));
    const { host: _host, ...sendHeaders } = signed.headers as Record<string, string>;
    return send(url, {
      method: request.method,
      headers: sendHeaders,
      ...(body && body.byteLength > 0 ? { body } : {}),
      signal: request.signal,
    });
  };
}
