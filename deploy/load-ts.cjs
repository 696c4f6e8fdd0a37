// Evaluates a TypeScript file of plain data (one that imports nothing: the dependency rule checks
// it) for deploy-time resolvers, which run under plain Node: esbuild, the version that bundles the
// functions, strips its types; the result runs as CommonJS.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { transformSync } = require("esbuild");

module.exports = function loadTs(path) {
  const file = join(__dirname, "..", path);
  const { code } = transformSync(readFileSync(file, "utf8"), { loader: "ts", format: "cjs", sourcefile: file });
  const loaded = new module.constructor(file, module);
  loaded._compile(code, file);
  return loaded.exports;
};
