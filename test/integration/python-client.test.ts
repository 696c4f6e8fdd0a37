/**
 * The Python client as a boto3 user gets it: `pip install ./clients/python` into a fresh venv, then
 * clients/python/tests/session.py (create, list, get, a 409, delete, a 404) signed by botocore's
 * SigV4 with credentials from the environment, against the local stack behind the SigV4-verifying
 * proxy. Prints the install time and size. Then every Python example of the README and
 * docs/client.md, as written, with no credentials.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signerEnv, startVerifier, type Verifier } from "../../packages/client/test/support/sigv4-verifier.js";
import { ROOT } from "../../scripts/local-stack.js";
import { packageManagerEnv } from "../support/package-manager-env.js";

const CREDENTIALS = { accessKeyId: "AKIDPYTHONTEST000001", secretAccessKey: "python-test-secret-do-not-use-elsewhere" };
const region = "eu-west-2"; // no other test file uses it

let verifier: Verifier;
let dir: string;

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}
/** Without blocking the event loop: the verifier answers from this process. */
const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Ran> =>
  new Promise((resolve) => {
    execFile(command, args, { env, encoding: "utf8", timeout: 240_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });

beforeAll(async () => {
  verifier = await startVerifier({ target: process.env.API_URL!, credentials: CREDENTIALS });
  dir = mkdtempSync(join(tmpdir(), "ec2-keypairs-python-"));
});
afterAll(async () => {
  await verifier?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh venv with `pip install ./clients/python`, made once for the file's tests; its path. */
let installing: Promise<string> | undefined;
const installedClient = (): Promise<string> => {
  installing ??= (async () => {
    const venv = join(dir, "venv");
    expect(await run("python3", ["-m", "venv", venv])).toMatchObject({ code: 0 });
    const started = Date.now();
    const installed = await run(
      `${venv}/bin/pip`,
      ["install", "--quiet", "--disable-pip-version-check", `${ROOT}/clients/python`],
      packageManagerEnv({ PIP_CACHE_DIR: join(dir, "pip-cache") }), // empty: the cold path a fresh machine takes
    );
    expect([installed.code, installed.stderr]).toEqual([0, ""]);
    const size = await run("du", ["-sk", join(venv, "lib")]);
    console.log(`pip install ./clients/python: ${Date.now() - started} ms, venv lib ${size.stdout.split("\t")[0]} KB`);
    return venv;
  })();
  return installing;
};

/** The environment without any AWS credentials: what a first try on a fresh machine has. */
const withoutCredentials = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(env).filter(([name]) => !/^AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|PROFILE)$/.test(name)));

test("pip install ./clients/python, then create, list, get, a 409 and delete, signed by botocore", async () => {
  const venv = await installedClient();

  const name = `py-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
  const env = { PATH: process.env.PATH, HOME: dir, ...signerEnv(CREDENTIALS, dir) };
  const session = await run(`${venv}/bin/python`, [`${ROOT}/clients/python/tests/session.py`, verifier.url, region, name], env);
  expect([session.code, session.stderr]).toEqual([0, ""]);
  const seen = JSON.parse(session.stdout);
  console.log(`session.py: ${session.stdout.trim()}`);
  expect(seen).toMatchObject({
    created: [name, expect.stringMatching(/^key-/), "-----BEGIN OPENSSH PRIVATE KEY-----"],
    listed: [name],
    got: [true, expect.stringMatching(/^\d{4}-/)],
    conflict: [409, "/problems/conflict", "Key pair already exists", false],
    gone: [404, "/problems/not-found", expect.stringContaining(name)],
  });
  expect(verifier.refusals).toEqual([]);

  // Signed with another secret: the gateway's own 403 {"message":"Forbidden"} is a KeyPairsError too, gateway=True.
  const refused = await run(`${venv}/bin/python`, [`${ROOT}/clients/python/tests/session.py`, verifier.url, region, `${name}-refused`], {
    ...env,
    AWS_SECRET_ACCESS_KEY: "not-the-secret",
  });
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/ec2_keypairs\.KeyPairsError: 403 Forbidden: API Gateway answered 403: Forbidden/);

  // No credentials anywhere: the local stack (loopback, no signatures checked) is reached with the local pair;
  // any other endpoint is refused before sending, with how to provide them.
  const none = withoutCredentials(env);
  const local = await run(
    `${venv}/bin/python`,
    [`${ROOT}/clients/python/tests/session.py`, process.env.API_URL!, region, `${name}-local`],
    none,
  );
  expect([local.code, local.stderr]).toEqual([0, ""]);
  const remote = await run(
    `${venv}/bin/python`,
    [
      "-c",
      "from ec2_keypairs import connect\nfrom keypairs_client.api.key_pairs import list_key_pairs\nlist_key_pairs.sync_detailed(client=connect('https://example.invalid'))",
    ],
    none,
  );
  expect(remote.code).toBe(1);
  expect(remote.stderr).toMatch(/No AWS credentials: .*set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/);
}, 300_000);

test("the Python examples of the README and docs/client.md run as written, with no credentials, against the local stack", async () => {
  const venv = await installedClient();
  const examples = ["README.md", "docs/client.md"].flatMap((doc) =>
    [...readFileSync(join(ROOT, doc), "utf8").matchAll(/```python\n([\s\S]*?)```/g)].map((match) => ({ doc, code: match[1]! })),
  );
  expect(examples.length).toBeGreaterThanOrEqual(3);
  const name = `pydoc-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
  const env = withoutCredentials({ PATH: process.env.PATH, HOME: dir });
  const outputs: string[] = [];
  try {
    for (const [index, { doc, code }] of examples.entries()) {
      // What npm start serves, and a name no other run holds: all else is the example's own.
      if (code.includes("connect(")) expect(code).toContain("http://localhost:3000");
      const script = code.replaceAll("http://localhost:3000", process.env.API_URL!).replaceAll('"deploy-bot"', `"${name}-${index}"`);
      const ran = await run(`${venv}/bin/python`, ["-c", script], env);
      expect([doc, ran.code, ran.stderr]).toEqual([doc, 0, ""]);
      outputs.push(ran.stdout);
    }
  } finally {
    for (const index of examples.keys()) await fetch(`${process.env.API_URL}/keypairs/${name}-${index}`, { method: "DELETE" });
  }
  // The docs' create prints the new key and the tags answers show (none of the service's bookkeeping).
  const created = examples.findIndex(({ code }) => code.includes("print(key.key_pair_id"));
  expect(outputs[created]).toMatch(/^key-[0-9a-f]+ \S+ \{.*\}\n$/);
  expect(outputs[created]).toContain("'team': 'ci'");
  expect(outputs[created]).toContain("'managed-by': 'ec2-keypairs-api'");
  expect(outputs[created]).not.toContain("ec2-keypairs-api:");
  // Its list finds the key the docs' create made.
  const listed = examples.findIndex(({ code }) => code.includes("list_all_key_pairs("));
  expect(outputs[listed]).toContain(`${name}-${created} key-`);
}, 300_000);
