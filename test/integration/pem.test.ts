/** The README's curl recipe for a private key file, run as written against the local stack. */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { apiClient, assertMatchesSpec } from "../support/contract.js";

const api = apiClient();
const unique = (prefix: string) => `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
const dir = mkdtempSync(join(tmpdir(), "pem-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `umask 077; curl -fsS ... -o <file>` as the README has it. */
function curlPem(name: string, file: string) {
  const body = JSON.stringify({ name, keyType: "ed25519", region: "us-east-1" });
  const script =
    `umask 077; curl -fsS -X POST "$API_URL/keypairs" -H 'content-type: application/json' -H 'accept: ` +
    `application/x-pem-file' -d '${body}' -o '${file}'`;
  return spawnSync("sh", ["-c", script], { encoding: "utf8", env: process.env });
}

describe("POST /keypairs with Accept: application/x-pem-file", () => {
  const name = unique("pem");

  test("the README's curl writes a 0600 key file that ssh-keygen reads; a failure is visible and writes nothing", async () => {
    const file = join(dir, "key.pem");
    const ok = curlPem(name, file);
    expect([ok.status, ok.stderr]).toEqual([0, ""]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(execFileSync("ssh-keygen", ["-y", "-f", file]).toString()).toMatch(/^ssh-ed25519 /);

    const again = join(dir, "again.pem");
    const duplicate = curlPem(name, again);
    expect(duplicate.status).toBe(22);
    expect(duplicate.stderr).toMatch(/409/);
    expect(existsSync(again)).toBe(false);
    expect((await api.DELETE("/keypairs/{name}", { params: { path: { name } } })).response.status).toBe(204);
  });

  test("the answer matches the spec: text/plain key, no-store; errors stay problem+json", async () => {
    const other = unique("pem-spec");
    const init = {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/x-pem-file" },
      body: JSON.stringify({ name: other }),
    };
    const answer = await fetch(`${process.env.API_URL}/keypairs`, init);
    const text = await answer.text();
    expect([answer.status, answer.headers.get("content-type"), answer.headers.get("cache-control")]).toEqual([
      201,
      "application/x-pem-file",
      "no-store",
    ]);
    expect(text).toMatch(/^-----BEGIN (RSA|OPENSSH) PRIVATE KEY-----\n/);
    assertMatchesSpec("POST", "/keypairs", answer.status, answer.headers, text);
    const duplicate = await fetch(`${process.env.API_URL}/keypairs`, init);
    expect([duplicate.status, duplicate.headers.get("content-type")]).toEqual([409, "application/problem+json"]);
    assertMatchesSpec("POST", "/keypairs", duplicate.status, duplicate.headers, await duplicate.text());
    expect((await api.DELETE("/keypairs/{name}", { params: { path: { name: other } } })).response.status).toBe(204);
  });
});
