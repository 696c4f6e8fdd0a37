/** build/plugins/standard-retries.cjs: the adaptive retry strategy's stand-in, against the installed importer and the clients of src/. */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { deployedBuildOptions } from "../../../bench/artifacts.js";
import { clientOptions, scopedClientOptions } from "../../../src/lib/aws/clients.js";
import { load, ROOT, setup } from "./plugin-harness.js";

const guard = load("plugins/guard.cjs");
const { standardRetries, guardImporter, STAND_IN, IMPORTER } = load("plugins/standard-retries.cjs");
const importerPath = join(guard.packageDir("@smithy/core"), IMPORTER);
const importer = () => readFileSync(importerPath, "utf8");

test("only the retry configuration's import of the adaptive strategy resolves to the stand-in", () => {
  const { onResolve, onLoad } = setup(standardRetries);
  const standIn = { path: "standard-retries", namespace: "standard-retries" };
  expect(onResolve[0]!.callback({ path: "../util-retry/AdaptiveRetryStrategy", importer: importerPath })).toEqual(standIn);
  const barrel = join(guard.packageDir("@smithy/core"), "dist-es/submodules/retry/index.js");
  expect(onResolve[0]!.callback({ path: "../util-retry/AdaptiveRetryStrategy", importer: barrel })).toBeUndefined();
  expect(onLoad[0]!.callback({ path: "standard-retries" })).toEqual({ contents: STAND_IN, loader: "js" });
});

test("a retry configuration that builds the adaptive strategy otherwise stops the build", () => {
  expect(() => guardImporter(importer())).not.toThrow();
  expect(() => guardImporter(importer().replace("if (adaptive) {", "if (true) {"))).toThrow(/^standard-retries: /);
  expect(() => guardImporter(`${importer()}\nexport const other = new AdaptiveRetryStrategy();`)).toThrow(/^standard-retries: /);
});

test("every SDK client of src/ is built with clientOptions or scopedClientOptions, which ask for standard retries", () => {
  const dir = join(ROOT, "src/lib/aws");
  const constructed = readdirSync(dir).flatMap((file) =>
    [...readFileSync(join(dir, file), "utf8").matchAll(/new (?:[\w.]+\.)?(\w+Client)\(\s*(\w+)\(/g)].map(([, client, options]) => [
      file,
      client,
      options,
    ]),
  );
  expect(constructed.map(([, client]) => client).sort()).toEqual(
    ["AutoScalingClient", "DynamoDBClient", "EC2Client", "EventBridgeClient", "OrganizationsClient", "SSMClient", "STSClient"].sort(),
  );
  expect(constructed.filter(([, , options]) => options !== "clientOptions" && options !== "scopedClientOptions")).toEqual([]);
  expect(clientOptions("eu-west-1", undefined, 1).retryMode).toBe("standard");
  expect(scopedClientOptions("eu-west-1", undefined, 1).retryMode).toBe("standard");
});

test("built as deployed, a client retries with the standard strategy, and one that asks for adaptive retries is told they are not bundled", async () => {
  const dir = mkdtempSync(join(tmpdir(), "standard-retries-"));
  try {
    const contents = `import { EC2Client } from "@aws-sdk/client-ec2";
const strategy = async (retryMode) => { try { return (await new EC2Client({ region: "eu-west-1", retryMode }).config.retryStrategy()).mode; } catch (error) { return error.message; } };
console.log(JSON.stringify([await strategy("standard"), await strategy("adaptive")]));`;
    const outfile = join(dir, "retries.mjs");
    await build({ ...deployedBuildOptions(), stdin: { contents, resolveDir: ROOT, loader: "js" }, outfile, logLevel: "error" });
    expect(readFileSync(outfile, "utf8")).not.toContain("DefaultRateLimiter");
    const { stdout } = await promisify(execFile)(`${ROOT}/node_modules/.bin/node`, [outfile]);
    expect(JSON.parse(stdout)).toEqual([
      "standard",
      "adaptive retries are not bundled: every client is built with retryMode standard (build/esbuild-plugins.cjs)",
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
