// no-event-streams: @smithy/core's HttpProtocol loads its event-stream serde with a dynamic
// import(), which esbuild (no code splitting) can only honour by wrapping that module, and every
// module it imports, most of @smithy/core, in lazy init functions: ~160 wrappers run at load, and the
// event-stream code (~15 KB, zlib's CRC32) ships. No EC2 or SSM operation streams events, so that
// import resolves to a module that says so if it is ever reached.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { EXPECTED, guardPlugin, packageDir } = require("./guard.cjs");

const NAME = "no-event-streams";
const FILTER = /^@smithy\/core\/event-streams$/;
// The message ships in the bundles: changing it changes them.
const NO_EVENT_STREAMS =
  "export const EventStreamSerde = undefined; export const eventStreamSerdeProvider = () => { " +
  "throw new Error('event streams are not bundled: no EC2 or SSM operation uses them (build/esbuild-plugins.cjs)'); };";
const IMPORTER = "dist-es/submodules/protocols/HttpProtocol.js";
const IMPORT = 'const { EventStreamSerde, eventStreamSerdeProvider } = await import("@smithy/core/event-streams");';

/** The stand-in exports what the importer takes: fail if @smithy/core imports the module otherwise. */
function guardImporter(source) {
  if (source.split(IMPORT).length !== 2 || source.split("@smithy/core/event-streams").length !== 2) {
    const what = `@smithy/core's ${IMPORTER} no longer imports the event streams as \`${IMPORT}\``;
    throw new Error(`${NAME}: ${what}. Re-check ${EXPECTED[NAME].recheck}.`);
  }
}

const noEventStreams = {
  name: NAME,
  setup(build) {
    guardPlugin(NAME);
    guardImporter(readFileSync(join(packageDir("@smithy/core"), IMPORTER), "utf8"));
    const standIn = { path: "no-event-streams", namespace: "no-event-streams" };
    build.onResolve({ filter: FILTER }, (args) => (args.kind === "dynamic-import" ? standIn : undefined));
    build.onLoad({ filter: /.*/, namespace: "no-event-streams" }, () => ({ contents: NO_EVENT_STREAMS, loader: "js" }));
  },
};

module.exports = { noEventStreams, guardImporter, NO_EVENT_STREAMS, IMPORTER };
