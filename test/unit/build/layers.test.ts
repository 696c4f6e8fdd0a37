/** The dependency rule (.dependency-cruiser.cjs) holds for src/, and it does refuse what it forbids. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { cruise, type IReporterOutput } from "dependency-cruiser";
import { ROOT } from "../../../scripts/local-stack.js";

const ruleSet = createRequire(import.meta.url)(`${ROOT}/.dependency-cruiser.cjs`);

interface Cruised {
  modules: { source: string; dependencies: { module: string; couldNotResolve: boolean }[] }[];
  summary: { violations: { from: string; to: string; rule: { name: string } }[] };
}

/** Cruises `baseDir`/src; the project itself through its tsconfig (imports name .js files that are .ts). */
async function cruiseSrc(baseDir: string, tsConfig?: { fileName: string }) {
  const { output } = (await cruise(["src"], { ...ruleSet.options, ruleSet, validate: true, baseDir, tsConfig })) as IReporterOutput & {
    output: Cruised;
  };
  return output;
}

const violations = (output: Cruised) =>
  output.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`);

test("src/ keeps the dependency rule, every import of ours resolved", async () => {
  const output = await cruiseSrc(resolve(ROOT), { fileName: join(ROOT, "tsconfig.json") });
  const unresolved = output.modules.flatMap((module) =>
    module.dependencies.filter((dependency) => dependency.couldNotResolve && dependency.module.startsWith(".")),
  );
  expect(unresolved).toEqual([]);
  expect(output.modules.filter((module) => module.source.startsWith("src/lib/keypairs/")).length).toBeGreaterThan(10);
  expect(violations(output)).toEqual([]);
}, 60_000);

test("the rule refuses a key-pair rule importing HTTP code, an adapter importing HTTP code, runtime importing scripts", async () => {
  const dir = mkdtempSync(join(tmpdir(), "layers-"));
  const files: Record<string, string> = {
    "src/lib/http/problems.ts": "export const x = 1;\n",
    "src/lib/keypairs/create.ts": 'import { x } from "../http/problems.ts";\nexport const y = x;\n',
    "src/lib/aws/ec2.ts": 'import { x } from "../http/problems.ts";\nexport const z = x;\n',
    "src/lib/platform/config.ts": 'import { y } from "../keypairs/create.ts";\nexport const c = y;\n',
    "src/handlers/get.ts": 'import { g } from "../../scripts/openapi/document.ts";\nexport const h = g;\n',
    "scripts/openapi/document.ts": "export const g = 1;\n",
  };
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    expect(violations(await cruiseSrc(dir)).sort()).toEqual([
      "adapters-know-no-http: src/lib/aws/ec2.ts -> src/lib/http/problems.ts",
      "platform-is-the-bottom: src/lib/platform/config.ts -> src/lib/keypairs/create.ts",
      "rules-know-no-http-sdk-or-middy: src/lib/keypairs/create.ts -> src/lib/http/problems.ts",
      "runtime-never-imports-build-time: src/handlers/get.ts -> scripts/openapi/document.ts",
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
