/**
 * What the bench measures is what `serverless package` ships: it packages a source tree (this one,
 * or an earlier revision checked out beside it) and unzips each function's artifact. Which
 * function serves which route comes from the packaged service state, never from a list kept here.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { type BuildOptions, build, type Metafile, type Plugin } from "esbuild";
import { parse } from "yaml";
import { ROOT } from "../scripts/local-stack.js";

/** A route key as the packaged template writes it ("GET /keypairs/{name}", "ANY /keypairs"), of whichever revision was packaged. */
export type PackagedRouteKey = string;

export interface FunctionArtifact {
  name: string;
  routes: PackagedRouteKey[];
  /** The handler module Lambda loads, unzipped from the artifact. */
  file: string;
  bytes: number;
  /** What INIT loads: the handler module and the chunks it imports statically, transitively (not those it imports on first use). */
  initBytes: number;
  /** Every file in the zip, uncompressed (the bundle plus any static asset beside it). */
  unzippedBytes: number;
  zipBytes: number;
}

interface ServiceState {
  service: {
    provider: { environment?: Record<string, string> };
    functions: Record<string, { handler: string; events: { httpApi?: { method: string; path: string } }[] }>;
  };
}

const routeKey = (event: { method: string; path: string }): PackagedRouteKey =>
  `${event.method === "*" ? "ANY" : event.method.toUpperCase()} ${event.path}`;

/** `serverless package` of `sourceDir` into `outDir`, each function's zip unzipped beside it. */
export function packageService(sourceDir: string, outDir: string): FunctionArtifact[] {
  rmSync(outDir, { recursive: true, force: true });
  execFileSync(`${ROOT}/node_modules/.bin/serverless`, ["package", "--package", outDir], {
    cwd: sourceDir,
    // The deployed build: the Lambda bundles' credential provider (build/esbuild-plugins.cjs).
    env: { ...process.env, FULL_CREDENTIAL_CHAIN: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const state = JSON.parse(readFileSync(`${outDir}/serverless-state.json`, "utf8")) as ServiceState;
  return Object.entries(state.service.functions).map(([name, fn]) => {
    const zip = `${outDir}/${name}.zip`;
    const dir = `${outDir}/${name}`;
    mkdirSync(dir, { recursive: true });
    execFileSync("unzip", ["-q", "-o", zip, "-d", dir]);
    const listing = execFileSync("unzip", ["-Z", "-t", zip], { encoding: "utf8" });
    const file = `${dir}/${fn.handler.replace(/\.[^.]+$/, "")}.mjs`;
    return {
      name,
      routes: fn.events.flatMap((event) => (event.httpApi ? [routeKey(event.httpApi)] : [])),
      file,
      bytes: statSync(file).size,
      initBytes: initGraph(file).reduce((sum, each) => sum + statSync(each).size, 0),
      unzippedBytes: Number(/(\d+) bytes uncompressed/.exec(listing)?.[1] ?? Number.NaN),
      zipBytes: statSync(zip).size,
    };
  });
}

/** A bundle's static imports (`import … from "./…"`, `export … from`, `import "./…"`), not its dynamic import()s. */
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^;"'()]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g;

/** The files INIT loads from a bundle: it and its static imports of other files, transitively. */
export function initGraph(file: string): string[] {
  const loaded = new Set<string>();
  const visit = (path: string) => {
    if (loaded.has(path)) return;
    loaded.add(path);
    for (const [, specifier] of readFileSync(path, "utf8").matchAll(STATIC_IMPORT)) visit(resolve(dirname(path), specifier!));
  };
  visit(file);
  return [...loaded];
}

/** The environment serverless.yml gives every function, as packaged into `outDir`. */
export function packagedEnvironment(outDir: string): Record<string, string> {
  const state = JSON.parse(readFileSync(`${outDir}/serverless-state.json`, "utf8")) as ServiceState;
  return state.service.provider.environment ?? {};
}

/**
 * A checkout of `revision` beside this tree (for before/after columns in one run). It shares this
 * tree's node_modules when its lockfile is the same; else it installs its own (`npm ci`), since its
 * build plugins stop on any other version of the packages they patch (build/plugins/guard.cjs).
 */
export function checkoutRevision(revision: string, dir: string): string {
  if (existsSync(dir)) removeCheckout(dir);
  execFileSync("git", ["worktree", "add", "--detach", dir, revision], { cwd: ROOT, stdio: "ignore" });
  const lockfile = (root: string) => readFileSync(`${root}/package-lock.json`, "utf8");
  if (lockfile(dir) === lockfile(ROOT)) symlinkSync(`${ROOT}/node_modules`, `${dir}/node_modules`);
  else execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], { cwd: dir, stdio: "ignore" });
  return dir;
}

export function removeCheckout(dir: string): void {
  execFileSync("git", ["worktree", "remove", "--force", dir], { cwd: ROOT, stdio: "ignore" });
}

/**
 * A tree's serverless.yml custom.esbuild as esbuild options, for the bench's and tests' own builds
 * (warm overhead, parts). Without code splitting unless asked (`splitting: true`, which needs an
 * outdir): a one-file build holds what the function loads on first use too, unevaluated until used.
 */
export function deployedBuildOptions(root = ROOT, { splitting = false } = {}): BuildOptions {
  const service = parse(readFileSync(`${root}/serverless.yml`, "utf8")) as { custom: { esbuild: Record<string, unknown> } };
  // serverless-esbuild's own settings, not esbuild's.
  const { plugins, exclude: _exclude, outputFileExtension, watch: _watch, ...options } = service.custom.esbuild;
  return {
    ...(options as BuildOptions),
    splitting: splitting && options.splitting === true,
    ...(splitting ? { outExtension: { ".js": String(outputFileExtension) } } : {}),
    plugins: createRequire(import.meta.url)(`${root}/${String(plugins)}`) as Plugin[],
  };
}

/**
 * `source` (a module's text, its imports resolved from `root`) bundled into the one file `outfile`
 * with that tree's deployed build options: the bench's parts, floors and in-process handlers.
 */
export async function bundleSource(source: string, outfile: string, { root = ROOT, minify }: { root?: string; minify?: boolean } = {}) {
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: "ts" },
    outfile,
    bundle: true,
    platform: "node",
    target: "node24",
    logLevel: "error",
    metafile: true,
    ...deployedBuildOptions(root),
    ...(minify === undefined ? {} : { minify }),
  });
  const outputs = (result.metafile as Metafile).outputs;
  return { outfile, bytes: Object.values(outputs)[0]!.bytes };
}

/** An SDK request handler answering each request from memory with `answer`'s body: no socket, no wait. */
export const inMemoryHandler = (answer: (request: { body?: string }) => { contentType: string; body: string }) => ({
  handle: async (request: { body?: string }) => {
    const { contentType, body } = answer(request);
    return { response: { statusCode: 200, headers: { "content-type": contentType }, body: Buffer.from(body) } };
  },
  updateHttpClientConfig: () => undefined,
  httpHandlerConfigs: () => ({}),
});
