// Modules that build/docs-plugin.cjs makes at package time (esbuild); see src/handlers/api-docs.ts.
declare module "virtual:openapi-document" {
  const document: Record<string, unknown>;
  export default document;
}

declare module "virtual:docs-page" {
  /**
   * scriptHashes: the CSP hashes of the page's inline scripts. asset: the page itself, brotli-
   * compressed, in a file beside the bundle (too big for the JS: 2.6 MB, ~550 KB compressed).
   */
  const page: { scriptHashes: string[]; asset: URL | string };
  export default page;
}
