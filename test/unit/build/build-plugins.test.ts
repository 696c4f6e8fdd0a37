/**
 * The esbuild plugins of the Lambda bundles (build/esbuild-plugins.cjs), on a bundle of the SDK
 * built the way serverless.yml builds the functions, run in a child process against a local endpoint.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { deployedBuildOptions } from "../../../bench/artifacts.js";
import { ROOT } from "../../../scripts/local-stack.js";

const ENTRY = `
import { SSMClient, PutParameterCommand } from "@aws-sdk/client-ssm";
const client = new SSMClient({ region: "eu-west-1", endpoint: process.env.SSM_ENDPOINT, maxAttempts: 1 });
try {
  await client.send(new PutParameterCommand({ Name: "/ec2/keypair/key-1", Value: "v", Type: "SecureString" }));
  console.log(JSON.stringify({ sent: true }));
} catch (error) {
  console.log(JSON.stringify({ name: error.name, fault: error.$fault, status: error.$metadata?.httpStatusCode, message: error.message }));
}`;

let dir: string;
let server: Server;
let endpoint: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "build-plugins-"));
  server = createServer((request, response) => {
    request
      .resume()
      .on("end", () =>
        response
          .writeHead(400, { "content-type": "application/x-amz-json-1.1" })
          .end(JSON.stringify({ __type: "ParameterAlreadyExists", message: "The parameter already exists." })),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function bundle(name: string, env: Record<string, string> = {}, contents = ENTRY): Promise<string> {
  const saved = process.env.FULL_CREDENTIAL_CHAIN;
  process.env.FULL_CREDENTIAL_CHAIN = env.FULL_CREDENTIAL_CHAIN ?? "";
  try {
    const outfile = join(dir, `${name}.mjs`);
    await build({
      stdin: { contents, resolveDir: ROOT, loader: "js" },
      outfile,
      bundle: true,
      platform: "node",
      target: "node24",
      logLevel: "error",
      ...deployedBuildOptions(),
    });
    return outfile;
  } finally {
    process.env.FULL_CREDENTIAL_CHAIN = saved;
  }
}

const run = async (file: string, env: NodeJS.ProcessEnv = {}, unset: string[] = []) => {
  const { stdout } = await promisify(execFile)(`${ROOT}/node_modules/.bin/node`, [file], {
    env: Object.fromEntries(
      Object.entries({
        ...process.env,
        SSM_ENDPOINT: endpoint,
        AWS_ACCESS_KEY_ID: "a",
        AWS_SECRET_ACCESS_KEY: "b",
        AWS_PROFILE: "",
        ...env,
      }).filter(([name]) => !unset.includes(name)),
    ),
  });
  return JSON.parse(stdout.trim());
};

test("SSM's modeled error classes are left out, and an SSM error still arrives with its code as name, its fault and status", async () => {
  const file = await bundle("ssm");
  const code = readFileSync(file, "utf8");
  // An error class this service never meets (client-ssm models ~180).
  expect(code).not.toContain("AssociationAlreadyExists");
  expect(await run(file)).toEqual({
    name: "ParameterAlreadyExists",
    fault: "client",
    status: 400,
    message: "The parameter already exists.",
  });
}, 60_000);

test("Lambda bundles resolve credentials from the environment only; FULL_CREDENTIAL_CHAIN=true keeps the SDK's whole chain", async () => {
  const lambda = readFileSync(await bundle("lambda"), "utf8");
  const full = readFileSync(await bundle("full", { FULL_CREDENTIAL_CHAIN: "true" }), "utf8");
  // Settings only the other providers read (SSO profiles, credential_process, web identity).
  for (const setting of ["sso_start_url", "credential_process", "AWS_WEB_IDENTITY_TOKEN_FILE"]) {
    expect([setting, lambda.includes(setting), full.includes(setting)]).toEqual([setting, false, true]);
  }
  expect(full.length - lambda.length).toBeGreaterThan(50_000);
  expect(await run(join(dir, "lambda.mjs"))).toMatchObject({ name: "ParameterAlreadyExists" });
}, 60_000);

test("the environment credentials are read once per client, like the default chain's (not on every request)", async () => {
  const outfile = join(dir, "twice.mjs");
  const contents = `${ENTRY}\ndelete process.env.AWS_ACCESS_KEY_ID;\n${ENTRY.replace(/^import .*$/m, "")
    .replace("const client =", "const again = client; const unused =")
    .replaceAll("await client.send", "await again.send")}`;
  await build({
    stdin: { contents, resolveDir: ROOT, loader: "js" },
    outfile,
    bundle: true,
    platform: "node",
    target: "node24",
    logLevel: "error",
    ...deployedBuildOptions(),
  });
  const { stdout } = await promisify(execFile)(`${ROOT}/node_modules/.bin/node`, [outfile], {
    env: { ...process.env, SSM_ENDPOINT: endpoint, AWS_ACCESS_KEY_ID: "a", AWS_SECRET_ACCESS_KEY: "b", AWS_PROFILE: "" },
  });
  // Both calls reached SSM (signed): the second with the credentials read before the variable went.
  expect(
    stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line).name),
  ).toEqual(["ParameterAlreadyExists", "ParameterAlreadyExists"]);
}, 60_000);

test("the event-stream serde is not bundled (nor node:zlib it loads), and reaching for it says why", async () => {
  const code = readFileSync(await bundle("no-event-streams"), "utf8");
  // A message of @smithy/core's event-stream codec, and the CRC32 it checks messages with.
  expect(code).not.toContain("event stream message overhead");
  expect(code).not.toContain('require("node:zlib")');
  const outfile = join(dir, "event-streams.mjs");
  const contents =
    `const streams = await import("@smithy/core/event-streams"); try { streams.eventStreamSerdeProvider({}); } catch ` +
    `(error) { console.log(error.message); }`;
  await build({
    stdin: { contents, resolveDir: ROOT, loader: "js" },
    outfile,
    bundle: true,
    platform: "node",
    target: "node24",
    logLevel: "error",
    ...deployedBuildOptions(),
  });
  const { stdout } = await promisify(execFile)(`${ROOT}/node_modules/.bin/node`, [outfile]);
  expect(stdout).toContain("event streams are not bundled");
}, 60_000);

test("Lambda bundles take the SDK's settings from the environment only (no shared config files); FULL_CREDENTIAL_CHAIN=true reads them", async () => {
  const configFile = join(dir, "config");
  writeFileSync(configFile, "[default]\nregion = eu-west-3\nmax_attempts = 7\n");
  const contents = `
import { SSMClient } from "@aws-sdk/client-ssm";
const client = new SSMClient({});
const fsPromises = () => process.moduleLoadList.some((name) => name.endsWith("internal/fs/promises"));
console.log(JSON.stringify({ region: await client.config.region().catch(() => "none"), maxAttempts: await client.config.maxAttempts(), fsPromises: fsPromises() }));`;
  const env = { AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials") };
  const unset = ["AWS_REGION", "AWS_DEFAULT_REGION", "AWS_MAX_ATTEMPTS"];
  const lambda = await bundle("settings-lambda", {}, contents);
  expect(await run(lambda, env, unset)).toEqual({ region: "none", maxAttempts: 3, fsPromises: false });
  expect(await run(await bundle("settings-full", { FULL_CREDENTIAL_CHAIN: "true" }, contents), env, unset)).toEqual({
    region: "eu-west-3",
    maxAttempts: 7,
    fsPromises: true,
  });
  // The environment still counts.
  expect(await run(lambda, { ...env, AWS_REGION: "eu-north-1", AWS_MAX_ATTEMPTS: "5" })).toMatchObject({
    region: "eu-north-1",
    maxAttempts: 5,
  });
}, 60_000);

test("Node builtins: plain values imported by name are read from require()'s exports with no interop copy; getters stay lazy; namespaces " +
  "and import() get the whole module", async () => {
  const plain = `
import { request } from "node:http";
import https from "node:https";
import { createRequire } from "node:module";
const real = createRequire(import.meta.url);
console.log(JSON.stringify({ same: request === real("node:http").request && https === real("node:https") }));`;
  const file = await bundle("builtins-plain", {}, plain);
  // No CommonJS interop: nothing copies a builtin's exports at load.
  expect(readFileSync(file, "utf8")).not.toContain("getOwnPropertyNames");
  expect(await run(file)).toEqual({ same: true });

  // fs.ReadStream is a getter that loads Node's file streams (and fs/promises): only when used.
  const getter = `
import { ReadStream, fstatSync } from "node:fs";
import { createRequire } from "node:module";
const streamsLoaded = () => process.moduleLoadList.some((name) => name.endsWith("internal/fs/streams"));
const before = streamsLoaded();
const same = typeof fstatSync === "function" && ReadStream === createRequire(import.meta.url)("node:fs").ReadStream;
console.log(JSON.stringify({ before, same, after: streamsLoaded() }));`;
  expect(await run(await bundle("builtins-getter", {}, getter))).toEqual({ before: false, same: true, after: true });

  // A namespace used as a value must not read node:http's getters (they load undici).
  const namespace =
    `import * as http from "node:http"; console.log(JSON.stringify({ keys: Object.keys(http).length > 10, undici: ` +
    `process.moduleLoadList.some((name) => name.includes("undici")) }));`;
  expect(await run(await bundle("builtins-namespace", {}, namespace))).toEqual({ keys: true, undici: false });

  const dynamic =
    `const http = await import("node:http"); console.log(JSON.stringify({ request: typeof http.request, agent: typeof ` +
    `http.default.Agent }));`;
  expect(await run(await bundle("builtins-dynamic", {}, dynamic))).toEqual({ request: "function", agent: "function" });
}, 60_000);
