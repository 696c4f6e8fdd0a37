/** build/esbuild-plugins.cjs, the entry serverless-esbuild loads: the plugins in the order esbuild runs them. */
import { load } from "./plugin-harness.js";

test("assembles the plugins in order, and still exports markSchemasPure", () => {
  const plugins = load("esbuild-plugins.cjs");
  expect(plugins.map((plugin: { name: string }) => plugin.name)).toEqual([
    "pure-sdk-schemas",
    "module-parts",
    "require-node-builtins",
    "lambda-credentials",
    "no-shared-config-files",
    "no-event-streams",
    "standard-retries",
    "native-sha256",
    "deep-protocol-imports",
    "sdk-version-only",
    "chunks-beside-entry",
    "docs-page",
  ]);
  expect(plugins[0]).toBe(load("plugins/pure-sdk-schemas.cjs").pureSdkSchemas);
  expect(plugins.markSchemasPure).toBe(load("plugins/pure-sdk-schemas.cjs").markSchemasPure);
});
