/**
 * virtual:docs-page for unit tests (jest.config.js moduleNameMapper): a small page in place of
 * Redoc's, brotli-compressed into a file as build/docs-plugin.cjs writes the real one beside the
 * bundle, with its script hashes made by the plugin's own function.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { brotliCompressSync } from "node:zlib";
import { ROOT } from "../../scripts/local-stack.js";

const { scriptHashes } = createRequire(import.meta.url)("../../build/docs-plugin.cjs") as { scriptHashes: (html: string) => string[] };

export const DOCS_HTML = '<!DOCTYPE html><html><head><title>EC2 Key Pairs API</title></head><body><div ' +
  'id="redoc"></div><script>window.started = true;</script></body></html>';

const dir = `${ROOT}/.tmp/unit`;
const asset = `${dir}/api-docs.docs-page.html.br`;
mkdirSync(dir, { recursive: true });
writeFileSync(asset, brotliCompressSync(DOCS_HTML));

export default { scriptHashes: scriptHashes(DOCS_HTML), asset };
