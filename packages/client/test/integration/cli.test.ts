/**
 * The ec2-keypairs CLI against the local stack (npm start's serverless-offline + moto), behind a
 * SigV4-verifying proxy that knows the test credentials: every CLI call here is signed, and a
 * call signed with other credentials is refused as API Gateway would refuse it.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DescribeImagesCommand, EC2Client, RunInstancesCommand } from "@aws-sdk/client-ec2";
import { signingFetch } from "../../src/sign.js";
import { signerEnv, startVerifier, type Verifier } from "../support/sigv4-verifier.js";

// The TypeScript source through tsx (the installed package's dist/bin.js is tested by package.test.ts).
const BIN = fileURLToPath(new URL("../../src/bin.ts", import.meta.url));
const CREDENTIALS = { accessKeyId: "AKIDCLIENTTEST000001", secretAccessKey: "client-test-secret-do-not-use-elsewhere" };
const region = "us-east-2"; // no other test file uses it
const run = `${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
const name = (what: string) => `cli-${run}-${what}`;

let verifier: Verifier;
let dir: string;

beforeAll(async () => {
  verifier = await startVerifier({ target: process.env.API_URL!, credentials: CREDENTIALS });
  dir = mkdtempSync(join(tmpdir(), "ec2-keypairs-cli-"));
});
afterAll(async () => {
  await verifier?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI signed with `credentials` (null: none anywhere) through the verifier, or at `endpoint`. */
function cli(
  args: string[],
  credentials: { accessKeyId: string; secretAccessKey: string } | null = CREDENTIALS,
  endpoint = verifier.url,
): Promise<Run> {
  const { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, ...settings } = signerEnv(credentials ?? CREDENTIALS, dir);
  const keys = credentials ? { AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY } : {};
  const env = { PATH: process.env.PATH, HOME: dir, ...settings, ...keys, EC2_KEYPAIRS_ENDPOINT: endpoint };
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", BIN, ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const publicKeyOf = (file: string) => execFileSync("ssh-keygen", ["-y", "-f", file]).toString().trim().split(" ").slice(0, 2).join(" ");

describe("ec2-keypairs CLI, signed with SigV4", () => {
  const key = name("ed");
  const file = () => join(dir, `${key}.pem`);

  test("create --out writes a working private key, mode 0400, and prints no key material", async () => {
    const created = await cli([
      "create",
      key,
      "--type",
      "ed25519",
      "--tag",
      `run=${run}`,
      "--tag",
      "team=cli",
      "--out",
      file(),
      "--region",
      region,
    ]);
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toMatch(new RegExp(`created ${key} \\(key-[0-9a-f]+, ed25519, .+\\) in ${region}; private key written to`));
    expect(created.stdout + created.stderr).not.toMatch(/PRIVATE KEY/);
    expect(statSync(file()).mode & 0o777).toBe(0o400);
    expect(readFileSync(file(), "utf8")).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+-----END OPENSSH PRIVATE KEY-----\n$/);
    expect(readdirSync(dir).filter((entry) => entry.endsWith(".tmp"))).toEqual([]);

    const got = await cli(["get", key, "--region", region, "--public-key", "--json"]);
    expect(got.code).toBe(0);
    const view = JSON.parse(got.stdout);
    expect(view).toMatchObject({ name: key, region, keyType: "ed25519", managed: true, tags: { run, team: "cli" } });
    expect(publicKeyOf(file())).toBe(view.publicKey.split(" ").slice(0, 2).join(" "));
  });

  test("create --out refuses an existing file before creating anything: exit 3, file unchanged", async () => {
    const existing = join(dir, "existing.pem");
    writeFileSync(existing, "keep me\n");
    const refused = await cli(["create", name("exists"), "--out", existing, "--region", region]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/already exists; refusing to overwrite/);
    expect(readFileSync(existing, "utf8")).toBe("keep me\n");
    const lookup = await cli(["get", name("exists"), "--region", region]);
    expect(lookup.code).toBe(1);
    expect(lookup.stderr).toMatch(/^error: 404 /);
  });

  test("create without --out prints only the private key on stdout", async () => {
    const printed = await cli(["create", name("stdout"), "--region", region]);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+-----END RSA PRIVATE KEY-----\n$/);
    expect(printed.stderr).toMatch(/shown once/);
    expect((await cli(["rm", name("stdout"), "--region", region])).code).toBe(0);
  });

  test("import registers a public key from a file", async () => {
    const own = join(dir, "own");
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "me@cli", "-f", own]);
    const imported = await cli(["import", name("imported"), "--public-key-file", `${own}.pub`, "--region", region, "--tag", `run=${run}`]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(new RegExp(`imported ${name("imported")} \\(key-`));
    const got = JSON.parse((await cli(["get", name("imported"), "--region", region, "--public-key", "--json"])).stdout);
    expect(got.publicKey.split(" ").slice(0, 2).join(" ")).toBe(readFileSync(`${own}.pub`, "utf8").split(" ").slice(0, 2).join(" "));
  });

  test("ls --all-regions --json lists the keys with their regions, every region ok; ls prints a table", async () => {
    const all = await cli(["ls", "--all-regions", "--json", "--tag", `run=${run}`]);
    expect(all.code).toBe(0);
    const answer = JSON.parse(all.stdout);
    expect(answer.items.map((item: { name: string; region: string }) => `${item.region}/${item.name}`)).toEqual(
      [`${region}/${key}`, `${region}/${name("imported")}`].sort(),
    );
    expect(Object.values(answer.regions).every((outcome) => (outcome as { status: string }).status === "ok")).toBe(true);
    expect(answer.regions[region]).toEqual({ status: "ok", count: 2, complete: true });

    const plain = await cli(["ls", "--region", region, "--tag", `run=${run}`]);
    expect(plain.code).toBe(0);
    expect(plain.stdout.split("\n")[0]).toMatch(/^NAME\s+REGION\s+TYPE\s+KEY PAIR ID\s+MANAGED\s+CREATED\s+EXPIRES\s+FINGERPRINT$/);
    expect(plain.stdout).toContain(key);
  });

  test("rm deletes; a second rm is a 404 problem with exit 1", async () => {
    for (const which of [key, name("imported")]) {
      const removed = await cli(["rm", which, "--region", region]);
      expect(removed).toMatchObject({ code: 0, stdout: `deleted ${which}\n` });
    }
    const again = await cli(["rm", key, "--region", region, "--json"]);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stderr)).toMatchObject({ status: 404, title: "Key pair not found" });
  });

  test("signed with the wrong secret key: the verifier answers 403 Forbidden, the CLI exits 1, nothing is created", async () => {
    const refusalsBefore = verifier.refusals.length;
    const out = join(dir, "wrong.pem");
    const wrong = await cli(["create", name("wrong"), "--out", out, "--region", region], {
      ...CREDENTIALS,
      secretAccessKey: "not-the-secret",
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^error: 403 Forbidden/);
    expect(existsSync(out)).toBe(false);
    expect(verifier.refusals.slice(refusalsBefore)).toEqual(["signature does not match"]);
    const otherKey = await cli(["ls", "--region", region], {
      accessKeyId: "AKIDSOMEONEELSE00001",
      secretAccessKey: CREDENTIALS.secretAccessKey,
    });
    expect(otherKey.code).toBe(1);
    expect(verifier.refusals.at(-1)).toBe("unknown access key AKIDSOMEONEELSE00001");
    expect((await cli(["get", name("wrong"), "--region", region])).code).toBe(1);
  });

  test("the verifier refuses unsigned and tampered requests", async () => {
    const unsigned = await fetch(`${verifier.url}/keypairs`);
    expect(unsigned.status).toBe(403);
    expect(await unsigned.json()).toEqual({ message: "Forbidden" });
    // Signed correctly, then the body is changed on the way.
    const tampering: typeof fetch = (url, init) => fetch(url, { ...init, body: JSON.stringify({ name: name("tampered"), region }) });
    const signed = signingFetch("us-east-1", CREDENTIALS, tampering);
    const body = JSON.stringify({ name: name("original"), region });
    const tampered = await signed(
      new Request(`${verifier.url}/keypairs`, { method: "POST", headers: { "content-type": "application/json" }, body }),
    );
    expect(tampered.status).toBe(403);
    expect(verifier.refusals.at(-1)).toBe("body does not match x-amz-content-sha256");
    const honest = await signingFetch(
      "us-east-1",
      CREDENTIALS,
    )(new Request(`${verifier.url}/keypairs?region=${region}&name=${name("none")}`));
    expect(honest.status).toBe(200);
  });

  test("create --ttl 1h: the key expires in an hour, ls shows it, --expires-before finds it, --query/--output text pick fields", async () => {
    const expiring = name("ttl");
    const before = Date.now();
    const created = await cli([
      "create",
      expiring,
      "--ttl",
      "1h",
      "--out",
      join(dir, `${expiring}.pem`),
      "--region",
      region,
      "--output",
      "json",
    ]);
    expect(created.code).toBe(0);
    const view = JSON.parse(created.stdout);
    const expiresAt = Date.parse(view.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3_600_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 3_600_000);

    const plain = await cli(["ls", "--region", region, "--name", expiring]);
    expect(plain.stdout.split("\n")[1]).toContain(view.expiresAt);
    const soon = new Date(expiresAt + 1000).toISOString();
    const text = await cli([
      "ls",
      "--region",
      region,
      "--expires-before",
      soon,
      "--query",
      "items[].[name, expiresAt]",
      "--output",
      "text",
    ]);
    expect(text).toMatchObject({ code: 0, stdout: expect.stringContaining(`${expiring}\t${view.expiresAt}\n`) });
    const none = await cli(["ls", "--region", region, "--name", expiring, "--expires-before", view.expiresAt, "--query", "items[].name"]);
    expect(JSON.parse(none.stdout)).toEqual([]);
    expect((await cli(["rm", expiring, "--region", region])).code).toBe(0);
  });

  test("get --usage shows what names a key, ls --unused leaves it out, rm shows what blocks it (exit 1, kept), rm --force deletes", async () => {
    const used = name("used");
    const spare = name("spare");
    for (const which of [used, spare])
      expect((await cli(["create", which, "--region", region, "--out", join(dir, `${which}.pem`)])).code).toBe(0);
    const ec2 = new EC2Client({
      region,
      endpoint: process.env.MOTO_URL,
      credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
    });
    const image = (await ec2.send(new DescribeImagesCommand({}))).Images![0]!.ImageId!;
    const launched = await ec2.send(
      new RunInstancesCommand({ ImageId: image, InstanceType: "t3.micro", MinCount: 1, MaxCount: 1, KeyName: used }),
    );
    const instanceId = launched.Instances![0]!.InstanceId!;
    ec2.destroy();

    const shown = await cli(["get", used, "--region", region, "--usage"]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(`used by instance ${instanceId} (running)`);
    expect((await cli(["get", spare, "--region", region, "--usage"])).stdout).toContain("used by nothing");
    const unused = await cli(["ls", "--region", region, "--unused", "--query", "items[].name"]);
    expect(JSON.parse(unused.stdout)).toContain(spare);
    expect(JSON.parse(unused.stdout)).not.toContain(used);
    const table = await cli(["ls", "--region", region, "--name", used, "--usage"]);
    expect(table.stdout).toMatch(new RegExp(`USED BY\n.*${instanceId}`));

    const refused = await cli(["rm", used, "--region", region]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("409 Key pair is in use");
    expect(refused.stderr).toContain(`used by instance ${instanceId} (running)`);
    expect(refused.stderr).toContain("rm --force deletes it anyway");
    expect((await cli(["get", used, "--region", region])).code).toBe(0);
    const refusedJson = await cli(["rm", used, "--region", region, "--output", "json"]);
    expect(JSON.parse(refusedJson.stderr).usage.instances).toEqual([{ instanceId, state: "running" }]);
    expect(await cli(["rm", used, "--region", region, "--force"])).toMatchObject({ code: 0, stdout: `deleted ${used}\n` });
    expect(await cli(["rm", spare, "--region", region])).toMatchObject({ code: 0, stdout: `deleted ${spare}\n` });
  });

  test("usage errors exit 2", async () => {
    expect((await cli(["create"])).code).toBe(2);
    expect((await cli(["ls", "--out", "x"])).code).toBe(2);
    expect((await cli(["frobnicate"])).code).toBe(2);
    expect((await cli(["create", "k", "--type", "dsa"])).code).toBe(2);
    expect((await cli(["ls", "--query", "items[?"])).code).toBe(2);
    expect((await cli(["ls", "--output", "yaml"])).code).toBe(2);
    expect((await cli(["create", "k", "--ttl", "1w"])).code).toBe(2);
  });
});

test("with no AWS credentials anywhere, the CLI works against the local stack (loopback) and says it signs with the local pair", async () => {
  const listed = await cli(["ls", "--region", region], null, process.env.API_URL!);
  expect([listed.code, listed.stderr]).toEqual([0, expect.stringContaining("signing with the local stack's fixed pair")]);
  expect(new URL(process.env.API_URL!).hostname).toMatch(/^(127\.0\.0\.1|localhost)$/);
});
