// esbuild plugin for the docs function (src/handlers/api-docs.ts): what it serves is built at
// package time (serverless package, and serverless-offline's bundling), never fetched at run time.
//   virtual:openapi-document  the committed openapi.yaml, as a JSON value (GET /openapi.json)
//   virtual:docs-page         { html, scriptHashes }: Redoc's static page of that spec (redocly
//                             build-docs), with Redoc's own script inlined from the @redocly/cli
//                             package instead of the CDN import build-docs writes (GET /docs)
const { execFileSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const { mkdtempSync, readFileSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { dirname, join } = require("node:path");
const { parse } = require("yaml");

const ROOT = join(__dirname, "..");
const SPEC = join(ROOT, "openapi.yaml");
const CLI = require.resolve("@redocly/cli/bin/cli.js", { paths: [ROOT] });
const STANDALONE = join(dirname(CLI), "..", "lib", "chunks", "redoc.standalone.js");

/** The inline <script> bodies of a page, hashed for its Content-Security-Policy. */
const scriptHashes = (html) =>
  [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map(([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);

function docsPage() {
  const dir = mkdtempSync(join(tmpdir(), "docs-page-"));
  try {
    const out = join(dir, "docs.html");
    execFileSync(process.execPath, [CLI, "build-docs", SPEC, "-o", out], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } });
    let html = readFileSync(out, "utf8");
    const standalone = readFileSync(STANDALONE, "utf8");
    const version = /Version: ([\d.]+)/.exec(standalone)?.[1];
    const cdn = new RegExp(`import \\{ hydrate \\} from "https://cdn\\.redocly\\.com/redoc/v${version?.replace(/\./g, "\\.")}/bundles/redoc\\.standalone\\.js";`);
    if (!version || !cdn.test(html)) throw new Error(`docs-page: build-docs no longer imports Redoc ${version} from its CDN as expected; see build/docs-plugin.cjs`);
    const exported = /export\{RedocStandalone,hydrate,init\};?\s*$/;
    if (!exported.test(standalone)) throw new Error("docs-page: Redoc's standalone bundle no longer ends with its exports; see build/docs-plugin.cjs");
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

const docsPlugin = {
  name: "docs-page",
  setup(build) {
    build.onResolve({ filter: /^virtual:(openapi-document|docs-page)$/ }, (args) => ({ path: args.path, namespace: "docs-page" }));
    build.onLoad({ filter: /.*/, namespace: "docs-page" }, (args) =>
      args.path === "virtual:openapi-document"
        ? { contents: JSON.stringify(parse(readFileSync(SPEC, "utf8"))), loader: "json", watchFiles: [SPEC] }
        : { contents: `export default ${JSON.stringify(docsPage())};`, loader: "js", watchFiles: [SPEC] },
    );
  },
};

module.exports = { docsPlugin, docsPage, scriptHashes };
