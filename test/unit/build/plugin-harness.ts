/** Loads the build's CommonJS plugins, and records what a plugin registers with esbuild (no build run). */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const requireBuild = createRequire(import.meta.url);
export const ROOT = join(dirname(new URL(import.meta.url).pathname), "..", "..", "..");
export const load = (file: string): any => requireBuild(join(ROOT, "build", file));

type Callback = (args: Record<string, unknown>) => unknown;
type Options = { filter: RegExp; namespace?: string };
export interface Registered {
  onLoad: { options: Options; callback: Callback }[];
  onResolve: { options: Options; callback: Callback }[];
}

/** Runs `plugin.setup` against a stand-in of esbuild's build object; returns the hooks it registered. */
export function setup(plugin: { setup: (build: unknown) => void }, initialOptions: Record<string, unknown> = {}): Registered {
  const registered: Registered = { onLoad: [], onResolve: [] };
  plugin.setup({
    initialOptions,
    onLoad: (options: Options, callback: Callback) => registered.onLoad.push({ options, callback }),
    onResolve: (options: Options, callback: Callback) => registered.onResolve.push({ options, callback }),
  });
  return registered;
}

export const sha256 = (contents: string | Buffer) => createHash("sha256").update(contents).digest("hex");

/** A copy of a package file with other contents, at a path ending node_modules/<file> (as a nested copy would be). */
export function alteredCopy(file: string, contents: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "build-guard-")), "node_modules", file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
  return path;
}
