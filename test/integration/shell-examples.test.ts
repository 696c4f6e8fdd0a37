/**
 * The docs' shell examples that run against `npm start`, run as written against the local stack:
 * only the base URL they name (http://localhost:3000, what npm start serves) is made the stack's.
 * The README's Example block runs in a fresh directory and a HOME whose ~/.ssh/id_ed25519.pub is a
 * key the test made (the block's "a public key you hold"); its JSON block's answers are held to the
 * members the API answers. docs/client.md's docs-page and SigV4-proxy blocks run too.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../../scripts/local-stack.js";

const LOCAL = "http://localhost:3000";
const doc = (path: string) => readFileSync(join(ROOT, path), "utf8");
const section = (text: string, heading: string) => {
  const start = text.indexOf(`\n## ${heading}\n`);
  expect(start).toBeGreaterThan(-1);
  return text.slice(start, text.indexOf("\n## ", start + 1));
};
const blocks = (text: string, language: string) =>
  [...text.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, "g"))].map((match) => match[1]!);

const [example = ""] = blocks(section(doc("README.md"), "Example"), "sh");
const BASE = `API=${LOCAL}\n`;
/** The create command of the block: from the subshell that sets umask to its end. */
const create = example.slice(example.indexOf("(umask 077;"), example.indexOf("false; })") + "false; })".length);

const dir = mkdtempSync(join(tmpdir(), "readme-example-"));
const home = join(dir, "home");
afterAll(async () => {
  // The block imports "laptop" and deletes only what it created.
  await fetch(`${process.env.API_URL}/keypairs/laptop?region=eu-west-1`, { method: "DELETE" });
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `script` with sh -e (a failing command fails the run) in `cwd`, HOME the test's. */
function sh(script: string, cwd: string) {
  mkdirSync(cwd, { recursive: true });
  return spawnSync("sh", ["-ec", script], { cwd, encoding: "utf8", env: { PATH: process.env.PATH, HOME: home } });
}

/** The top-level JSON values in `text`, in order (curl -s prints answers without a line break). */
function jsonValues(text: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index += 1;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{") {
      if (depth === 0) start = index;
      depth += 1;
    } else if (char === "}") {
      depth -= 1;
      if (depth === 0) values.push(JSON.parse(text.slice(start, index + 1)));
    }
  }
  return values;
}

type KeyPair = {
  name: string;
  keyType: string;
  region: string;
  fingerprint: string;
  publicKey?: string;
  keyMaterial?: string;
  tags: object;
};

test("the README's Example shell block names npm start's base URL once and a create that can be run alone", () => {
  expect(example.startsWith(BASE)).toBe(true);
  expect(example.split(LOCAL)).toHaveLength(2);
  expect(create).toMatch(/^\(umask 077; curl .*\n[\s\S]*false; \}\)$/);
});

test("the README's Example runs as written: a 0400 key file ssh-keygen reads, import, get, list and delete", () => {
  mkdirSync(join(home, ".ssh"), { recursive: true });
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "me@laptop", "-f", join(home, ".ssh", "id_ed25519")]);
  const work = join(dir, "example");
  const ran = sh(example.replace(BASE, `API=${process.env.API_URL}\n`), work);
  expect([ran.status, ran.stderr]).toEqual([0, ""]);

  // create: the private key alone, readable by its owner only.
  const pem = join(work, "deploy-bot.pem");
  expect(statSync(pem).mode & 0o777).toBe(0o400);
  expect(readFileSync(pem, "utf8")).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n/);
  const [keygen = "", rest = ""] = ran.stdout.split(/\n(.*)/s);
  expect(keygen).toMatch(/^256 SHA256:\S+ .*\(ED25519\)$/);

  const [imported, got, listed] = jsonValues(rest) as [KeyPair, KeyPair, { items: KeyPair[] }];
  expect(imported).toMatchObject({ name: "laptop", keyType: "ed25519", region: "eu-west-1" });
  expect(imported.keyMaterial).toBeUndefined();
  expect(got).toMatchObject({ name: "deploy-bot", keyType: "ed25519", region: "eu-west-1", tags: { team: "platform" } });
  expect(got.publicKey).toMatch(/^ssh-ed25519 /);
  expect(got.keyMaterial).toBeUndefined();
  // The README's claim: ssh-keygen's SHA256 is the answer's fingerprint without its "=".
  expect(keygen.split(" ")[1]).toBe(`SHA256:${got.fingerprint.replace(/=+$/, "")}`);
  // tag=team=platform: the created key, not the imported one.
  expect(listed.items.map((item) => item.name)).toEqual(["deploy-bot"]);
  // delete: its status line, last.
  expect(rest.trimEnd().endsWith("}204")).toBe(true);
});

test("the README's create, refused (409 conflict), prints the problem and leaves no .pem", () => {
  const first = join(dir, "first");
  const base = `API=${process.env.API_URL}\n`;
  expect(sh(base + create, first).status).toBe(0);
  const second = join(dir, "second");
  const refused = sh(base + create, second);
  expect(refused.status).not.toBe(0);
  expect(JSON.parse(refused.stderr.slice(refused.stderr.indexOf("{"), refused.stderr.lastIndexOf("}") + 1))).toMatchObject({
    type: "/problems/conflict",
    status: 409,
  });
  expect(existsSync(join(second, "deploy-bot.pem"))).toBe(false);
  expect(sh(`${base}curl -sS --fail-with-body -X DELETE "$API/keypairs/deploy-bot?region=eu-west-1"`, first).status).toBe(0);
});

test("the README's documented answers have the members the API answers", async () => {
  const [documented = ""] = blocks(section(doc("README.md"), "Example"), "json");
  const [createdDoc, notFoundDoc] = jsonValues(documented) as [Record<string, unknown>, Record<string, unknown>];
  const name = `readme-${process.pid}`;
  const created = await fetch(`${process.env.API_URL}/keypairs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, keyType: "ed25519", tags: { team: "platform" }, region: "eu-west-1" }),
  });
  try {
    expect(created.status).toBe(201);
    expect(Object.keys(await created.json()).sort()).toEqual(Object.keys(createdDoc).sort());
  } finally {
    await fetch(`${process.env.API_URL}/keypairs/${name}?region=eu-west-1`, { method: "DELETE" });
  }
  const notFound = await fetch(`${process.env.API_URL}/keypairs/nope`);
  expect([notFound.status, notFound.headers.get("content-type")]).toEqual([404, "application/problem+json"]);
  const problem = (await notFound.json()) as Record<string, unknown>;
  expect(Object.keys(problem).sort()).toEqual(Object.keys(notFoundDoc).sort());
  expect(problem).toMatchObject({ type: notFoundDoc.type, title: notFoundDoc.title, status: 404, instance: "/keypairs/nope" });
});

test("docs/client.md's docs-page block runs as written: the spec's title, the page as HTML", () => {
  const block = blocks(doc("docs/client.md"), "sh").find((code) => code.includes("/openapi.json | jq"));
  expect(block).toBeDefined();
  const work = join(dir, "docs-page");
  const ran = sh(block!.replaceAll(LOCAL, process.env.API_URL!), work);
  expect([ran.status, ran.stderr, ran.stdout]).toEqual([0, "", '"EC2 Key Pairs API"\n200 text/html; charset=utf-8\n']);
  expect(readFileSync(join(work, "docs.html"), "utf8")).toContain("EC2 Key Pairs API");
});

test("docs/client.md's SigV4 proxy runs as written: the CLI signed with its credentials is let through, an unsigned request is not", async () => {
  const block = blocks(doc("docs/client.md"), "sh").find((code) => code.includes("sigv4-proxy.ts"));
  expect(block).toContain("http://127.0.0.1:3000");
  // Its own process group, ended by its id whatever the test does.
  const proxy = spawn("sh", ["-c", block!.replaceAll("http://127.0.0.1:3000", process.env.API_URL!)], {
    cwd: ROOT,
    detached: true,
    env: { PATH: process.env.PATH, HOME: home },
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let printed = "";
      proxy.stdout.on("data", (chunk) => {
        printed += chunk;
        const found = /^(http:\/\/127\.0\.0\.1:\d+) -> /m.exec(printed);
        if (found) resolve(found[1]!);
      });
      proxy.on("exit", (code) => reject(new Error(`the proxy exited (${code}) before printing its URL`)));
    });
    expect((await fetch(`${url}/keypairs`)).status).toBe(403);
    // "use it as --endpoint with the same credentials"
    const bin = join(ROOT, "packages/client/src/bin.ts");
    const env = { PATH: process.env.PATH, HOME: home, AWS_ACCESS_KEY_ID: "AKIDTEST", AWS_SECRET_ACCESS_KEY: "test" };
    const listed = spawnSync(process.execPath, ["--import", "tsx", bin, "ls", "--endpoint", url, "--output", "json"], {
      env,
      encoding: "utf8",
    });
    expect([listed.status, listed.stderr]).toEqual([0, ""]);
    expect(JSON.parse(listed.stdout)).toHaveProperty("items");
  } finally {
    process.kill(-proxy.pid!);
  }
}, 120_000);
