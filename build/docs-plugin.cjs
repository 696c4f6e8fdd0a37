// esbuild plugin for the docs function (src/handlers/api-docs.ts): what it serves is built at
// package time (serverless package, and serverless-offline's bundling), never fetched at run time.
//   virtual:openapi-document  the committed openapi.yaml, as a JSON value (GET /openapi.json)
//   virtual:docs-page         { scriptHashes, asset }: Redoc's static page of that spec (redocly
//                             build-docs, with Redoc's own script inlined from the @redocly/cli
//                             package instead of the CDN import build-docs writes) is 2.6 MB, ~550 KB
//                             brotli-compressed: too big for the JS bundle, so the plugin writes it
//                             brotli-compressed beside the bundle, as <bundle>.docs-page.html.br
//                             (PAGE_ASSET), and the module holds only the hashes of its inline
//                             scripts (its CSP) and where that file is (GET /docs reads it).
// The asset's name starts with the bundle's own (src/handlers/api-docs.): serverless-esbuild puts a
// build file named <other bundle>.* only in that bundle's function zip, so it ships in apiDocs.zip
// alone (test/contract/template.test.ts checks this).
const { execFileSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { basename, dirname, extname, join } = require("node:path");
const { brotliCompressSync, constants } = require("node:zlib");
const { parse } = require("yaml");

const ROOT = join(__dirname, "..");
const SPEC = join(ROOT, "openapi.yaml");
const CLI = require.resolve("@redocly/cli/bin/cli.js", { paths: [ROOT] });
const STANDALONE = join(dirname(CLI), "..", "lib", "chunks", "redoc.standalone.js");

/** The inline <script> bodies of a page, hashed for its Content-Security-Policy. */
const scriptHashes = (html) =>
  [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
  );

function docsPage() {
  const dir = mkdtempSync(join(tmpdir(), "docs-page-"));
  try {
    const out = join(dir, "docs.html");
    execFileSync(process.execPath, [CLI, "build-docs", SPEC, "-o", out], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    });
    let html = readFileSync(out, "utf8");
    const standalone = readFileSync(STANDALONE, "utf8");
    const version = /Version: ([\d.]+)/.exec(standalone)?.[1];
    const cdn = new RegExp(
      `import \\{ hydrate \\} from "https://cdn\\.redocly\\.com/redoc/v${version?.replace(/\./g, "\\.")}/bundles/redoc\\.standalone\\.js";`,
    );
    if (!version || !cdn.test(html))
      throw new Error(`docs-page: build-docs no longer imports Redoc ${version} from its CDN as expected; see build/docs-plugin.cjs`);
    const exported = /export\{RedocStandalone,hydrate,init\};?\s*$/;
    if (!exported.test(standalone))
      throw new Error("docs-page: Redoc's standalone bundle no longer ends with its exports; see build/docs-plugin.cjs");
    // The bundle's code in place of the import (its `const {hydrate, ...} = ...` declares the same name).
    html = html.replace(cdn, () => standalone.replace(exported, "").replace(/<\/script/gi, "<\\/script"));
    html = html.replace(/<link rel="modulepreload" href="https:\/\/cdn\.redocly\.com[^>]*>/g, "");
    const external = /<(?:script|link)\b[^>]*\b(?:src|href)="https?:/i.exec(html);
    if (external) throw new Error(`docs-page: the page still loads something from elsewhere: ${external[0]}`);
    return { html, scriptHashes: scriptHashes(html) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The asset's name beside a bundle whose file name (without extension) is `stem`. */
const PAGE_ASSET = (stem) => `${stem}.docs-page.html.br`;

/**
 * Where a build writes its one bundle: { dir, stem } (stem: the file name without extension), from
 * `outfile` (a build of one file) or `outdir` with one entry point (serverless-esbuild builds each
 * handler that way: outdir <build>/src/handlers, entryPoints [src/handlers/api-docs.ts]).
 */
function bundleOutput({ outfile, outdir, entryPoints }) {
  if (outfile) return { dir: dirname(outfile), stem: basename(outfile, extname(outfile)) };
  const entries = Array.isArray(entryPoints) ? entryPoints : Object.entries(entryPoints ?? {}).map(([out, entry]) => ({ in: entry, out }));
  if (outdir && entries.length === 1) {
    const [entry] = entries;
    return typeof entry === "string"
      ? { dir: outdir, stem: basename(entry, extname(entry)) }
      : { dir: join(outdir, dirname(entry.out)), stem: basename(entry.out) };
  }
  throw new Error(
    "docs-page: the docs page is written beside its bundle, so the build needs an outfile, or an outdir with one entry point",
  );
}

/**
 * The page, brotli-compressed once per process and spec (the bench builds the docs handler five
 * times): quality 10 is within 2 % of 11's size (~550 KB) in under half its time (~2 s vs ~5 s).
 */
let compressed;
function compressedPage() {
  const specHash = createHash("sha256").update(readFileSync(SPEC)).digest("hex");
  if (compressed?.specHash !== specHash) {
    const { html, scriptHashes: hashes } = docsPage();
    const bytes = Buffer.from(html, "utf8");
    const br = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 10,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    compressed = { specHash, br, scriptHashes: hashes };
  }
  return compressed;
}

/**
 * virtual:docs-page's source: the script hashes and the asset's location, resolved against the
 * bundle's own location (import.meta.url in ESM, __dirname in CommonJS, e.g. the bench's baseline).
 */
const pageModule = (hashes, file, esm) =>
  `export default { scriptHashes: ${JSON.stringify(hashes)}, asset: ${
    esm ? `new URL(${JSON.stringify(`./${file}`)}, import.meta.url)` : `require("node:path").join(__dirname, ${JSON.stringify(file)})`
  } };`;

const docsPlugin = {
  name: "docs-page",
  setup(build) {
    // This build's page and where it goes, once it imports virtual:docs-page; written when the build
    // succeeds (again after each rebuild, e.g. serverless-offline's watch, whether or not it reloaded).
    let page;
    build.onResolve({ filter: /^virtual:(openapi-document|docs-page)$/ }, (args) => ({ path: args.path, namespace: "docs-page" }));
    build.onLoad({ filter: /.*/, namespace: "docs-page" }, (args) => {
      if (args.path === "virtual:openapi-document")
        return { contents: JSON.stringify(parse(readFileSync(SPEC, "utf8"))), loader: "json", watchFiles: [SPEC] };
      const { dir, stem } = bundleOutput(build.initialOptions);
      page = { ...compressedPage(), dir, file: PAGE_ASSET(stem) };
      return {
        contents: pageModule(page.scriptHashes, page.file, build.initialOptions.format === "esm"),
        loader: "js",
        watchFiles: [SPEC],
      };
    });
    build.onEnd((result) => {
      if (!page || result.errors.length > 0) return;
      mkdirSync(page.dir, { recursive: true });
      writeFileSync(join(page.dir, page.file), page.br);
    });
  },
};

module.exports = { docsPlugin, docsPage, scriptHashes };
