// The route table (src/lib/routes.ts) for deploy-time resolvers, which run under plain Node: the
// TypeScript file is type-stripped by esbuild (the same version that bundles the functions) and
// evaluated as CommonJS. It imports nothing, so nothing else needs resolving.
const { readFileSync } = require("node:fs");
const { join } = require("node:path");
const { transformSync } = require("esbuild");

const file = join(__dirname, "..", "src", "lib", "routes.ts");
const { code } = transformSync(readFileSync(file, "utf8"), { loader: "ts", format: "cjs", sourcefile: file });
const table = new module.constructor(file, module);
table._compile(code, file);

module.exports = table.exports;
