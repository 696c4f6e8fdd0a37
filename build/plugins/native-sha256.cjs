// native-sha256: @smithy/core's Node hash (SigV4 signs every call with it) falls back to a SHA-256
// written in JavaScript when node:crypto has no sha256, which no Node that runs on Lambda lacks. The
// fallback was 3.3 KB of every function's INIT (decision 0029); the bundles take node:crypto's.
const { patchingPlugin } = require("./guard.cjs");

const NAME = "native-sha256";
const FILTER = /@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]checksum[\\/]sha256[\\/]Sha256Node\.js$/;
const FALLBACK_IMPORT = 'import { Sha256Js } from "./Sha256Js";\n';
const CHOICE = "export const Sha256Node = hasNativeCrypto ? buildNativeClass() : Sha256Js;";

/** The Node hash without its JavaScript fallback (the guard holds the file to the text this was written for). */
function nativeOnly(source) {
  if (!source.includes(FALLBACK_IMPORT) || !source.includes(CHOICE) || source.split("Sha256Js").length !== 4)
    throw new Error(`${NAME}: @smithy/core's Sha256Node.js chooses its hash differently now; see build/plugins/native-sha256.cjs`);
  return source.replace(FALLBACK_IMPORT, "").replace(CHOICE, "export const Sha256Node = buildNativeClass();");
}

const nativeSha256 = patchingPlugin(NAME, FILTER, nativeOnly);

module.exports = { nativeSha256, nativeOnly, FILTER };
