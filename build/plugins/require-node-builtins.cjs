// require-node-builtins: in an ESM bundle, `import ... from "node:http"` makes Node build an ESM
// facade that evaluates every export of the builtin, lazy ones included (node:http's fetch-related
// getters load undici: ~35-50 ms of a cold start). Loading builtins through require() (the
// createRequire banner) returns the CommonJS exports without touching those getters. How each
// import gets them, from the names its statement lists:
// - plain values only (and/or the default): a module that reads those values at load and nothing
//   else (esbuild drops the other exports; getters are never among them); as with native ESM, a
//   value reassigned on the builtin later (http.globalAgent...) is not seen through the import;
// - a getter among them (fs.ReadStream loads Node's file streams and fs/promises, ~1 ms): a
//   CommonJS module with exactly those names, each read when used;
// - anything else (a namespace, `export *`, import(), require()): the CommonJS module itself.
// Plain CommonJS for all would have esbuild copy every property of a builtin into a new object for
// each module that imports it, at load (~1.5 % of a cold start). The export names are the build
// Node's, so it must be the runtime's major version (the target).
const { readFile } = require("node:fs/promises");
const { isBuiltin } = require("node:module");

const isPlainValue = (builtin, name) => "value" in (Object.getOwnPropertyDescriptor(builtin, name) ?? {});
const isExportName = (name) => {
  try {
    const reserved = ["default", "await", "builtin"].includes(name);
    return /^[A-Za-z_$][\w$]*$/.test(name) && !reserved && Boolean(new Function(`"use strict"; let ${name};`));
  } catch {
    return false;
  }
};
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** What an importer's static statements take from `specifier`: the names listed, or undefined (a form without a list). */
function importedNames(source, specifier) {
  const statement = new RegExp(`(?:^|[;\\n])\\s*(?:import|export)\\s+([^;]*?)\\s*from\\s*["']${escapeRegExp(specifier)}["']`, "g");
  const names = new Set();
  let found = false;
  for (const [, clause] of source.matchAll(statement)) {
    found = true;
    if (/^[\w$]+$/.test(clause)) {
      names.add("default");
      continue;
    }
    const listed = /^(?:type\s+)?(?:([\w$]+)\s*,\s*)?\{([^}]*)\}$/.exec(clause);
    if (listed === null) return undefined;
    if (listed[1]) names.add("default");
    for (const item of listed[2].split(",").map((entry) => entry.trim())) {
      if (item && !item.startsWith("type ")) names.add(item.split(/\s+as\s+/)[0]);
    }
  }
  return found ? [...names] : undefined;
}

const requireNodeBuiltins = {
  name: "require-node-builtins",
  setup(build) {
    const target = /^node(\d+)/.exec(String(build.initialOptions.target ?? ""))?.[1];
    if (target !== undefined && target !== process.versions.node.split(".")[0]) {
      const found = `building for node${target} with Node ${process.versions.node}`;
      throw new Error(`require-node-builtins: ${found}; the builtins' export names would be another version's`);
    }
    build.onResolve({ filter: /^[a-z_:/]+$/ }, async (args) => {
      if (!isBuiltin(args.path) || args.namespace.startsWith("node-builtin")) return undefined;
      // An entry given as stdin (tests, the bench's parts) has no file to read.
      const stdin = args.importer === "<stdin>";
      const source = stdin ? build.initialOptions.stdin?.contents : args.importer && (await readFile(args.importer, "utf8"));
      const names = args.kind === "import-statement" && typeof source === "string" ? importedNames(source, args.path) : undefined;
      if (names === undefined) return { path: args.path, namespace: "node-builtin-commonjs" };
      const builtin = require(args.path);
      if (names.every((name) => name === "default" || isPlainValue(builtin, name))) return { path: args.path, namespace: "node-builtin" };
      if (names.includes("default")) return { path: args.path, namespace: "node-builtin-commonjs" };
      return { path: `${args.path}?${names.sort().join(",")}`, namespace: "node-builtin-lazy" };
    });
    build.onLoad({ filter: /.*/, namespace: "node-builtin" }, (args) => {
      const builtin = require(args.path);
      const names = Object.getOwnPropertyNames(builtin).filter((name) => isExportName(name) && isPlainValue(builtin, name));
      const exports = names.map((name) => `export const ${name} = /* @__PURE__ */ (() => builtin.${name})();`);
      const contents = [`const builtin = require(${JSON.stringify(args.path)});`, "export default builtin;", ...exports].join("\n");
      return { contents, loader: "js" };
    });
    build.onLoad({ filter: /.*/, namespace: "node-builtin-lazy" }, (args) => {
      const [specifier, names] = args.path.split("?");
      const getter = (name) => `${JSON.stringify(name)}: { get: () => builtin[${JSON.stringify(name)}], enumerable: true }`;
      const getters = names.split(",").map(getter).join(", ");
      const contents = `const builtin = require(${JSON.stringify(specifier)});\nObject.defineProperties(module.exports, { ${getters} });`;
      return { contents, loader: "js" };
    });
    build.onLoad({ filter: /.*/, namespace: "node-builtin-commonjs" }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: "js",
    }));
  },
};

module.exports = { requireNodeBuiltins, importedNames };
