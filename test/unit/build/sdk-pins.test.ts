/** The AWS SDK clients are pinned to one release: their shared core packages then resolve to one copy each. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./plugin-harness.js";

const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8"));
const direct = Object.entries<string>({ ...manifest.dependencies, ...manifest.devDependencies });
const clients = direct.filter(([name]) => name.startsWith("@aws-sdk/client-"));

test("the direct @aws-sdk/client-* dependencies are pinned to one exact version", () => {
  expect(clients.length).toBeGreaterThan(0);
  for (const [name, version] of clients) expect([name, version]).toEqual([name, expect.stringMatching(/^\d+\.\d+\.\d+$/)]);
  expect(new Set(clients.map(([, version]) => version)).size).toBe(1);
});

test("the lockfile installs those versions, and a single copy of each @aws-sdk/* and @smithy/* package", () => {
  for (const [name, version] of clients) expect([name, lock.packages[`node_modules/${name}`]?.version]).toEqual([name, version]);
  const nested = Object.keys(lock.packages).filter((path) => /node_modules\/.+\/node_modules\/@(aws-sdk|smithy)\//.test(path));
  expect(nested).toEqual([]);
});
