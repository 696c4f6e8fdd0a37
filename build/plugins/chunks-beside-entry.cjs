// chunks-beside-entry: with code splitting (serverless.yml custom.esbuild.splitting), what a
// function loads on first use (a dynamic import(): decision 0029) is a chunk of its own.
// serverless-esbuild builds each function into its entry's folder and zips, for each function,
// every file of the build but the other functions' bundles and the files named after them
// (`<bundle>.…`). So a function's chunks are named after its entry (`read-key-pairs.chunks/…`):
// each zip holds its own chunks and no other function's.
const { basename, extname } = require("node:path");

const chunksBesideEntry = {
  name: "chunks-beside-entry",
  setup(build) {
    const { entryPoints, splitting } = build.initialOptions;
    if (!splitting || !Array.isArray(entryPoints) || entryPoints.length !== 1) return;
    const entry = String(typeof entryPoints[0] === "string" ? entryPoints[0] : entryPoints[0].in);
    build.initialOptions.chunkNames = `${basename(entry, extname(entry))}.chunks/[name]-[hash]`;
  },
};

module.exports = { chunksBesideEntry };
