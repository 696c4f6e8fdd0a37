// standard-retries: every client of the service is built with retryMode "standard"
// (src/lib/aws/clients.ts clientOptions), yet @smithy/core's retry configuration imports the adaptive
// strategy, and with it its client-side rate limiter, for the mode no client asks for: 3.3 KB of
// every function's INIT (decision 0029). Its import resolves to a stand-in that says so if a client
// ever asks for adaptive retries (test/unit/build/standard-retries.test.ts holds the clients to standard).
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { EXPECTED, guardPlugin, packageDir } = require("./guard.cjs");

const NAME = "standard-retries";
const FILTER = /^\.\.\/util-retry\/AdaptiveRetryStrategy$/;
const IMPORTER = "dist-es/submodules/retry/middleware-retry/configurations.js";
const IMPORT = 'import { AdaptiveRetryStrategy } from "../util-retry/AdaptiveRetryStrategy";';
// The message ships in the bundles: changing it changes them.
const STAND_IN =
  "export class AdaptiveRetryStrategy { constructor() { " +
  "throw new Error('adaptive retries are not bundled: every client is built with retryMode standard (build/esbuild-plugins.cjs)'); } }";

/** The stand-in exports what the importer takes, and the importer builds it only for the adaptive mode: fail otherwise. */
function guardImporter(source) {
  const uses = source.replace(IMPORT, "").split("AdaptiveRetryStrategy").length - 1;
  if (source.split(IMPORT).length !== 2 || uses !== 1 || !/if \(adaptive\) \{\n\s*return new AdaptiveRetryStrategy\(/.test(source)) {
    const what = `@smithy/core's ${IMPORTER} no longer builds the adaptive strategy only for retryMode adaptive, as \`${IMPORT}\``;
    throw new Error(`${NAME}: ${what}. Re-check ${EXPECTED[NAME].recheck}.`);
  }
}

const standardRetries = {
  name: NAME,
  setup(build) {
    guardPlugin(NAME);
    const importer = join(packageDir("@smithy/core"), IMPORTER);
    guardImporter(readFileSync(importer, "utf8"));
    const standIn = { path: "standard-retries", namespace: NAME };
    build.onResolve({ filter: FILTER }, (args) => (args.importer === importer ? standIn : undefined));
    build.onLoad({ filter: /.*/, namespace: NAME }, () => ({ contents: STAND_IN, loader: "js" }));
  },
};

module.exports = { standardRetries, guardImporter, STAND_IN, IMPORTER };
