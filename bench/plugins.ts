/**
 * What each esbuild plugin of build/esbuild-plugins.cjs buys, side by side in one run: every
 * function built with the deployed options and all plugins, and again with all but one. For each
 * variant: the handler module's size and its cold start (INIT CPU, and CPU to the first answer),
 * in fresh processes paired with the full build, alternating. pure-sdk-schemas applies three
 * transforms to the SDK's schema files; each is left out on its own (its variants mark EC2's schemas
 * pure like the others' instead of splitting them into modules: in these one-file builds both drop
 * the same unused schemas). docs-plugin is not measured: it builds the docs function's page, not an
 * optimization.
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { type BuildOptions, build, type Plugin } from "esbuild";
import { ROOT } from "../scripts/local-stack.js";
import { FUNCTIONS } from "../src/lib/routes.js";
import { deployedBuildOptions } from "./artifacts.js";
import { pairedColdStarts } from "./cold-start.js";
import { type BenchRoute, eventFor } from "./events.js";
import { median } from "./stats.js";
import { formatTable } from "./table.js";

const require = createRequire(import.meta.url);
const deployedPlugins = require(`${ROOT}/build/esbuild-plugins.cjs`) as Plugin[];
const { patchingPlugin } = require(`${ROOT}/build/plugins/guard.cjs`);
const schemas = require(`${ROOT}/build/plugins/pure-sdk-schemas.cjs`);
const { pruneOutputShapes } = require(`${ROOT}/build/plugins/prune-output-shapes.cjs`);

/** The route each function serves most (what its cold start is measured on). */
const MOST_COMMON: Record<keyof typeof FUNCTIONS, BenchRoute> = {
  readKeyPairs: "GET /keypairs/{name}",
  createKeyPairs: "POST /keypairs",
  deleteKeyPairs: "DELETE /keypairs/{name}",
  apiDocs: "GET /openapi.json",
  methodNotAllowed: "ANY /keypairs",
};

type SchemaTransform = "markSchemasPure" | "unregisterModeledErrors" | "pruneOutputShapes";
const SCHEMA_TRANSFORMS: Record<SchemaTransform, (source: string, path: string) => string> = {
  pruneOutputShapes: (source, path) => (/client-ec2[\\/]/.test(path) ? pruneOutputShapes(source) : source),
  markSchemasPure: (source) => schemas.markSchemasPure(source),
  unregisterModeledErrors: (source) => schemas.unregisterModeledErrors(source),
};

/** pure-sdk-schemas with one of its transforms left out (the same order as build/plugins/pure-sdk-schemas.cjs otherwise). */
function schemasWithout(left: SchemaTransform): Plugin {
  const steps = (Object.keys(SCHEMA_TRANSFORMS) as SchemaTransform[]).filter((step) => step !== left);
  return patchingPlugin("pure-sdk-schemas", schemas.FILTER, (source: string, path: string) =>
    steps.reduce((text, step) => SCHEMA_TRANSFORMS[step](text, path), source),
  );
}

/** The variants: all plugins, then all but one (a plugin, or one transform of pure-sdk-schemas). */
export function pluginVariants(): { label: string; plugins: Plugin[] }[] {
  const measured = deployedPlugins.filter((plugin) => plugin.name !== "docs-page");
  const variants = [{ label: "all plugins", plugins: deployedPlugins }];
  for (const plugin of measured) {
    if (plugin.name === "pure-sdk-schemas") {
      for (const step of Object.keys(SCHEMA_TRANSFORMS) as SchemaTransform[]) {
        variants.push({
          label: `without ${plugin.name}: ${step}`,
          plugins: deployedPlugins.map((each) => (each === plugin ? schemasWithout(step) : each)),
        });
      }
    } else {
      variants.push({ label: `without ${plugin.name}`, plugins: deployedPlugins.filter((each) => each !== plugin) });
    }
  }
  return variants;
}

export interface PluginShare {
  variant: string;
  fn: string;
  bytes: number;
  /** The variant's module minus the full build's. */
  bytesSaved: number;
  /** Medians of paired cold starts: the variant's INIT CPU minus the full build's, and the same up to the first answer. */
  initCpuSavedMs: number;
  processCpuSavedMs: number;
}

async function bundle(entry: string, plugins: Plugin[], outfile: string, options: BuildOptions): Promise<number> {
  const result = await build({ ...options, plugins, entryPoints: [`${ROOT}/${entry}.ts`], outfile, metafile: true, logLevel: "error" });
  return Object.values(result.metafile!.outputs).find((output) => output.entryPoint)!.bytes;
}

export async function pluginShares(outDir: string, pairs: number, env: NodeJS.ProcessEnv): Promise<PluginShare[]> {
  const options = { ...deployedBuildOptions(), bundle: true };
  const variants = pluginVariants();
  const rows: PluginShare[] = [];
  for (const [fn, { entry }] of Object.entries(FUNCTIONS)) {
    const dir = `${outDir}/plugins/${fn}`;
    mkdirSync(dir, { recursive: true });
    const full = `${dir}/all.mjs`;
    const fullBytes = await bundle(entry, variants[0]!.plugins, full, options);
    const { event, expect } = eventFor(MOST_COMMON[fn as keyof typeof FUNCTIONS]);
    for (const [index, variant] of variants.entries()) {
      if (index === 0) continue;
      const file = `${dir}/variant-${index}.mjs`;
      const bytes = await bundle(entry, variant.plugins, file, options);
      // The full build stands as the paired baseline: ratios are variant / full.
      const paired = await pairedColdStarts(file, full, event, expect, pairs, env);
      const saved = (pick: (run: (typeof paired.handler)[number]) => number) =>
        median(paired.handler.map((run, at) => pick(run) - pick(paired.noop[at]!)));
      rows.push({
        variant: variant.label,
        fn,
        bytes,
        bytesSaved: bytes - fullBytes,
        initCpuSavedMs: saved((run) => run.init.cpuMs),
        processCpuSavedMs: saved((run) => run.cpuMs),
      });
    }
  }
  return rows;
}

/** The keep rule: a plugin stays only where it buys at least this much on some function. */
export const KEEP_RULE = { initCpuMs: 3, bytes: 20 * 1024 };

/** One row per variant: what leaving it out costs each function, and whether the plugin meets the keep rule. */
export function formatPluginShares(rows: PluginShare[]): string {
  const functions = [...new Set(rows.map((row) => row.fn))];
  const variants = [...new Set(rows.map((row) => row.variant))];
  const cell = (row: PluginShare) => `+${(row.bytesSaved / 1024).toFixed(1)} KB, +${row.initCpuSavedMs.toFixed(1)} ms`;
  return formatTable([
    ["left out (+ module KB, + INIT CPU ms vs all plugins)", ...functions, "keep rule met"],
    ...variants.map((variant) => {
      const of = rows.filter((row) => row.variant === variant);
      const met = of.some((row) => row.bytesSaved >= KEEP_RULE.bytes || row.initCpuSavedMs >= KEEP_RULE.initCpuMs);
      return [variant, ...functions.map((fn) => cell(of.find((row) => row.fn === fn)!)), met ? "yes" : "NO"];
    }),
  ]);
}
