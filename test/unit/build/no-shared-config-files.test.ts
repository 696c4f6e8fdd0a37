/** build/plugins/no-shared-config-files.cjs on the installed shared config loader. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { alteredCopy, load, setup } from "./plugin-harness.js";

const guard = load("plugins/guard.cjs");
const { noSharedConfigFiles, noFilesLoader, noMetadataRegion, FILTER } = load("plugins/no-shared-config-files.cjs");
const FILE = "@smithy/core/dist-es/submodules/config/shared-ini-file-loader/loadSharedConfigFiles.js";
const installed = join(guard.packageDir("@smithy/core"), FILE.slice("@smithy/core/".length));

const loaded = async (path: string) => {
  const saved = process.env.FULL_CREDENTIAL_CHAIN;
  delete process.env.FULL_CREDENTIAL_CHAIN;
  try {
    const { onLoad } = setup(noSharedConfigFiles);
    expect(onLoad[0]!.options.filter.test(path)).toBe(true);
    return (await onLoad[0]!.callback({ path })) as { contents: string };
  } finally {
    if (saved !== undefined) process.env.FULL_CREDENTIAL_CHAIN = saved;
  }
};

test("the installed loader is replaced by one that answers no files, with the same exports and no file reads", async () => {
  expect(FILTER.test(installed)).toBe(true);
  expect(readFileSync(installed, "utf8")).toContain("readFile(");
  const { contents } = await loaded(installed);
  expect(contents.split("\n")).toEqual([
    'export { CONFIG_PREFIX_SEPARATOR } from "./constants";',
    "export const loadSharedConfigFiles = async () => ({ configFile: {}, credentialsFile: {} });",
  ]);
});

test("the instance metadata's region is one not found, at once: no request to the metadata service", async () => {
  const lookup = join(
    guard.packageDir("@smithy/core"),
    "dist-es/submodules/config/config-resolver/regionConfig/getInstanceMetadataRegion.js",
  );
  expect(FILTER.test(lookup)).toBe(true);
  expect(readFileSync(lookup, "utf8")).toContain("imdsRequest(");
  expect((await loaded(lookup)).contents).toBe("export const getInstanceMetadataRegion = async () => undefined;");
  expect(() => noMetadataRegion(readFileSync(lookup, "utf8").replace("return cacheNegativeAndReturnUndefined();", ""))).toThrow(
    /^no-shared-config-files: the SDK's instance metadata region lookup changed/,
  );
});

test("another loader stops the build, naming the plugin and both hashes", async () => {
  const path = alteredCopy(FILE, readFileSync(installed, "utf8").replace("credentialsFile:", "credentials:"));
  const expected = guard.EXPECTED["no-shared-config-files"].files[FILE];
  const message = new RegExp(`^no-shared-config-files: .* has sha256 [0-9a-f]{64}, it was written against ${expected}\\.`);
  await expect(loaded(path)).rejects.toThrow(message);
});

test("a loader whose exports or result changed fails the pattern check", () => {
  const source = readFileSync(installed, "utf8");
  const renamed = source.replace("credentialsFile:", "credentials:");
  expect(() => noFilesLoader(renamed)).toThrow(/^no-shared-config-files: the SDK's shared config loader changed/);
  expect(() => noFilesLoader(`${source}\nexport const more = 1;\n`)).toThrow(/^no-shared-config-files:/);
});

test("FULL_CREDENTIAL_CHAIN=true leaves the loader alone", () => {
  process.env.FULL_CREDENTIAL_CHAIN = "true";
  try {
    expect(setup(noSharedConfigFiles).onLoad).toHaveLength(0);
  } finally {
    delete process.env.FULL_CREDENTIAL_CHAIN;
  }
});
