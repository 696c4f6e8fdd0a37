/** build/plugins/pure-sdk-schemas.cjs on the installed EC2 and SSM schemas. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { alteredCopy, load, setup } from "./plugin-harness.js";

const guard = load("plugins/guard.cjs");
const { pureSdkSchemas, markSchemasPure, unregisterModeledErrors, FILTER } = load("plugins/pure-sdk-schemas.cjs");
const schemas = (client: string) => join(guard.packageDir(`@aws-sdk/client-${client}`), "dist-es", "schemas", "schemas_0.js");
const DECLARATION = /^(export )?var [\w$]+ = \[/gm;

const loaded = async (path: string) => {
  const { onLoad } = setup(pureSdkSchemas);
  expect(onLoad).toHaveLength(1);
  expect(onLoad[0]!.options.filter.test(path)).toBe(true);
  return (await onLoad[0]!.callback({ path })) as { contents: string; resolveDir: string };
};

test("the plugin's filter matches both installed schema files", () => {
  for (const client of ["ec2", "ssm"]) expect(FILTER.test(schemas(client))).toBe(true);
});

test("every EC2 schema array becomes a pure IIFE, in the same order", async () => {
  const source = readFileSync(schemas("ec2"), "utf8");
  const declarations = source.match(DECLARATION)!.length;
  expect(declarations).toBeGreaterThan(3000);
  const { contents, resolveDir } = await loaded(schemas("ec2"));
  expect(contents.match(DECLARATION)).toBeNull();
  expect(contents.match(/ = \/\* @__PURE__ \*\/ \(\(\) => \[/g)).toHaveLength(declarations);
  expect(resolveDir).toBe(join(guard.packageDir("@aws-sdk/client-ec2"), "dist-es", "schemas"));
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
