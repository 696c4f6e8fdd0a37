/** build/plugins/module-parts.cjs: a module as modules of its declarations, on a module of our own and on @smithy/core's date utilities. */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { build, type Plugin } from "esbuild";
import { deployedBuildOptions } from "../../../bench/artifacts.js";
import { alteredCopy, load, ROOT, setup } from "./plugin-harness.js";

const guard = load("plugins/guard.cjs");
const { moduleParts, partsOf, FILTER } = load("plugins/module-parts.cjs");
const DATE_UTILS = "@smithy/core/dist-es/submodules/serde/date-utils.js";
const installed = join(guard.packageDir("@smithy/core"), DATE_UTILS.slice("@smithy/core/".length));

const MODULE = `import { dep } from "./dep.js";
import * as ns from "./ns.js";
export { other } from "./other.js";
const table = [1, 2];
export function a() { return b() + table[0]; }
function b() { return a() ? ns.x : 0; }
export const c = dep({ table: 1 });
const registry = new Map();
registry.set("k", c);
export { registry as reg };`;

test("each declaration is a module importing what it refers to; those that refer to each other are one, in the module's order", () => {
  const parts: Map<string, string> = partsOf(MODULE, "m.js");
  expect([...parts.keys()].sort()).toEqual(["", "?face=a", "?face=registry", "?part=a", "?part=c", "?part=registry", "?part=table"]);
  expect(parts.get("?part=a")).toBe(
    [
      'import * as ns from "./ns.js";',
      'import { table } from "./m.js?part=table";',
      "function a() { return b() + table[0]; }",
      "function b() { return a() ? ns.x : 0; }",
      "export { a, b };",
    ].join("\n"),
  );
  // A property named like a declaration is not a reference to it.
  expect(parts.get("?part=c")).toBe(['import { dep } from "./dep.js";', "const c = dep({ table: 1 });", "export { c };"].join("\n"));
  // A top-level call of a declaration's method runs with it.
  expect(parts.get("?part=registry")).toBe(
    ['import { c } from "./m.js?part=c";', "const registry = new Map();", 'registry.set("k", c);', "export { registry };"].join("\n"),
  );
  // The module itself only re-exports with `export *`: a part with names of its own through a module of its public ones.
  expect(parts.get("")).toBe(
    [
      'export { other } from "./other.js";',
      'export * from "./m.js?face=a";',
      'export * from "./m.js?part=c";',
      'export * from "./m.js?face=registry";',
    ].join("\n"),
  );
  expect(parts.get("?face=a")).toBe('export { a } from "./m.js?part=a";');
  expect(parts.get("?face=registry")).toBe('export { registry as reg } from "./m.js?part=registry";');
});

test("an unexported constant that few declarations use is written in them, and is no module; one more used is", () => {
  const source = 'const _A = "Name";\nconst _B = "Shared";\nexport var S = [_A, { [_A]: _B }];\nexport var T = [_B];';
  const parts: Map<string, string> = partsOf(source, "s.js", { inline: 1 });
  expect(parts.get("?part=S")).toBe('import { _B } from "./s.js?part=_B";\nvar S = ["Name", { ["Name"]: _B }];\nexport { S };');
  expect([...parts.keys()].sort()).toEqual(["", "?part=S", "?part=T", "?part=_B"]);
  expect(partsOf(source, "s.js", { inline: 2 }).get("?part=T")).toBe('var T = ["Shared"];\nexport { T };');
});

test.each([
  ["a default export", "export default 1;"],
  ["a statement that is no declaration", "setup();"],
  ["a call on something it does not declare", "console.log(1);"],
  ["a destructuring declaration", "const { x } = globalThis;"],
  ["an export of what it imports", 'import { y } from "./y.js";\nexport { y };'],
])("%s stops the build", (_what, source) => {
  expect(() => partsOf(source, "x.js")).toThrow(/^module-parts: x\.js: /);
});

describe("on @smithy/core's date utilities", () => {
  const loaded = async (path: string, suffix = "") => {
    const { onLoad } = setup(moduleParts);
    expect(onLoad[0]!.options.filter.test(path)).toBe(true);
    return (await onLoad[0]!.callback({ path, suffix })) as { contents: string };
  };

  test("the module re-exports its parts, each loaded by name", async () => {
    expect(FILTER.test(installed)).toBe(true);
    const { contents } = await loaded(installed);
    expect(contents).toContain('export * from "./date-utils.js?part=parseEpochTimestamp";');
    expect(contents.split("\n").every((line) => line.startsWith("export * from "))).toBe(true);
    expect((await loaded(installed, "?part=parseEpochTimestamp")).contents).toMatch(/^const parseEpochTimestamp = /m);
  });

  test("another file stops the build, naming the plugin and both hashes", async () => {
    const path = alteredCopy(DATE_UTILS, `${readFileSync(installed, "utf8")}\n// changed\n`);
    const expected = guard.EXPECTED["module-parts"].files[DATE_UTILS];
    await expect(loaded(path)).rejects.toThrow(
      new RegExp(`^module-parts: .* has sha256 [0-9a-f]{64}, it was written against ${expected}\\.`),
    );
  });

  test("built as deployed, the JSON protocol's date parsers only a lazily loaded client uses are not loaded at INIT; EC2's are", async () => {
    const result = await build({
      ...deployedBuildOptions(ROOT, { splitting: true }),
      stdin: {
        contents: 'export { EC2Client } from "@aws-sdk/client-ec2"; export const lazy = () => import("@aws-sdk/client-dynamodb");',
        resolveDir: ROOT,
        loader: "js",
      },
      outdir: join(ROOT, ".tmp/module-parts"),
      write: false,
      metafile: true,
      logLevel: "error",
    });
    const outputs = result.metafile.outputs;
    const main = Object.entries(outputs).find(([, output]) => output.entryPoint)!;
    const init = new Set([main[0], ...main[1].imports.filter((each) => each.kind === "import-statement").map((each) => each.path)]);
    const where = (part: string) =>
      Object.entries(outputs)
        .filter(([, output]) => (output.inputs[`node_modules/${DATE_UTILS}?part=${part}`]?.bytesInOutput ?? 0) > 0)
        .map(([path]) => (init.has(path) ? "INIT" : "lazy"));
    expect(where("parseEpochTimestamp")).toEqual(["lazy"]);
    expect(where("parseRfc3339DateTimeWithOffset")).toEqual(["lazy"]);
    expect(where("parseRfc7231DateTime")).toEqual(["INIT"]);
  }, 60_000);

  test("the parts answer as the module does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "module-parts-"));
    try {
      const contents = `import * as serde from "@smithy/core/serde";
const tries = ["2026-12-07T18:00:00Z", "2026-12-07T18:00:00.5+01:30", "Mon, 07 Dec 2026 18:00:00 GMT", "Monday, 07-Dec-26 18:00:00 GMT",
  "Mon Dec  7 18:00:00 2026", 1765130400, "1765130400.25", "2026-02-30T00:00:00Z", "nonsense"];
const out = [];
for (const name of ["parseRfc3339DateTime", "parseRfc3339DateTimeWithOffset", "parseRfc7231DateTime", "parseEpochTimestamp"])
  for (const value of tries) { try { out.push(serde[name](value)?.toISOString()); } catch (error) { out.push(error.message); } }
out.push(serde.dateToUtcString(new Date(Date.UTC(2026, 11, 7, 18))));
console.log(JSON.stringify(out));`;
      const run = async (plugins: Plugin[], file: string) => {
        const outfile = join(dir, file);
        await build({
          ...deployedBuildOptions(),
          stdin: { contents, resolveDir: ROOT, loader: "js" },
          outfile,
          plugins,
          logLevel: "error",
        });
        return (await promisify(execFile)(`${ROOT}/node_modules/.bin/node`, [outfile])).stdout;
      };
      const deployed = deployedBuildOptions().plugins!;
      const split = await run(deployed, "split.mjs");
      expect(JSON.parse(split)).toContain("2026-12-07T16:30:00.500Z");
      expect(split).toBe(
        await run(
          deployed.filter((plugin) => plugin.name !== "module-parts"),
          "whole.mjs",
        ),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
