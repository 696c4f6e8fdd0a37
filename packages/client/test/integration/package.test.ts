/**
 * The npm package as an integrator gets it: `npm pack` (prepack builds dist/ with tsc), the tarball
 * installed into a fresh project outside the repository from an empty npm cache (the registry reached
 * with the caller's environment, as on a fresh machine), used from plain JavaScript (on Node 24 and,
 * where /usr/bin/node is older, on it too), from TypeScript under tsc --strict, and as
 * `npx ec2-keypairs`, against the local stack behind the SigV4-verifying proxy. Also measures the
 * install size and the CLI's start time (printed).
 */
import { execFile, execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { packageManagerEnv } from "../../../../test/support/package-manager-env.js";
import { signerEnv, startVerifier, type Verifier } from "../support/sigv4-verifier.js";

const PACKAGE = fileURLToPath(new URL("../../", import.meta.url));
const ROOT = join(PACKAGE, "../..");
const CONSUMER = join(PACKAGE, "test/consumer");
const CREDENTIALS = { accessKeyId: "AKIDPACKAGETEST00001", secretAccessKey: "package-test-secret-do-not-use-elsewhere" };
const region = "ap-southeast-2"; // no other test file uses it
const run = `${process.pid}-${Math.random().toString(36).slice(2, 6)}`;

let verifier: Verifier;
let work: string;
let project: string;

/** The caller's environment as a package manager needs it (registry access kept), with only the test credentials. */
const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => packageManagerEnv({ ...signerEnv(CREDENTIALS, work), ...extra });

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking the event loop: the verifier proxy answers from this process. */
const spawn = (command: string, args: string[], cwd: string, extra: Record<string, string> = {}): Promise<Ran> =>
  new Promise((resolve) => {
    execFile(command, args, { cwd, env: env(extra), encoding: "utf8", timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stdout, stderr });
    });
  });

async function sh(command: string, args: string[], cwd: string, extra: Record<string, string> = {}): Promise<string> {
  const result = await spawn(command, args, cwd, extra);
  if (result.code !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.code}:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

// An empty npm cache of its own: the install fetches from the registry as on a fresh machine.
const npm = (args: string[], cwd: string) =>
  sh("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], cwd, { npm_config_cache: join(work, "npm-cache") });
const du = (path: string) => Number(execFileSync("du", ["-sk", path], { encoding: "utf8" }).split("\t")[0]);

beforeAll(async () => {
  verifier = await startVerifier({ target: process.env.API_URL!, credentials: CREDENTIALS });
  work = mkdtempSync(join(tmpdir(), "ec2-keypairs-package-"));
  project = join(work, "consumer");
  const packed = JSON.parse(await npm(["pack", "--json", "--pack-destination", work], PACKAGE)) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  const tarball = join(work, packed[0]!.filename.replace(/^@/, "").replace("/", "-"));
  const files = packed[0]!.files.map((file) => file.path).sort();
  console.log(`packed ${tarball}: ${files.join(", ")}`);
  execFileSync("mkdir", ["-p", project]);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  await npm(
    ["install", "--save-exact", existsSync(tarball) ? tarball : join(work, readdirSync(work).find((f) => f.endsWith(".tgz"))!)],
    project,
  );
}, 300_000);

afterAll(async () => {
  await verifier?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the npm package, installed from its tarball outside the repository", () => {
  test("it is JavaScript with declarations: no TypeScript sources, no tsx, not private; the install size", () => {
    const installed = join(project, "node_modules/@ec2-keypairs/client");
    const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    expect(manifest.private).toBeUndefined();
    expect(manifest.exports["."]).toEqual({ types: "./dist/index.d.ts", default: "./dist/index.js" });
    expect(readdirSync(join(installed, "dist")).sort()).toEqual(
      ["api.d.ts", "bin.js", "cli.d.ts", "cli.js", "client.d.ts", "client.js", "index.d.ts", "index.js", "sign.d.ts", "sign.js"].sort(),
    );
    expect(existsSync(join(installed, "src"))).toBe(false);
    expect(existsSync(join(project, "node_modules/tsx"))).toBe(false);
    expect(existsSync(join(project, "node_modules/typescript"))).toBe(false);
    const packages = readdirSync(join(project, "node_modules"), { recursive: true }).filter((entry) =>
      String(entry).endsWith("package.json"),
    ).length;
    console.log(
      `install size: ${du(join(project, "node_modules"))} KB in node_modules (${packages} package.json files); the package itself ${du(installed)} KB`,
    );
  });

  test("plain JavaScript: create, get, list, a 409 problem, delete, a 404 problem", async () => {
    copyFileSync(join(CONSUMER, "consumer.mjs"), join(project, "consumer.mjs"));
    const nodes = [process.execPath, ...(existsSync("/usr/bin/node") ? ["/usr/bin/node"] : [])];
    for (const [index, node] of nodes.entries()) {
      const version = (await sh(node, ["--version"], project)).trim();
      const name = `pkg-${run}-js${index}`;
      const output = JSON.parse(await sh(node, ["consumer.mjs", verifier.url, region, name], project));
      console.log(`node ${version} consumer.mjs: ${JSON.stringify(output)}`);
      expect(output).toMatchObject({
        created: { name, privateKey: "-----BEGIN OPENSSH PRIVATE KEY-----" },
        got: true,
        listed: [name],
        conflict: [409, "/problems/conflict"],
        gone: [404, "Key pair not found"],
      });
      expect(Date.parse(output.expiresAt)).toBeGreaterThan(Date.now() + 3_500_000);
    }
  });

  test("TypeScript: tsc --strict compiles against the package's declarations, and the result runs", async () => {
    copyFileSync(join(CONSUMER, "consumer.ts"), join(project, "consumer.ts"));
    // The consumer's own compiler and Node types, as any TypeScript project has (not the package's dependencies).
    const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: "nodenext",
          moduleResolution: "nodenext",
          target: "es2023",
          skipLibCheck: false,
          typeRoots: [join(ROOT, "node_modules/@types")],
          types: ["node"],
          outDir: "out",
        },
        files: ["consumer.ts"],
      }),
    );
    expect(await sh(process.execPath, [tsc, "-p", "."], project)).toBe("");
    const output = JSON.parse(await sh(process.execPath, ["out/consumer.js", verifier.url, region, `pkg-${run}-ts`], project));
    expect(output).toMatchObject({ name: `pkg-${run}-ts`, listed: 1 });
    // A wrong call is a compile error.
    writeFileSync(
      join(project, "wrong.ts"),
      'import { createKeyPairsClient } from "@ec2-keypairs/client";\ncreateKeyPairsClient({ endpoint: 1 });\n',
    );
    const wrong = await spawn(
      process.execPath,
      [
        tsc,
        "--strict",
        "--noEmit",
        "--module",
        "nodenext",
        "--types",
        "node",
        "--typeRoots",
        join(ROOT, "node_modules/@types"),
        "wrong.ts",
      ],
      project,
    );
    expect(wrong.code).not.toBe(0);
    expect(wrong.stdout).toMatch(/wrong\.ts\(2,\d+\): error TS2322/);
  }, 180_000); // two tsc --strict runs with the lib checks on

  test("npx ec2-keypairs: --help, create --ttl --out, ls --query --output text, rm; its start time", async () => {
    const help = await sh("npx", ["--no-install", "ec2-keypairs", "--help"], project);
    expect(help).toMatch(/^Exit codes:$/m);
    const name = `pkg-${run}-cli`;
    const cli = (args: string[]) => sh("npx", ["--no-install", "ec2-keypairs", ...args], project, { EC2_KEYPAIRS_ENDPOINT: verifier.url });
    const created = JSON.parse(
      await cli([
        "create",
        name,
        "--type",
        "ed25519",
        "--ttl",
        "2h",
        "--out",
        join(work, `${name}.pem`),
        "--region",
        region,
        "--output",
        "json",
      ]),
    );
    expect(created).toMatchObject({ name, keyType: "ed25519", expiresAt: expect.any(String) });
    expect(await cli(["ls", "--region", region, "--name", name, "--query", "items[].[name, keyPairId]", "--output", "text"])).toBe(
      `${name}\t${created.keyPairId}\n`,
    );
    expect(await cli(["rm", name, "--region", region])).toBe(`deleted ${name}\n`);

    // Start time: the installed bin's --help, best of 5, against a bare `node -e 0`.
    const best = async (args: string[]) => {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = process.hrtime.bigint();
        await sh(process.execPath, args, project);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      return Math.min(...times);
    };
    const bare = await best(["-e", "0"]);
    const cliStart = await best(["node_modules/.bin/ec2-keypairs", "--help"]);
    console.log(`CLI start (--help, best of 5): ${cliStart.toFixed(0)} ms; bare node: ${bare.toFixed(0)} ms`);
    expect(cliStart).toBeLessThan(2000);
  });
});
