/**
 * The loading rule (decision 0029; its table: bench/loading-rule.ts): each function, built as
 * serverless.yml builds it (code splitting), loads at INIT (its bundle and the chunks that imports
 * statically, transitively) no module of a feature the rule lists as lazy for it. Those are in
 * chunks its dynamic import()s load on first use.
 */
import { build, type Metafile } from "esbuild";
import { deployedBuildOptions } from "../../../bench/artifacts.js";
import { FEATURES, LOADING_RULE, lazyFeatures } from "../../../bench/loading-rule.js";
import { ROOT } from "../../../scripts/local-stack.js";

/** Each output of a build, and whether INIT loads it. */
async function outputsOf(entry: string): Promise<{ init: boolean; inputs: string[] }[]> {
  const result = await build({
    ...deployedBuildOptions(ROOT, { splitting: true }),
    entryPoints: [`${ROOT}/${entry}.ts`],
    absWorkingDir: ROOT,
    outdir: `${ROOT}/.tmp/init-graph`,
    write: false,
    metafile: true,
    logLevel: "error",
  });
  const outputs: Metafile["outputs"] = result.metafile.outputs;
  const main = Object.keys(outputs).find((path) => outputs[path]!.entryPoint === `${entry}.ts`);
  if (!main) throw new Error(`no output for ${entry}`);
  const init = new Set<string>();
  const visit = (path: string) => {
    if (init.has(path)) return;
    init.add(path);
    for (const imported of outputs[path]!.imports) if (imported.kind === "import-statement" && outputs[imported.path]) visit(imported.path);
  };
  visit(main);
  return Object.entries(outputs).map(([path, output]) => ({
    init: init.has(path),
    inputs: Object.entries(output.inputs).flatMap(([input, { bytesInOutput }]) => (bytesInOutput > 0 ? [input] : [])),
  }));
}

const featureOf = (features: (keyof typeof FEATURES)[], input: string) =>
  features.find((feature) => FEATURES[feature].some((module) => module.test(input)));

describe.each(Object.entries(LOADING_RULE))("%s", (_name, rule) => {
  let outputs: { init: boolean; inputs: string[] }[];
  beforeAll(async () => {
    outputs = await outputsOf(rule.entry);
  }, 120_000);

  test(`its INIT loads no module of a feature the rule lists as lazy for it`, () => {
    const lazy = lazyFeatures(rule);
    const atInit = outputs.filter((output) => output.init).flatMap((output) => output.inputs);
    const offending = atInit.flatMap((input) => {
      const feature = featureOf(lazy, input);
      return feature ? [`${feature}: ${input}`] : [];
    });
    expect(offending).toEqual([]);
  });
});

test("the rule's module patterns name real modules: the read function holds the usage check, in chunks loaded on first use", async () => {
  const outputs = await outputsOf(LOADING_RULE.readKeyPairs!.entry);
  const lazy = outputs.filter((output) => !output.init).flatMap((output) => output.inputs);
  expect(lazy.filter((input) => featureOf(["usageCheck"], input)).map((input) => input.split("/dist-")[0])).toEqual(
    expect.arrayContaining(["node_modules/@aws-sdk/client-auto-scaling", "src/lib/aws/key-usage.ts", "src/lib/keypairs/usage.ts"]),
  );
  // EC2's schemas are a module each (build/plugins/module-parts.cjs): the usage describes' are the usage check's.
  expect(lazy).toEqual(
    expect.arrayContaining([
      "node_modules/@aws-sdk/client-ec2/dist-es/commands/DescribeInstancesCommand.js",
      "node_modules/@aws-sdk/client-ec2/dist-es/schemas/schemas_0.js?part=DescribeInstances$",
      "node_modules/@aws-sdk/client-ec2/dist-es/schemas/schemas_0.js?part=DescribeFleetsResult$",
    ]),
  );
}, 120_000);
