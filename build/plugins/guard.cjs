// What the plugins that patch a dependency were written against, checked when the build runs: a
// patch applied to another version or file text could be silently wrong, so the build stops instead.
// Update a value only after the re-check its entry names, and then run test/unit/build/ (jest, unit project).
const { createHash } = require("node:crypto");
const { readFileSync } = require("node:fs");
const { readFile } = require("node:fs/promises");
const { dirname, join } = require("node:path");

const ROOT = join(__dirname, "..", "..");

/** Per plugin: package versions and sha256 of the installed files it rewrites (keys: package name + path in it). */
const EXPECTED = {
  "pure-sdk-schemas": {
    packages: {
      "@aws-sdk/client-ec2": "3.1169.0",
      "@aws-sdk/client-ssm": "3.1169.0",
      "@aws-sdk/client-auto-scaling": "3.1169.0",
      "@aws-sdk/client-eventbridge": "3.1169.0",
    },
    files: {
      "@aws-sdk/client-auto-scaling/dist-es/schemas/schemas_0.js": "1bb7a22cf42f369bba5e9e5fb336e9e5caf7ebbbdb2a27ce816a903936d0717c",
      "@aws-sdk/client-ec2/dist-es/schemas/schemas_0.js": "91d07e03b55ca472bb37f1a9144f10d2553880031e367191f84f43a7485e4602",
      "@aws-sdk/client-ssm/dist-es/schemas/schemas_0.js": "c1f6b9d556a48626eecc4cb6e708536e0e30acfed2dc88a903faee094ce5ecfd",
      "@aws-sdk/client-eventbridge/dist-es/schemas/schemas_0.js": "1bfc426f008fc10fdbc1ca326deef66bae7d5213c474d405b7993d9adc76b1f1",
    },
    recheck:
      "that the schemas are still top-level `var X = [...]` arrays in dist-es/schemas/schemas_*.js, that SSM and Auto Scaling still register " +
      "their modeled errors as `n0_registry.registerError(X$, X);` lines, that the structures prune-output-shapes.cjs cuts still " +
      "deserialize by their members (the usage integration tests), and that an SSM error still arrives with its code as " +
      "name (test/unit/build/build-plugins.test.ts)",
  },
  "lambda-credentials": {
    packages: { "@aws-sdk/credential-provider-node": "3.972.97", "@aws-sdk/credential-provider-env": "3.972.84" },
    recheck:
      "that the default chain still starts with fromEnv and memoizes as build/lambda-credentials.mjs does, " +
      "and that the clients import only defaultProvider from it",
  },
  "no-shared-config-files": {
    packages: { "@smithy/core": "3.41.1" },
    files: {
      "@smithy/core/dist-es/submodules/config/shared-ini-file-loader/loadSharedConfigFiles.js":
        "6254ceb3bfa2d608c8b279c0171e80bc10025994dfad05dc978e597aa3471876",
      "@smithy/core/dist-es/submodules/config/config-resolver/regionConfig/getInstanceMetadataRegion.js":
        "da6d439b0eb4d93a17f5919d6e9d349b3931b2ac9e913b13b7abe3e4f61ee9fa",
    },
    recheck:
      'loadSharedConfigFiles\' exports, and that its callers still take { configFile: {}, credentialsFile: {} } as "no files"; ' +
      "that getInstanceMetadataRegion still answers undefined when it finds no region, and is asked only after the environment",
  },
  "native-sha256": {
    packages: { "@smithy/core": "3.41.1" },
    files: {
      "@smithy/core/dist-es/submodules/checksum/sha256/Sha256Node.js": "0599f9253cbb8ca468a840d1eab931c5029fa0c97d4eb47e1017a3f32d45f33c",
    },
    recheck: "that Sha256Node.js still uses node:crypto's sha256 when it has one, and falls back to Sha256Js only when it has not",
  },
  "deep-protocol-imports": {
    packages: { "@aws-sdk/core": "3.981.2", "@smithy/core": "3.41.1" },
    recheck:
      "that the barrels it names (@aws-sdk/core's and @smithy/core's protocols, client, httpAuthSchemes and serde submodules, @smithy/core's root) " +
      "still re-export in one-line `export { … } from` statements and declare the rest in `export const|function|class` ones, " +
      "and that the SDK still imports from them in one-line `import { … } from` statements",
  },
  "standard-retries": {
    packages: { "@smithy/core": "3.41.1" },
    recheck:
      "which modules import the adaptive retry strategy (only middleware-retry/configurations.js, for retryMode adaptive), " +
      "and that every client of src/ is still built with clientOptions' retryMode standard",
  },
  "module-parts": {
    packages: { "@smithy/core": "3.41.1" },
    files: {
      "@smithy/core/dist-es/submodules/serde/date-utils.js": "9b64f13c90463b44c0183721802eb8e482f3207d12b4f397c92a9da9ed688590",
    },
    recheck: "that the modules it splits still hold only declarations (and imports), and what INIT loads (npm run bench's artifact table)",
  },
  "no-event-streams": {
    packages: { "@smithy/core": "3.41.1" },
    recheck: "which modules import @smithy/core/event-streams (only HttpProtocol, dynamically: EventStreamSerde, eventStreamSerdeProvider)",
  },
};

const fail = (plugin, what, recheck) => {
  throw new Error(`${plugin}: ${what}. Re-check ${recheck}; then update the expected value in build/plugins/guard.cjs.`);
};

/** The directory of `pkg` as the project resolves it. */
const packageDir = (pkg, root = ROOT) => dirname(require.resolve(`${pkg}/package.json`, { paths: [root] }));

/** Throws unless `pkg`, resolved from `root`, is `version`. */
function guardPackage({ plugin, pkg, version, recheck = "the plugin", root = ROOT }) {
  let found;
  try {
    found = JSON.parse(readFileSync(join(packageDir(pkg, root), "package.json"), "utf8")).version;
  } catch (error) {
    const why = error.code ?? error.message;
    fail(plugin, `${pkg} is not installed where the project resolves it (${why}); it was written against ${version}`, recheck);
  }
  if (found !== version) fail(plugin, `${pkg} is ${found}, it was written against ${version}`, recheck);
  return found;
}

/**
 * Throws unless the file (`file`: package name + path in it) has `sha256`: the installed one, or `path` with
 * `contents` (the copy esbuild is loading). With `filter`, also unless the plugin's filter matches it.
 */
function guardFile({ plugin, file, sha256, recheck = "the plugin", path, contents, filter, root = ROOT }) {
  const pkg = file
    .split("/")
    .slice(0, file.startsWith("@") ? 2 : 1)
    .join("/");
  let bytes = contents;
  let at = path;
  try {
    at ??= join(packageDir(pkg, root), file.slice(pkg.length + 1));
    bytes ??= readFileSync(at);
  } catch (error) {
    fail(plugin, `${file} is not where it was (${error.code ?? error.message}): the package's layout changed`, recheck);
  }
  if (filter && !filter.test(at)) fail(plugin, `its filter ${filter} no longer matches ${at}`, recheck);
  const found = createHash("sha256").update(bytes).digest("hex");
  if (found !== sha256) fail(plugin, `${file} (${at}) has sha256 ${found}, it was written against ${sha256}`, recheck);
  return found;
}

/** At setup: every package and installed file `plugin` was written against (a moved file fails here, not silently). */
function guardPlugin(plugin, { filter, root = ROOT } = {}) {
  const { packages = {}, files = {}, recheck } = EXPECTED[plugin];
  for (const [pkg, version] of Object.entries(packages)) guardPackage({ plugin, pkg, version, recheck, root });
  for (const [file, sha256] of Object.entries(files)) guardFile({ plugin, file, sha256, recheck, filter, root });
}

/** In onLoad: the bytes about to be patched must be one of the files `plugin` was written against. */
function guardLoaded(plugin, path, contents) {
  const { files = {}, recheck } = EXPECTED[plugin];
  const normalized = path.split("\\").join("/");
  const file = Object.keys(files).find((key) => normalized.endsWith(`/node_modules/${key}`));
  if (file === undefined) fail(plugin, `it matched ${path}, a file it was not written for`, recheck);
  guardFile({ plugin, file, sha256: files[file], recheck, path, contents });
}

/**
 * An esbuild plugin that rewrites the dependency files `filter` matches with `transform`, after
 * checking the packages and files `name` was written against (at setup, and each file as loaded).
 * `enabled` is read at setup: false leaves the build untouched.
 */
function patchingPlugin(name, filter, transform, enabled = () => true) {
  return {
    name,
    setup(build) {
      if (!enabled()) return;
      guardPlugin(name, { filter });
      build.onLoad({ filter }, async (args) => {
        const bytes = await readFile(args.path);
        guardLoaded(name, args.path, bytes);
        return { contents: transform(bytes.toString("utf8"), args.path), loader: "js", resolveDir: dirname(args.path) };
      });
    },
  };
}

module.exports = { EXPECTED, ROOT, guardFile, guardLoaded, guardPackage, guardPlugin, packageDir, patchingPlugin };
