/** build/plugins/node-streams-first.cjs on the installed stream collector. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { alteredCopy, load, setup } from "./plugin-harness.js";

const guard = load("plugins/guard.cjs");
const { nodeStreamsFirst, collectNodeStreamsFirst, FILTER } = load("plugins/node-streams-first.cjs");
const FILE = "@smithy/core/dist-es/submodules/serde/util-stream/stream-collector.js";
const installed = join(guard.packageDir("@smithy/core"), FILE.slice("@smithy/core/".length));

const loaded = async (path: string) => {
  const { onLoad } = setup(nodeStreamsFirst);
  expect(onLoad[0]!.options.filter.test(path)).toBe(true);
  return (await onLoad[0]!.callback({ path })) as { contents: string };
};

test("a Node Readable is collected before the Blob and web stream checks", async () => {
  expect(FILTER.test(installed)).toBe(true);
  const { contents } = await loaded(installed);
  expect(contents).toContain('import { Readable, Writable } from "node:stream";');
  const readable = contents.indexOf("if (stream instanceof Readable) {\n        return collectNodeStream(stream);");
  expect(readable).toBeGreaterThan(0);
  expect(readable).toBeLessThan(contents.indexOf("isBlob(stream)"));
  expect(contents).toContain("const collectNodeStream = (stream) => {\n    return new Promise((resolve, reject) => {");
});

test("another collector stops the build, naming the plugin and both hashes", async () => {
  const path = alteredCopy(FILE, readFileSync(installed, "utf8").replace("isBlob(stream)", "isBlob(stream) && true"));
  const expected = guard.EXPECTED["node-streams-first"].files[FILE];
  const message = new RegExp(`^node-streams-first: .* has sha256 [0-9a-f]{64}, it was written against ${expected}\\.`);
  await expect(loaded(path)).rejects.toThrow(message);
});

test("an edit that no longer matches fails instead of being skipped", () => {
  const source = readFileSync(installed, "utf8");
  const otherImport = source.replace('import { Writable } from "node:stream";', 'import { Writable } from "stream";');
  expect(() => collectNodeStreamsFirst(otherImport)).toThrow(/^node-streams-first: the SDK's stream collector changed/);
});
