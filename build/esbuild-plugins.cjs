// esbuild plugins for the Lambda bundles (serverless.yml custom.esbuild.plugins, and bench/).
//
// 1. pure-sdk-schemas: lets esbuild drop the EC2 and SSM schemas this service does not use.
// @aws-sdk/client-ec2 (since ~3.9xx) keeps every EC2 shape in one module, schemas_0.js, as
// top-level `var X = [...]` arrays. Many contain computed keys ({ [_xN]: ... }), which esbuild
// must assume can have side effects, so none of the ~3,400 arrays is tree-shaken (~550 KB for EC2,
// minified; aws-sdk-js-v3#7607). Wrapping each array in an IIFE marked @__PURE__ keeps the same
// values in the same order, and tells esbuild an unused one can go.
const { readFile } = require("node:fs/promises");
const { isBuiltin } = require("node:module");
const { dirname, join } = require("node:path");

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

/**
 * client-ssm registers each of its ~180 modeled error classes at import (`n0_registry.registerError(X$, X)`),
 * which keeps every class and error schema in the bundle (~60 KB). Without the registrations the
 * SDK still throws on an SSM error, as the client's base exception with `name` = SSM's error code,
 * `$fault` and `$metadata` (@aws-sdk/core ProtocolLib getErrorSchemaOrThrowBaseException): all that
 * src/lib/ssm.ts reads. It never tests an error's class. (EC2 models no error classes.)
 */
function unregisterModeledErrors(source) {
  const registrations = /^n0_registry\.registerError\([\w$]+, [\w$]+\);$/gm;
  const count = source.match(registrations)?.length ?? 0;
  if (source.includes("n0_registry.registerError") && count === 0) throw new Error("pure-sdk-schemas: the SDK registers errors differently now; see unregisterModeledErrors");
  return source.replace(registrations, "");
}

const pureSdkSchemas = {
  name: "pure-sdk-schemas",
  setup(build) {
    build.onLoad({ filter: /@aws-sdk[\\/]client-(?:ec2|ssm)[\\/]dist-es[\\/]schemas[\\/]schemas_\d+\.js$/ }, async (args) => ({
      contents: unregisterModeledErrors(markSchemasPure(await readFile(args.path, "utf8"))),
      loader: "js",
      resolveDir: dirname(args.path),
    }));
  },
};

// 2. require-node-builtins: in an ESM bundle, `import ... from "node:http"` makes Node build an ESM
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
const isPlainValue = (builtin, name) => "value" in (Object.getOwnPropertyDescriptor(builtin, name) ?? {});
const isExportName = (name) => {
  try {
    return /^[A-Za-z_$][\w$]*$/.test(name) && !["default", "await", "builtin"].includes(name) && Boolean(new Function(`"use strict"; let ${name};`));
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
      throw new Error(`require-node-builtins: building for node${target} with Node ${process.versions.node}; the builtins' export names would be another version's`);
    }
    build.onResolve({ filter: /^[a-z_:/]+$/ }, async (args) => {
      if (!isBuiltin(args.path) || args.namespace.startsWith("node-builtin")) return undefined;
      // An entry given as stdin (tests, the bench's parts) has no file to read.
      const source = args.importer === "<stdin>" ? build.initialOptions.stdin?.contents : args.importer && (await readFile(args.importer, "utf8"));
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
      return { contents: [`const builtin = require(${JSON.stringify(args.path)});`, "export default builtin;", ...exports].join("\n"), loader: "js" };
    });
    build.onLoad({ filter: /.*/, namespace: "node-builtin-lazy" }, (args) => {
      const [specifier, names] = args.path.split("?");
      const getters = names.split(",").map((name) => `${JSON.stringify(name)}: { get: () => builtin[${JSON.stringify(name)}], enumerable: true }`);
      return { contents: `const builtin = require(${JSON.stringify(specifier)});\nObject.defineProperties(module.exports, { ${getters.join(", ")} });`, loader: "js" };
    });
    build.onLoad({ filter: /.*/, namespace: "node-builtin-commonjs" }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: "js",
    }));
  },
};

// 3. lambda-credentials: the SDK clients' default credential chain replaced by its first link, the
// environment (build/lambda-credentials.mjs). A local stack against real AWS (npm start with
// LOCAL_EC2=false: SSO, profiles...) builds with the whole chain: it sets FULL_CREDENTIAL_CHAIN=true.
const lambdaCredentials = {
  name: "lambda-credentials",
  setup(build) {
    if (process.env.FULL_CREDENTIAL_CHAIN === "true") return;
    build.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({ path: join(__dirname, "lambda-credentials.mjs") }));
  },
};

// 4. no-shared-config-files: on Lambda there is no ~/.aws/config or ~/.aws/credentials, yet the
// clients' settings (region, FIPS, retries, app id...) each look there before their defaults, which
// loads node:fs/promises and reads two files that are not there: ~3 % of a cold start. The Lambda
// bundles read settings from the environment only (the loader answers "no files"); the same
// FULL_CREDENTIAL_CHAIN=true as above keeps the files for a local stack against real AWS. Like the
// next plugin, it checks the file it replaces and stops the build if that changed; if the SDK moved
// it, the filter no longer matches and test/unit/build-plugins.test.ts fails instead.
const SHARED_CONFIG_LOADER = /@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]config[\\/]shared-ini-file-loader[\\/]loadSharedConfigFiles\.js$/;
const LOADER_EXPORTS = 'export { CONFIG_PREFIX_SEPARATOR } from "./constants";\nexport const loadSharedConfigFiles = async (';
const noSharedConfigFiles = {
  name: "no-shared-config-files",
  setup(build) {
    if (process.env.FULL_CREDENTIAL_CHAIN === "true") return;
    build.onLoad({ filter: SHARED_CONFIG_LOADER }, async (args) => {
      const source = await readFile(args.path, "utf8");
      // What the SDK expects back (configFile, credentialsFile) and exports: stop the build if that changed.
      if (!source.includes(LOADER_EXPORTS) || (source.match(/^export /gm) ?? []).length !== 2 || !/configFile: .*\n\s*credentialsFile: /.test(source)) {
        throw new Error("no-shared-config-files: the SDK's shared config loader changed; see build/esbuild-plugins.cjs");
      }
      return { contents: `${LOADER_EXPORTS}) => ({ configFile: {}, credentialsFile: {} });`, loader: "js", resolveDir: dirname(args.path) };
    });
  },
};

// 5. node-streams-first: @smithy/core's streamCollector asks whether a response body is a Blob or a
// web ReadableStream before reading it as the Node stream it is (the Node HTTP handler's bodies are
// http.IncomingMessage); the first touch of the ReadableStream global makes Node load its web
// streams (~1.3 ms of a cold start). A Node Readable is collected first, exactly as before.
const STREAM_COLLECTOR = /@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]serde[\\/]util-stream[\\/]stream-collector\.js$/;
const nodeStreamsFirst = {
  name: "node-streams-first",
  setup(build) {
    build.onLoad({ filter: STREAM_COLLECTOR }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const edits = [
        ['import { Writable } from "node:stream";', 'import { Readable, Writable } from "node:stream";'],
        ["export const streamCollector = (stream) => {\n", "export const streamCollector = (stream) => {\n    if (stream instanceof Readable) {\n        return collectNodeStream(stream);\n    }\n"],
        ["    return new Promise((resolve, reject) => {", "    return collectNodeStream(stream);\n};\nconst collectNodeStream = (stream) => {\n    return new Promise((resolve, reject) => {"],
      ];
      let contents = source;
      for (const [from, to] of edits) {
        if (contents.split(from).length !== 2) throw new Error("node-streams-first: the SDK's stream collector changed; see build/esbuild-plugins.cjs");
        contents = contents.replace(from, to);
      }
      return { contents, loader: "js", resolveDir: dirname(args.path) };
    });
  },
};

// 6. no-event-streams: @smithy/core's HttpProtocol loads its event-stream serde with a dynamic
// import(), which esbuild (no code splitting) can only honour by wrapping that module, and every
// module it imports, most of @smithy/core, in lazy init functions: ~160 wrappers run at load, and the
// event-stream code (~15 KB, zlib's CRC32) ships. No EC2 or SSM operation streams events, so that
// import resolves to a module that says so if it is ever reached.
const NO_EVENT_STREAMS = "export const EventStreamSerde = undefined; export const eventStreamSerdeProvider = () => { throw new Error('event streams are not bundled: no EC2 or SSM operation uses them (build/esbuild-plugins.cjs)'); };";
const noEventStreams = {
  name: "no-event-streams",
  setup(build) {
    build.onResolve({ filter: /^@smithy\/core\/event-streams$/ }, (args) => (args.kind === "dynamic-import" ? { path: "no-event-streams", namespace: "no-event-streams" } : undefined));
    build.onLoad({ filter: /.*/, namespace: "no-event-streams" }, () => ({ contents: NO_EVENT_STREAMS, loader: "js" }));
  },
};

// 7. docs-page (build/docs-plugin.cjs): the spec and the docs page the docs function serves, built here.
module.exports = [pureSdkSchemas, requireNodeBuiltins, lambdaCredentials, noSharedConfigFiles, nodeStreamsFirst, noEventStreams, require("./docs-plugin.cjs").docsPlugin];
module.exports.markSchemasPure = markSchemasPure;
