/** build/plugins/guard.cjs: what the plugins were written against is what is installed, and anything else stops the build. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { alteredCopy, load, sha256 } from "./plugin-harness.js";

const guard = load("plugins/guard.cjs");

test.each(Object.keys(guard.EXPECTED))("%s: its expected versions and hashes are the installed ones", (plugin) => {
  expect(() => guard.guardPlugin(plugin)).not.toThrow();
  const { packages = {}, files = {} } = guard.EXPECTED[plugin];
  for (const [pkg, version] of Object.entries(packages)) {
    expect([pkg, JSON.parse(readFileSync(join(guard.packageDir(pkg), "package.json"), "utf8")).version]).toEqual([pkg, version]);
  }
  for (const [file, hash] of Object.entries(files)) {
    const pkg = file.split("/").slice(0, 2).join("/");
    expect([file, sha256(readFileSync(join(guard.packageDir(pkg), file.slice(pkg.length + 1))))]).toEqual([file, hash]);
  }
});

test("another version stops the build with the plugin, the package, both versions and what to re-check", () => {
  const call = () => guard.guardPackage({ plugin: "some-plugin", pkg: "@smithy/core", version: "3.0.0", recheck: "the collector" });
  expect(call).toThrow(/^some-plugin: @smithy\/core is 3\.41\.1, it was written against 3\.0\.0\. Re-check the collector; then update/);
});

test("a package the project does not resolve stops the build", () => {
  const call = () => guard.guardPackage({ plugin: "p", pkg: "@aws-sdk/client-not-there", version: "1.0.0" });
  expect(call).toThrow(/^p: @aws-sdk\/client-not-there is not installed/);
});

test("a file with other contents, a missing file, or one the filter does not match stops the build", () => {
  const file = "@smithy/core/dist-es/submodules/config/shared-ini-file-loader/loadSharedConfigFiles.js";
  const expected = guard.EXPECTED["no-shared-config-files"].files[file];
  const other = "export const loadSharedConfigFiles = async () => ({});\n";
  const path = alteredCopy(file, other);
  expect(() => guard.guardFile({ plugin: "p", file, sha256: expected, path })).toThrow(
    new RegExp(`^p: ${file} \\(${path}\\) has sha256 ${sha256(other)}, it was written against ${expected}`),
  );
  const moved = () => guard.guardFile({ plugin: "p", file: "@smithy/core/dist-es/moved.js", sha256: expected });
  expect(moved).toThrow(/^p: @smithy\/core\/dist-es\/moved\.js is not where it was/);
  const unmatched = () => guard.guardFile({ plugin: "p", file, sha256: expected, filter: /loadSharedConfigFiles\.mjs$/ });
  expect(unmatched).toThrow(/^p: its filter .* no longer matches/);
  expect(guard.guardFile({ plugin: "p", file, sha256: expected, filter: /loadSharedConfigFiles\.js$/ })).toBe(expected);
});

test("guardLoaded refuses a file its plugin has no expectation for", () => {
  const path = "/x/node_modules/@aws-sdk/client-ec2/dist-es/schemas/schemas_1.js";
  expect(() => guard.guardLoaded("pure-sdk-schemas", path, Buffer.from(""))).toThrow(
    /^pure-sdk-schemas: it matched .*schemas_1\.js, a file it was not written for/,
  );
});
