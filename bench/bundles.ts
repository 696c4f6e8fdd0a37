/** Builds each handler the way a variant of the build would, for the benchmark to compare. */
import { build, type BuildOptions, type BuildResult, type Plugin } from "esbuild";
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { parse } from "yaml";
import { ROOT } from "../scripts/local-stack.js";

// docsPage is not a variant: the docs handler cannot be built without it (its spec and page are virtual modules).
const [pureSdkSchemas, requireNodeBuiltins, docsPage] = createRequire(import.meta.url)("../build/esbuild-plugins.cjs") as Plugin[];

/**
 * Every deployed handler, in serverless.yml's order: the file names (src/handlers/<name>.ts) of its
 * functions' `handler:` entries. serverless.yml is the one list; `${...}` variables parse as strings.
 */
export function handlersOf(serverlessYml: string): string[] {
  const service = parse(serverlessYml) as { functions?: Record<string, { handler?: unknown }> };
  return Object.entries(service.functions ?? {}).map(([name, fn]) => {
    const match = /^src\/handlers\/([\w-]+)\.handler$/.exec(String(fn.handler));
    if (!match) throw new Error(`serverless.yml: function ${name} has handler ${String(fn.handler)}, not src/handlers/<name>.handler`);
    return match[1]!;
  });
}

export const HANDLERS = handlersOf(readFileSync(`${ROOT}/serverless.yml`, "utf8"));
export type HandlerName = string;

const ESM_REQUIRE_SHIM = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export interface Variant {
  name: string;
  description: string;
  options: BuildOptions;
  /** Run every bundle once with NODE_COMPILE_CACHE set to this directory (under the variant's folder) before timing. */
  compileCache?: boolean;
}

/** From the straightforward build to the deployed one (serverless.yml custom.esbuild), one change at a time. */
export const VARIANTS: Variant[] = [
  {
    name: "baseline",
    description: "CJS, not minified (serverless-esbuild defaults)",
    options: { format: "cjs", minify: false, plugins: [docsPage!] },
  },
  {
    name: "esm-min",
    description: "ESM + minify, SDK's ES modules (mainFields module,main)",
    options: { format: "esm", minify: true, mainFields: ["module", "main"], banner: { js: ESM_REQUIRE_SHIM }, plugins: [docsPage!] },
  },
  {
    name: "pure-schemas",
    description: "esm-min + pure-sdk-schemas plugin (unused EC2 schemas dropped)",
    options: { format: "esm", minify: true, mainFields: ["module", "main"], banner: { js: ESM_REQUIRE_SHIM }, plugins: [pureSdkSchemas!, docsPage!] },
  },
  {
    name: "deployed",
    description: "pure-schemas + require-node-builtins plugin (what serverless.yml deploys)",
    options: { format: "esm", minify: true, mainFields: ["module", "main"], banner: { js: ESM_REQUIRE_SHIM }, plugins: [pureSdkSchemas!, requireNodeBuiltins!, docsPage!] },
  },
  {
    name: "+compile-cache",
    description: "deployed + V8 compile cache (NODE_COMPILE_CACHE) made beforehand; measured, not shipped",
    options: { format: "esm", minify: true, mainFields: ["module", "main"], banner: { js: ESM_REQUIRE_SHIM }, plugins: [pureSdkSchemas!, requireNodeBuiltins!, docsPage!] },
    compileCache: true,
  },
];

export interface Bundle {
  variant: string;
  handler: HandlerName | "noop";
  file: string;
  bytes: number;
}

/** Bytes of a build's single output file (the builds here ask esbuild for a metafile). */
export function outputBytes(result: BuildResult): number {
  const output = Object.values(result.metafile?.outputs ?? {})[0];
  if (!output) throw new Error("esbuild returned no metafile output");
  return output.bytes;
}

const extension = (options: BuildOptions) => (options.format === "esm" ? "mjs" : "cjs");

export async function buildVariant(variant: Variant, outDir: string): Promise<Bundle[]> {
  const dir = `${outDir}/${variant.name}`;
  mkdirSync(dir, { recursive: true });
  const bundles: Bundle[] = [];
  for (const handler of HANDLERS) {
    const file = `${dir}/${handler}.${extension(variant.options)}`;
    const result = await build({
      entryPoints: [`${ROOT}/src/handlers/${handler}.ts`],
      outfile: file,
      bundle: true,
      platform: "node",
      target: "node24",
      metafile: true,
      logLevel: "error",
      ...variant.options,
    });
    bundles.push({ variant: variant.name, handler, file, bytes: outputBytes(result) });
  }
  // The reference: a no-op handler in the same module format.
  const noop = `${dir}/noop.${extension(variant.options)}`;
  writeFileSync(
    noop,
    variant.options.format === "esm"
      ? 'export const handler = async () => ({ statusCode: 200, body: "{}" });\n'
      : 'exports.handler = async () => ({ statusCode: 200, body: "{}" });\n',
  );
  bundles.push({ variant: variant.name, handler: "noop", file: noop, bytes: 0 });
  return bundles;
}
