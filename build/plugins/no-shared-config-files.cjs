// no-shared-config-files: on Lambda there is no ~/.aws/config or ~/.aws/credentials, yet the
// clients' settings (region, FIPS, retries, app id...) each look there before their defaults, which
// loads node:fs/promises and reads two files that are not there: ~3 % of a cold start. The Lambda
// bundles read settings from the environment only (the loader answers "no files"); the same
// FULL_CREDENTIAL_CHAIN=true as lambda-credentials keeps the files for a local stack against real AWS.
// Nor is there instance metadata on Lambda: a region found nowhere else was asked of it (the EC2
// instance metadata service, 1.2 KB of every function's INIT, decision 0029), and now is not found.
const { patchingPlugin } = require("./guard.cjs");

const NAME = "no-shared-config-files";
const FILTER =
  /@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]config[\\/](shared-ini-file-loader[\\/]loadSharedConfigFiles|config-resolver[\\/]regionConfig[\\/]getInstanceMetadataRegion)\.js$/;
const LOADER_EXPORTS = 'export { CONFIG_PREFIX_SEPARATOR } from "./constants";\nexport const loadSharedConfigFiles = async (';
const METADATA_REGION = "export const getInstanceMetadataRegion = async () => {";

/** The loader answering "no files", with the same exports. */
function noFilesLoader(source) {
  // What the SDK expects back (configFile, credentialsFile) and exports: stop the build if that changed.
  const exports = (source.match(/^export /gm) ?? []).length;
  if (!source.includes(LOADER_EXPORTS) || exports !== 2 || !/configFile: .*\n\s*credentialsFile: /.test(source)) {
    throw new Error(`${NAME}: the SDK's shared config loader changed; see build/plugins/no-shared-config-files.cjs`);
  }
  return `${LOADER_EXPORTS}) => ({ configFile: {}, credentialsFile: {} });`;
}

/** The instance metadata's region as where there is none: undefined, what the SDK's lookup answers when it finds none. */
function noMetadataRegion(source) {
  const exports = (source.match(/^export /gm) ?? []).length;
  if (!source.includes(METADATA_REGION) || exports !== 1 || !source.includes("return cacheNegativeAndReturnUndefined();")) {
    throw new Error(`${NAME}: the SDK's instance metadata region lookup changed; see build/plugins/no-shared-config-files.cjs`);
  }
  return "export const getInstanceMetadataRegion = async () => undefined;";
}

const noSharedConfigFiles = patchingPlugin(
  NAME,
  FILTER,
  (source, path) => (path.includes("getInstanceMetadataRegion") ? noMetadataRegion(source) : noFilesLoader(source)),
  () => process.env.FULL_CREDENTIAL_CHAIN !== "true",
);

module.exports = { noSharedConfigFiles, noFilesLoader, noMetadataRegion, FILTER };
