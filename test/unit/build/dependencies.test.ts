/** Every dependency in package.json is used: a runtime one by what is bundled, a dev one by some file of the repository. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../../../scripts/local-stack.js";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
// Prose does not count: a dependency only a document names is unused.
const files = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" })
  .split("\n")
  .filter((file) => file !== "" && !/(^|\/)package(-lock)?\.json$/.test(file) && !file.endsWith(".md"));
const texts = new Map(files.map((file) => [file, readFileSync(join(ROOT, file), "utf8")]));
const everything = [...texts.values(), ...Object.values(pkg.scripts)].join("\n");
const regexEscaped = (name: string) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

test.each(Object.keys(pkg.dependencies))("the runtime dependency %s is imported by src/ or build/ (what a bundle holds)", (name) => {
  const specifier = new RegExp(`["'\`]${regexEscaped(name)}(/[^"'\`]*)?["'\`]`);
  expect([...texts].filter(([file, text]) => /^(src|build)\//.test(file) && specifier.test(text)).map(([file]) => file)).not.toEqual([]);
});

test.each(Object.keys(pkg.devDependencies))("the dev dependency %s is named by a file of the repository, or its command run", (name) => {
  const named = (word: string) => new RegExp(`(^|[^\\w@/.-])${regexEscaped(word)}(?![\\w-])`, "m").test(everything);
  const { bin } = JSON.parse(readFileSync(join(ROOT, "node_modules", name, "package.json"), "utf8")) as { bin?: string | object };
  const commands = typeof bin === "object" ? Object.keys(bin) : [];
  // A types package is used where its package's modules are: @types/node by node: imports, @types/jest by the tests.
  const typed = name.startsWith("@types/") ? name.slice("@types/".length) : undefined;
  const used =
    named(name) ||
    commands.some((command) => new RegExp(`(^|[\\s"'\`/])${regexEscaped(command)} `, "m").test(everything)) ||
    (typed === "node" && /from "node:/.test(everything)) ||
    (typed === "jest" && files.some((file) => file.endsWith(".test.ts"))) ||
    (typed !== undefined && named(typed));
  expect(used).toBe(true);
});
