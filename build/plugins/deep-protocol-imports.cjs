// deep-protocol-imports: the SDK's imports from its barrels (modules that re-export: the protocol, client,
// auth scheme and serde submodules of @aws-sdk/core and @smithy/core, and @smithy/core itself) rewritten
// to the files that define each name. esbuild places a module in the chunks of every entry whose files
// reach it, not of the code that uses it: client-ec2 reaches the barrels at INIT, so what they also
// re-export for lazily loaded clients only (the rate share's DynamoDB: the JSON protocols and their date
// parsers; STS for member accounts: paginators, aggregated clients, SigV4a) was loaded at INIT (~22 KB
// of the read function, decision 0029). Imported from their own files, each lands only where a client
// uses it. A barrel that declares names too gives those from its own code alone (`<file>?own`).
const { existsSync, readFileSync } = require("node:fs");
const { readFile } = require("node:fs/promises");
const { dirname, join } = require("node:path");
const { EXPECTED, guardPlugin, packageDir } = require("./guard.cjs");

const NAME = "deep-protocol-imports";
const BARRELS = {
  "@aws-sdk/core/protocols": ["@aws-sdk/core", "dist-es/submodules/protocols/index.js"],
  "@smithy/core/protocols": ["@smithy/core", "dist-es/submodules/protocols/index.js"],
  "@aws-sdk/core/client": ["@aws-sdk/core", "dist-es/submodules/client/index.js"],
  "@smithy/core/client": ["@smithy/core", "dist-es/submodules/client/index.js"],
  "@smithy/core": ["@smithy/core", "dist-es/index.js"],
  // Not only re-exports: it declares resolveAwsSdkSigV4Config, which client-ec2 uses; what it re-exports
  // for STS alone (SigV4a, ~1 KB) was at INIT through it.
  "@aws-sdk/core/httpAuthSchemes": ["@aws-sdk/core", "dist-es/submodules/httpAuthSchemes/index.js"],
  "@smithy/core/serde": ["@smithy/core", "dist-es/submodules/serde/index.js"],
};
const SPECIFIERS = Object.keys(BARRELS);
/** The SDK's own ES modules: where the barrels are imported from. */
const FILTER = /[\\/]node_modules[\\/]@(?:aws-sdk|smithy)[\\/][^\\/]+[\\/]dist-es[\\/].+\.js$/;
/** One import or re-export of a list of names, as the SDK writes them (one line each). */
const STATEMENT = /^(import|export) \{([^}]*)\} from "([^"]+)";$/gm;
/** A barrel's own code (the module without its re-exports), for the names it declares. */
const OWN = "?own";
const OWN_EXPORT = /^export (?:const|let|var|function|async function|class) ([\w$]+)/;

const fail = (what) => {
  throw new Error(`${NAME}: ${what}. Re-check ${EXPECTED[NAME].recheck}.`);
};

/** `a`, `a as b` → [imported, local]. */
const specifiers = (list) =>
  list
    .split(",")
    .map((each) => each.trim())
    .filter(Boolean)
    .map((each) => {
      const [name, as = name] = each.split(/\s+as\s+/);
      return [name, as];
    });

/** The file a relative specifier of the SDK names: with .js added, or the folder's index module. */
const fileOf = (dir, from) => {
  const relative = join(dir, from);
  return existsSync(`${relative}.js`) ? `${relative}.js` : join(relative, "index.js");
};

/** Whether a module re-exports anything (`export { … } from`): only such a module is followed. */
const reexports = (source) => /^export \{[^}]*\} from "[^"]+";$/m.test(source);

/**
 * Where each name a module exports is defined: its re-exports (and exports of what it imports) followed,
 * through the barrels of BARRELS and relative modules that re-export in turn, to the file that declares
 * each; a name it declares itself is its own code's (`<file>?own`).
 */
function definitions(path, root, cache = new Map()) {
  if (cache.has(path)) return cache.get(path);
  const names = new Map();
  const imported = new Map();
  const follow = (from, name) => {
    const barrel = BARRELS[from];
    const target = barrel ? join(packageDir(barrel[0], root), barrel[1]) : from.startsWith(".") ? fileOf(dirname(path), from) : undefined;
    const inner = target && (barrel || reexports(readFileSync(target, "utf8"))) ? definitions(target, root, cache) : undefined;
    const found = inner ? inner.get(name) : { module: target ?? from, name };
    if (!found) fail(`${target} does not export ${name}`);
    return found;
  };
  for (const line of readFileSync(path, "utf8").split("\n")) {
    const [, keyword, list, from] = new RegExp(STATEMENT.source).exec(line) ?? [];
    const localList = /^export \{([^}]*)\};$/.exec(line)?.[1];
    const declared = OWN_EXPORT.exec(line)?.[1];
    if (keyword === "export") for (const [name, exported] of specifiers(list)) names.set(exported, follow(from, name));
    else if (keyword === "import") for (const [name, local] of specifiers(list)) imported.set(local, [from, name]);
    else if (localList !== undefined)
      for (const [name, exported] of specifiers(localList))
        names.set(exported, imported.has(name) ? follow(...imported.get(name)) : { module: `${path}${OWN}`, name: exported });
    else if (declared) names.set(declared, { module: `${path}${OWN}`, name: declared });
    else if (line.startsWith("export ")) fail(`${path} has an export it cannot follow: ${line.slice(0, 80)}`);
  }
  if (names.size === 0) fail(`${path} exports nothing it can follow`);
  cache.set(path, names);
  return names;
}

/** A module without its re-exports (what `?own` loads). */
const ownCode = (source) =>
  source.replace(new RegExp(`${STATEMENT.source}\\n?`, "gm"), (line, keyword) => (keyword === "export" ? "" : line));

/** `source` with every import or re-export from a module `exportsOf` follows made from the files that define each name. */
function deepen(source, exportsOf) {
  return source.replace(STATEMENT, (statement, keyword, list, from) => {
    const names = exportsOf(from);
    if (!names) return statement;
    const byModule = new Map();
    for (const [name, local] of specifiers(list)) {
      const found = names.get(name);
      if (!found) fail(`${from} does not export ${name}`);
      const spec = found.name === local ? local : `${found.name} as ${local}`;
      byModule.set(found.module, [...(byModule.get(found.module) ?? []), spec]);
    }
    return [...byModule].map(([module, specs]) => `${keyword} { ${specs.join(", ")} } from ${JSON.stringify(module)};`).join(" ");
  });
}

const deepProtocolImports = {
  name: NAME,
  setup(build) {
    guardPlugin(NAME);
    const root = build.initialOptions.absWorkingDir;
    const cache = new Map();
    const ofBarrel = (from) => BARRELS[from] && definitions(join(packageDir(BARRELS[from][0], root), BARRELS[from][1]), root, cache);
    build.onResolve({ filter: /\?own$/ }, (args) => ({ path: args.path.slice(0, -OWN.length), suffix: OWN, sideEffects: false }));
    build.onLoad({ filter: FILTER }, async (args) => {
      const source = await readFile(args.path, "utf8");
      if (args.suffix === OWN) {
        // Its own imports of modules that re-export are followed too: the module it re-exports from is one.
        const dir = dirname(args.path);
        const exportsOf = (from) => {
          if (BARRELS[from]) return ofBarrel(from);
          if (!from.startsWith(".")) return undefined;
          const file = fileOf(dir, from);
          return reexports(readFileSync(file, "utf8")) ? definitions(file, root, cache) : undefined;
        };
        return { contents: deepen(ownCode(source), exportsOf), loader: "js", resolveDir: dir };
      }
      // Other files load as esbuild (or another plugin) would load them.
      if (!SPECIFIERS.some((spec) => source.includes(`from "${spec}";`))) return undefined;
      return { contents: deepen(source, ofBarrel), loader: "js", resolveDir: dirname(args.path) };
    });
  },
};

module.exports = { deepProtocolImports, deepen, definitions, FILTER };
