// deep-protocol-imports: the SDK's imports from its barrels (modules that only re-export: the protocol
// and client submodules of @aws-sdk/core and @smithy/core, and @smithy/core itself) rewritten to the
// files that define each name. esbuild places a module in the chunks of every entry whose files
// reach it, not of the code that uses it: client-ec2 reaches the barrels at INIT, so what they also
// re-export for lazily loaded clients only (the rate share's DynamoDB: the JSON protocols; STS for
// member accounts: paginators, aggregated clients) was loaded at INIT (~20 KB of the read function,
// decision 0029). Imported from their own files, each lands only where a client uses it.
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
};
const SPECIFIERS = Object.keys(BARRELS);
/** The SDK's own ES modules: where the barrels are imported from. */
const FILTER = /[\\/]node_modules[\\/]@(?:aws-sdk|smithy)[\\/][^\\/]+[\\/]dist-es[\\/].+\.js$/;
/** One import or re-export from a barrel, as the SDK writes them (one line each). */
const BARREL_STATEMENT = new RegExp(
  `^(import|export) \\{([^}]*)\\} from "(${SPECIFIERS.map((spec) => spec.replaceAll("/", "\\/")).join("|")})";$`,
  "gm",
);
const EXPORT_FROM = /^export \{([^}]*)\} from "([^"]+)";$/gm;

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

/** Where each name a barrel exports is defined: a file beside it (absolute path) or another module. */
function barrelExports(barrel, root) {
  const [pkg, file] = BARRELS[barrel];
  const path = join(packageDir(pkg, root), file);
  const source = readFileSync(path, "utf8");
  const names = new Map();
  for (const [, list, from] of source.matchAll(EXPORT_FROM)) {
    const relative = join(dirname(path), from);
    const module = !from.startsWith(".") ? from : existsSync(`${relative}.js`) ? `${relative}.js` : join(relative, "index.js");
    for (const [name, exported] of specifiers(list)) names.set(exported, { module, name });
  }
  const statements = source.split("\n").filter((line) => line.trim()).length;
  if (names.size === 0 || statements !== source.match(EXPORT_FROM).length) fail(`${path} is no longer only \`export { … } from\` lines`);
  return names;
}

/** `source` with every import or re-export from a barrel made from the defining files instead. */
function deepen(source, exportsOf) {
  return source.replace(BARREL_STATEMENT, (_statement, keyword, list, barrel) => {
    const byModule = new Map();
    for (const [name, local] of specifiers(list)) {
      const found = exportsOf(barrel).get(name);
      if (!found) fail(`${barrel} does not export ${name}`);
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
    const exportsOf = (barrel) => {
      if (!cache.has(barrel)) cache.set(barrel, barrelExports(barrel, root));
      return cache.get(barrel);
    };
    build.onLoad({ filter: FILTER }, async (args) => {
      const source = await readFile(args.path, "utf8");
      // Other files load as esbuild (or another plugin) would load them.
      if (!SPECIFIERS.some((spec) => source.includes(`from "${spec}";`))) return undefined;
      return { contents: deepen(source, exportsOf), loader: "js", resolveDir: dirname(args.path) };
    });
  },
};

module.exports = { deepProtocolImports, deepen, barrelExports, FILTER };
