// sdk-version-only: a client's package.json, which its runtimeConfig imports whole for one value
// (its version, in the User-Agent), bundled as that value alone. The whole file was 2.3 KB of
// client-ec2 in every function's INIT (decision 0029). Guarded: if a client reads anything else of
// it, the build stops.
const { readFile } = require("node:fs/promises");
const { dirname, join } = require("node:path");

const NAME = "sdk-version-only";
const FILTER = /[\\/]node_modules[\\/]@aws-sdk[\\/]client-[a-z0-9-]+[\\/]package\.json$/;
const READ = /\bpackageInfo\b(\.\w+)?/g;

/** Throws unless the client's runtimeConfig reads nothing of its package.json but `version`. */
function guardReader(source, path) {
  const uses = [...source.matchAll(READ)].map(([, member]) => member ?? "");
  // The import line names it without a member; every other use reads .version.
  if (uses.filter((member) => member !== ".version").length !== 1)
    throw new Error(`${NAME}: ${path} reads its package.json other than as packageInfo.version; bundle the whole file again`);
}

const sdkVersionOnly = {
  name: NAME,
  setup(build) {
    build.onLoad({ filter: FILTER }, async (args) => {
      const runtimeConfig = join(dirname(args.path), "dist-es", "runtimeConfig.js");
      guardReader(await readFile(runtimeConfig, "utf8"), runtimeConfig);
      const { version } = JSON.parse(await readFile(args.path, "utf8"));
      return { contents: JSON.stringify({ version }), loader: "json" };
    });
  },
};

module.exports = { sdkVersionOnly, guardReader, FILTER };
