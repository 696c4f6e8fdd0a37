// esbuild plugin: lets esbuild drop the EC2 schemas this service does not use.
//
// @aws-sdk/client-ec2 (since ~3.9xx) keeps every EC2 shape in one module, schemas_0.js, as
// top-level `var X = [...]` arrays. Many contain computed keys ({ [_xN]: ... }), which esbuild
// must assume can have side effects, so none of the ~3,400 arrays is tree-shaken (~550 KB
// minified; aws-sdk-js-v3#7607). Wrapping each array in an IIFE marked @__PURE__ keeps the same
// values in the same order, and tells esbuild an unused one can go.
const { readFile } = require("node:fs/promises");
const { dirname } = require("node:path");

function markSchemasPure(source) {
  const out = [];
  let open = false;
  for (const line of source.split("\n")) {
    const declaration = !open && /^(export )?var [\w$]+ = \[/.test(line);
    if (declaration && line.endsWith("];")) {
      out.push(line.replace(/ = \[(.*)\];$/, " = /* @__PURE__ */ (() => [$1])();"));
    } else if (declaration) {
      out.push(line.replace(" = [", " = /* @__PURE__ */ (() => ["));
      open = true;
    } else if (open && line === "];") {
      out.push("])();");
      open = false;
    } else {
      out.push(line);
    }
  }
  if (open) throw new Error("pure-sdk-schemas: unterminated schema array; the SDK's layout changed");
  return out.join("\n");
}

const pureSdkSchemas = {
  name: "pure-sdk-schemas",
  setup(build) {
    build.onLoad({ filter: /@aws-sdk[\\/]client-ec2[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/ }, async (args) => ({
      contents: markSchemasPure(await readFile(args.path, "utf8")),
      loader: "js",
      resolveDir: dirname(args.path),
    }));
  },
};

module.exports = [pureSdkSchemas];
module.exports.markSchemasPure = markSchemasPure;
