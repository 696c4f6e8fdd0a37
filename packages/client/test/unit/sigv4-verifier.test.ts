/**
 * The tests' SigV4-verifying proxy accepts what API Gateway accepts: requests signed by botocore
 * (SigV4Auth, service execute-api, no x-amz-content-sha256) as well as by our client, and refuses
 * a wrong secret with 403 {"message":"Forbidden"}. The upstream is a local echo server.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { signingFetch } from "../../src/sign.js";
import { startVerifier, type Verifier } from "../support/sigv4-verifier.js";

const PYTHON = fileURLToPath(new URL("../../../../.venv-test/bin/python", import.meta.url));
const CREDENTIALS = { accessKeyId: "AKIDVERIFIERTEST0001", secretAccessKey: "verifier-test-secret" };
const REGION = "eu-west-1";

/** Signs with botocore's SigV4Auth exactly as a Python integrator would, sends with urllib, prints "status body". */
const BOTOCORE_CLIENT = `
import json, sys, urllib.request, urllib.error
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
url, method, body, key, secret, region = sys.argv[1:7]
headers = {"Content-Type": "application/json"} if body else {}
request = AWSRequest(method=method, url=url, data=body.encode() if body else None, headers=headers)
SigV4Auth(Credentials(key, secret), "execute-api", region).add_auth(request)
prepared = urllib.request.Request(url, data=request.body, method=method, headers=dict(request.headers.items()))
try:
    with urllib.request.urlopen(prepared, timeout=20) as answer:
        print(answer.status, answer.read().decode())
except urllib.error.HTTPError as error:
    print(error.code, error.read().decode())
`;

function botocore(url: string, method: string, body = "", secret = CREDENTIALS.secretAccessKey): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      PYTHON,
      ["-c", BOTOCORE_CLIENT, url, method, body, CREDENTIALS.accessKeyId, secret, REGION],
      { timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stderr}`));
        const [status, ...rest] = stdout.trim().split(" ");
        resolve({ status: Number(status), body: rest.join(" ") });
      },
    );
  });
}

let upstream: Server;
let verifier: Verifier;
const seen: { method: string; url: string; body: string }[] = [];

beforeAll(async () => {
  upstream = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      seen.push({ method: request.method ?? "", url: request.url ?? "", body: Buffer.concat(chunks).toString() });
      response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  verifier = await startVerifier({ target: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, credentials: CREDENTIALS });
});
beforeEach(() => {
  verifier.refusals.length = 0;
});
afterAll(async () => {
  await verifier?.close();
  upstream?.closeAllConnections();
  await new Promise<void>((resolve) => (upstream ? upstream.close(() => resolve()) : resolve()));
});

test("the test venv has botocore (bash scripts/ensure-deps.sh --test)", () => {
  expect(existsSync(PYTHON)).toBe(true);
});

test("a GET signed by botocore's SigV4Auth (no x-amz-content-sha256) is forwarded", async () => {
  const answer = await botocore(`${verifier.url}/keypairs?region=${REGION}&limit=5&name=a%20b`, "GET");
  expect(verifier.refusals).toEqual([]);
  expect(answer).toEqual({ status: 200, body: '{"ok":true}' });
  expect(seen.at(-1)).toMatchObject({ method: "GET", url: `/keypairs?region=${REGION}&limit=5&name=a%20b` });
});

test("a POST with a JSON body signed by botocore is forwarded with its body", async () => {
  const body = JSON.stringify({ name: "py-key", keyType: "ed25519" });
  const answer = await botocore(`${verifier.url}/keypairs`, "POST", body);
  expect(verifier.refusals).toEqual([]);
  expect(answer.status).toBe(200);
  expect(seen.at(-1)).toEqual({ method: "POST", url: "/keypairs", body });
});

test("a DELETE on a path with an escaped segment signed by botocore is forwarded", async () => {
  const answer = await botocore(`${verifier.url}/keypairs/with%20space`, "DELETE");
  expect(verifier.refusals).toEqual([]);
  expect(answer.status).toBe(200);
});

test("our client's signed requests are forwarded too", async () => {
  const send = signingFetch(REGION, CREDENTIALS);
  const get = await send(new Request(`${verifier.url}/keypairs?region=${REGION}`));
  const post = await send(
    new Request(`${verifier.url}/keypairs`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"name":"ts"}' }),
  );
  expect(verifier.refusals).toEqual([]);
  expect([get.status, post.status]).toEqual([200, 200]);
});

test("botocore signing with a wrong secret: 403 Forbidden, nothing forwarded", async () => {
  const forwarded = verifier.forwarded;
  const answer = await botocore(`${verifier.url}/keypairs`, "POST", '{"name":"x"}', "not-the-secret");
  expect(answer).toEqual({ status: 403, body: '{"message":"Forbidden"}' });
  expect(verifier.refusals.at(-1)).toBe("signature does not match");
  expect(verifier.forwarded).toBe(forwarded);
});

test("a botocore-signed body changed on the way: 403", async () => {
  // Signed for one body, sent with another: the signature covers the body's hash.
  const script = BOTOCORE_CLIENT.replace("data=request.body", 'data=b\'{"name":"tampered"}\'');
  const answer = await new Promise<string>((resolve, reject) =>
    execFile(
      PYTHON,
      ["-c", script, `${verifier.url}/keypairs`, "POST", '{"name":"x"}', CREDENTIALS.accessKeyId, CREDENTIALS.secretAccessKey, REGION],
      (error, stdout) => (error ? reject(error) : resolve(stdout.trim())),
    ),
  );
  expect(answer).toBe('403 {"message":"Forbidden"}');
  expect(verifier.refusals.at(-1)).toBe("signature does not match");
});
