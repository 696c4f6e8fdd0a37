/**
 * A stand-in for API Gateway's IAM authorizer, for tests: an HTTP proxy on 127.0.0.1 that
 * recomputes each request's SigV4 signature with the known test credentials (the SDK's own
 * SignatureV4, as the client uses) and answers 403 {"message":"Forbidden"} when anything is off:
 * no or malformed Authorization, another access key, another service, a stale or future
 * X-Amz-Date, host or x-amz-date not signed, a body that does not match x-amz-content-sha256, or
 * a signature that differs. Otherwise it forwards the request to the API and relays the answer.
 * Given the principal the credentials stand for (`arn`), it tells serverless-offline, as API
 * Gateway tells the Lambda: requestContext.authorizer.iam (serverless-offline's
 * sls-offline-authorizer-override header, which the verifier never passes on from a caller).
 */

import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { SignatureV4 } from "@smithy/signature-v4";
import type { AwsCredentialIdentity } from "@smithy/types";
import { SERVICE, Sha256, sha256Hex, toSignable } from "../../src/sign.js";

export interface Verifier {
  url: string;
  /** Why each refused request was refused, oldest first. */
  refusals: string[];
  /** How many requests were verified and forwarded. */
  forwarded: number;
  close(): Promise<void>;
}

/**
 * Re-signs as API Gateway verifies: over exactly the headers the caller signed, with the body's
 * hash as payload hash. Not the client's signer: that one adds x-amz-content-sha256
 * (applyChecksum), which API Gateway does not require and botocore's SigV4Auth does not send.
 */
const verifying = (region: string, credentials: AwsCredentialIdentity) =>
  new SignatureV4({ service: SERVICE, region, credentials, sha256: Sha256, uriEscapePath: true, applyChecksum: false });

const MAX_SKEW_MS = 5 * 60 * 1000;
const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

function parseAmzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, s!));
}

const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(",") : value;
};

/** Why the request's signature is not acceptable, or undefined when it is. */
async function refusal(request: IncomingMessage, body: Buffer, credentials: AwsCredentialIdentity): Promise<string | undefined> {
  const authorization = header(request, "authorization");
  if (!authorization) return "no Authorization header";
  const match = AUTH.exec(authorization);
  if (!match) return "malformed Authorization header";
  const [, accessKeyId, scopeDate, region, service, signedHeaderList] = match as unknown as string[];
  if (accessKeyId !== credentials.accessKeyId) return `unknown access key ${accessKeyId}`;
  if (service !== SERVICE) return `signed for service ${service}, not ${SERVICE}`;
  const amzDate = header(request, "x-amz-date");
  const signingDate = amzDate ? parseAmzDate(amzDate) : undefined;
  if (!signingDate) return "no valid X-Amz-Date";
  if (Math.abs(Date.now() - signingDate.getTime()) > MAX_SKEW_MS) return `X-Amz-Date ${amzDate} is more than 5 minutes away`;
  if (amzDate!.slice(0, 8) !== scopeDate) return "credential scope date differs from X-Amz-Date";
  const signedHeaders = signedHeaderList!.split(";");
  for (const required of ["host", "x-amz-date"]) if (!signedHeaders.includes(required)) return `${required} is not signed`;
  if (credentials.sessionToken && !signedHeaders.includes("x-amz-security-token")) return "x-amz-security-token is not signed";
  const contentSha = header(request, "x-amz-content-sha256");
  if (contentSha !== undefined && contentSha !== sha256Hex(body)) return "body does not match x-amz-content-sha256";

  // Recompute with exactly the signed headers, as received.
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = header(request, name);
    if (value === undefined) return `signed header ${name} is missing`;
    headers[name] = value;
  }
  const url = new URL(request.url ?? "/", `http://${header(request, "host")}`);
  const expected = await verifying(region!, credentials).sign(toSignable(url, request.method ?? "GET", headers, body), { signingDate });
  const expectedAuthorization = String((expected.headers as Record<string, string>).authorization);
  const a = Buffer.from(expectedAuthorization);
  const b = Buffer.from(authorization);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return "signature does not match";
  return undefined;
}

/** serverless-offline's header for requestContext.authorizer: set by the verifier only. */
const AUTHORIZER_OVERRIDE = "sls-offline-authorizer-override";
const HOP_BY_HOP = new Set([
  AUTHORIZER_OVERRIDE,
  "connection",
  "keep-alive",
  "transfer-encoding",
  "upgrade",
  "host",
  "content-length",
  "content-encoding",
]);

export async function startVerifier(options: {
  target: string;
  credentials: AwsCredentialIdentity;
  /** The IAM identity the credentials are (arn:aws:sts::<account>:assumed-role/<name>/<session>, or a user's ARN). */
  arn?: string;
  log?: (line: string) => void;
}): Promise<Verifier> {
  const identity = options.arn
    ? JSON.stringify({ iam: { userArn: options.arn, accountId: /^arn:[^:]+:[^:]+::(\d{12}):/.exec(options.arn)?.[1] } })
    : undefined;
  const state = { refusals: [] as string[], forwarded: 0 };
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const body = await readBody(request);
      const why = await refusal(request, body, options.credentials).catch((error: Error) => `verification failed: ${error.message}`);
      if (why) {
        state.refusals.push(why);
        options.log?.(`refused ${request.method} ${request.url}: ${why}`);
        response.writeHead(403, { "content-type": "application/json" }).end(JSON.stringify({ message: "Forbidden" }));
        return;
      }
      state.forwarded += 1;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = Array.isArray(value) ? value.join(",") : value;
      }
      if (identity) headers[AUTHORIZER_OVERRIDE] = identity;
      const upstream = await fetch(new URL(request.url ?? "/", options.target), {
        method: request.method,
        headers,
        ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
        signal: AbortSignal.timeout(30_000),
      });
      const answer = Buffer.from(await upstream.arrayBuffer());
      const relayed: Record<string, string> = {};
      upstream.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name)) relayed[name] = value;
      });
      response.writeHead(upstream.status, relayed).end(answer);
    })().catch((error: Error) => {
      if (!response.headersSent)
        response.writeHead(502, { "content-type": "application/json" }).end(JSON.stringify({ message: `verifier: ${error.message}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    get refusals() {
      return state.refusals;
    },
    get forwarded() {
      return state.forwarded;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The AWS part of a signing caller's environment: the verifier's test credentials and nothing of
 * the machine's (no profile, config or credentials file, no instance metadata) under `dir`.
 */
export function signerEnv(credentials: { accessKeyId: string; secretAccessKey: string }, dir: string): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_REGION: "us-east-1",
    AWS_CONFIG_FILE: `${dir}/no-config`,
    AWS_SHARED_CREDENTIALS_FILE: `${dir}/no-credentials`,
    AWS_EC2_METADATA_DISABLED: "true",
  };
}
