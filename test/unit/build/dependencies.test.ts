/** Every dependency in package.json is used: a runtime one by what is bundled, a dev one by some file of the repository. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../../scripts/local-stack.js";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const files = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" })
  .split("\n")
  .filter((file) => file !== "" && !/(^|\/)package(-lock)?\.json$/.test(file) && !file.startsWith("docs/"));
const texts = new Map(files.map((file) => [file, readFileSync(join(ROOT, file), "utf8")]));
const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** A module specifier naming `name` or one of its subpaths, in quotes. */
const specifier = (name: string) => new RegExp(`["'\`]${escape(name)}(/[^"'\`]*)?["'\`]`);
const filesNaming = (name: string, where: (file: string) => boolean) =>
  [...texts].filter(([file, text]) => where(file) && specifier(name).test(text)).map(([file]) => file);

test.each(Object.keys(pkg.dependencies))("the runtime dependency %s is imported by src/ or build/ (what a bundle holds)", (name) => {
  expect(filesNaming(name, (file) => /^(src|build)\//.test(file))).not.toEqual([]);
});

test.each(Object.keys(pkg.devDependencies))("the dev dependency %s is named by a file of the repository", (name) => {
  // A types package is used where its package's modules are: @types/node by node: imports, @types/jest by the tests.
  const typed = name.startsWith("@types/") ? name.slice("@types/".length) : undefined;
  const used =
    filesNaming(name, () => true).length > 0 ||
    (typed === "node" && [...texts.values()].some((text) => /from "node:/.test(text))) ||
    (typed === "jest" && files.some((file) => file.endsWith(".test.ts"))) ||
    (typed !== undefined && filesNaming(typed, () => true).length > 0) ||
    // A command the scripts run by its name (npx jest, biome, tsc, depcruise, serverless...).
    [...texts.values()].some((text) => new RegExp(`(npx|exec|bin/)\\s*${escape(name)}\\b`).test(text));
  expect(used).toBe(true);
});
