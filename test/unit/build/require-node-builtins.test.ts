/** build/plugins/require-node-builtins.cjs: patches no dependency; guarded by the Node version it reads export names from. */
import { load, setup } from "./plugin-harness.js";

const { requireNodeBuiltins, importedNames } = load("plugins/require-node-builtins.cjs");
const major = process.versions.node.split(".")[0];

test("building for another Node major than the build's fails, naming the plugin", () => {
  const older = () => setup(requireNodeBuiltins, { target: `node${Number(major) - 2}` });
  expect(older).toThrow(/^require-node-builtins: building for node\d+ with Node /);
  expect(setup(requireNodeBuiltins, { target: `node${major}` }).onResolve).toHaveLength(1);
});

test("each import takes the builtin by the names its statement lists", async () => {
  const resolve = (contents: string, path: string) => {
    const { onResolve } = setup(requireNodeBuiltins, { target: `node${major}`, stdin: { contents } });
    return onResolve[0]!.callback({ path, importer: "<stdin>", kind: "import-statement", namespace: "file" });
  };
  const plain = { path: "node:http", namespace: "node-builtin" };
  await expect(resolve('import { request } from "node:http";', "node:http")).resolves.toEqual(plain);
  const lazy = { path: "node:fs?ReadStream,fstatSync", namespace: "node-builtin-lazy" };
  await expect(resolve('import { fstatSync, ReadStream } from "node:fs";', "node:fs")).resolves.toEqual(lazy);
  const commonjs = { path: "node:http", namespace: "node-builtin-commonjs" };
  await expect(resolve('import * as http from "node:http";', "node:http")).resolves.toEqual(commonjs);
  expect(importedNames('import a, { b as c, type d } from "node:x";', "node:x")).toEqual(["default", "b"]);
});
