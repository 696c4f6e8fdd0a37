/** build/plugins/pure-sdk-schemas.cjs on the installed EC2 and SSM schemas. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { alteredCopy, load, setup } from "./plugin-harness.js";

const guard = load("plugins/guard.cjs");
const { pureSdkSchemas, markSchemasPure, unregisterModeledErrors, FILTER } = load("plugins/pure-sdk-schemas.cjs");
const schemas = (client: string) => join(guard.packageDir(`@aws-sdk/client-${client}`), "dist-es", "schemas", "schemas_0.js");
const DECLARATION = /^(export )?var [\w$]+ = \[/gm;

const loaded = async (path: string, suffix = "", { onLoad } = setup(pureSdkSchemas)) => {
  expect(onLoad).toHaveLength(1);
  expect(onLoad[0]!.options.filter.test(path)).toBe(true);
  return (await onLoad[0]!.callback({ path, suffix })) as { contents: string; resolveDir: string };
};

test("the plugin's filter matches both installed schema files", () => {
  for (const client of ["ec2", "ssm"]) expect(FILTER.test(schemas(client))).toBe(true);
});

test("every SSM schema array becomes a pure IIFE, in the same order", async () => {
  const source = readFileSync(schemas("ssm"), "utf8");
  const declarations = source.match(DECLARATION)!.length;
  expect(declarations).toBeGreaterThan(100);
  const { contents, resolveDir } = await loaded(schemas("ssm"));
  expect(contents.match(DECLARATION)).toBeNull();
  expect(contents.match(/ = \/\* @__PURE__ \*\/ \(\(\) => \[/g)).toHaveLength(declarations);
  expect(resolveDir).toBe(join(guard.packageDir("@aws-sdk/client-ssm"), "dist-es", "schemas"));
});

test("EC2's schema file re-exports a module per schema, which imports those it refers to; ids few use are written in", async () => {
  const source = readFileSync(schemas("ec2"), "utf8");
  const exported = source.match(/^export (?:var|const) [\w$]+ = /gm)!.length;
  // One plugin set up: it splits the file once.
  const plugin = setup(pureSdkSchemas);
  const { contents, resolveDir } = await loaded(schemas("ec2"), "", plugin);
  expect(resolveDir).toBe(join(guard.packageDir("@aws-sdk/client-ec2"), "dist-es", "schemas"));
  // Only `export *` (esbuild follows it without loading the file), one per exported schema.
  expect(contents.split("\n")).toHaveLength(exported);
  expect(contents.split("\n").every((line) => /^export \* from "\.\/schemas_0\.js\?part=[\w$]+";$/.test(line))).toBe(true);
  expect(contents).toContain('export * from "./schemas_0.js?part=DescribeKeyPairs$";');
  const operation = (await loaded(schemas("ec2"), "?part=DescribeKeyPairs$", plugin)).contents;
  expect(operation).toBe(
    [
      'import { n0 } from "./schemas_0.js?part=n0";',
      'import { DescribeKeyPairsRequest$ } from "./schemas_0.js?part=DescribeKeyPairsRequest$";',
      'import { DescribeKeyPairsResult$ } from "./schemas_0.js?part=DescribeKeyPairsResult$";',
      'var DescribeKeyPairs$ = [9, n0, "DescribeKeyPairs",',
      "    0, () => DescribeKeyPairsRequest$, () => DescribeKeyPairsResult$",
      "];",
      "export { DescribeKeyPairs$ };",
    ].join("\n"),
  );
  // The error registry keeps its registration, in the registry's module.
  expect((await loaded(schemas("ec2"), "?part=_s_registry", plugin)).contents).toContain(
    "_s_registry.registerError(EC2ServiceException$, EC2ServiceException);",
  );
  const dir = join(guard.packageDir("@aws-sdk/client-ec2"), "dist-es", "schemas");
  expect(plugin.onResolve[0]!.callback({ path: "./schemas_0.js?part=KeyPairList", resolveDir: dir })).toEqual({
    path: schemas("ec2"),
    suffix: "?part=KeyPairList",
    sideEffects: false,
  });
});

test("SSM's modeled error registrations are removed, its base exception's stays", async () => {
  const source = readFileSync(schemas("ssm"), "utf8");
  expect(source.match(/^n0_registry\.registerError\(/gm)!.length).toBeGreaterThan(100);
  const { contents } = await loaded(schemas("ssm"));
  expect(contents).not.toContain("n0_registry.registerError(");
  expect(contents).toContain("_s_registry.registerError(SSMServiceException$, SSMServiceException);");
});

test("a schema file other than the one it was written against stops the build, naming the plugin and both hashes", async () => {
  const file = "@aws-sdk/client-ssm/dist-es/schemas/schemas_0.js";
  const path = alteredCopy(file, `${readFileSync(schemas("ssm"), "utf8")}\n// changed\n`);
  const expected = guard.EXPECTED["pure-sdk-schemas"].files[file];
  const message = new RegExp(`^pure-sdk-schemas: ${file} .* has sha256 [0-9a-f]{64}, it was written against ${expected}\\.`);
  await expect(loaded(path)).rejects.toThrow(message);
});

test("a layout its patterns do not match fails instead of doing nothing", () => {
  expect(() => markSchemasPure("export const X = [1];\n")).toThrow(/^pure-sdk-schemas: no top-level/);
  expect(() => markSchemasPure("var X = [\n  1,\n")).toThrow(/^pure-sdk-schemas: unterminated schema array/);
  const otherRegistry = "n1_registry.registerError(A$, A);\n";
  expect(() => unregisterModeledErrors(otherRegistry)).toThrow(/^pure-sdk-schemas: the SDK registers errors differently now/);
  expect(unregisterModeledErrors("n0_registry.registerError(A$, A);\nkeep();")).toBe("\nkeep();");
});
