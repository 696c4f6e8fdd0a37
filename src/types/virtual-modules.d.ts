// Modules that build/docs-plugin.cjs makes at package time (esbuild); see src/handlers/api-docs.ts.
declare module "virtual:openapi-document" {
  const document: Record<string, unknown>;
  export default document;
}

declare module "virtual:docs-page" {
  const page: { html: string; scriptHashes: string[] };
  export default page;
}
