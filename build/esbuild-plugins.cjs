// esbuild plugins for the Lambda bundles (serverless.yml custom.esbuild.plugins, and bench/), in the
// order esbuild runs them; each is in build/plugins/ with why it exists. Those that patch a
// dependency stop the build if it is not what they were written against (build/plugins/guard.cjs).
const { pureSdkSchemas, markSchemasPure } = require("./plugins/pure-sdk-schemas.cjs");
const { moduleParts } = require("./plugins/module-parts.cjs");
const { requireNodeBuiltins } = require("./plugins/require-node-builtins.cjs");
const { lambdaCredentials } = require("./plugins/lambda-credentials.cjs");
const { noSharedConfigFiles } = require("./plugins/no-shared-config-files.cjs");
const { noEventStreams } = require("./plugins/no-event-streams.cjs");
const { standardRetries } = require("./plugins/standard-retries.cjs");
const { deepProtocolImports } = require("./plugins/deep-protocol-imports.cjs");
const { sdkVersionOnly } = require("./plugins/sdk-version-only.cjs");
const { nativeSha256 } = require("./plugins/native-sha256.cjs");
const { chunksBesideEntry } = require("./plugins/chunks-beside-entry.cjs");
// The spec and the docs page the docs function serves, built at package time.
const { docsPlugin } = require("./docs-plugin.cjs");

module.exports = [
  pureSdkSchemas,
  moduleParts,
  requireNodeBuiltins,
  lambdaCredentials,
  noSharedConfigFiles,
  noEventStreams,
  standardRetries,
  nativeSha256,
  deepProtocolImports,
  sdkVersionOnly,
  chunksBesideEntry,
  docsPlugin,
];
module.exports.markSchemasPure = markSchemasPure;
