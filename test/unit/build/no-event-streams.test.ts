/** build/plugins/no-event-streams.cjs: the stand-in for @smithy/core/event-streams, against the installed importer. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { load, setup } from "./plugin-harness.js";

const guard = load("plugins/guard.cjs");
const { noEventStreams, guardImporter, NO_EVENT_STREAMS, IMPORTER } = load("plugins/no-event-streams.cjs");
const importer = () => readFileSync(join(guard.packageDir("@smithy/core"), IMPORTER), "utf8");

test("only the dynamic import resolves to the stand-in, which exports what HttpProtocol takes", async () => {
  const { onResolve, onLoad } = setup(noEventStreams);
  const resolved = onResolve[0]!.callback({ path: "@smithy/core/event-streams", kind: "dynamic-import" });
  expect(resolved).toEqual({ path: "no-event-streams", namespace: "no-event-streams" });
  expect(onResolve[0]!.callback({ path: "@smithy/core/event-streams", kind: "import-statement" })).toBeUndefined();
  expect(onLoad[0]!.callback({ path: "no-event-streams" })).toEqual({ contents: NO_EVENT_STREAMS, loader: "js" });
  const taken = /const \{ ([\w$, ]+) \} = await import\("@smithy\/core\/event-streams"\)/.exec(importer())![1]!.split(", ");
  const exported = [...NO_EVENT_STREAMS.matchAll(/export const ([\w$]+)/g)].map(([, name]) => name);
  expect(exported.sort()).toEqual(taken.sort());
});

test("an importer that takes the event streams otherwise fails the build", () => {
  expect(() => guardImporter(importer())).not.toThrow();
  const otherNames = importer().replace("{ EventStreamSerde, eventStreamSerdeProvider }", "{ EventStreamSerde, EventStreamCodec }");
  expect(() => guardImporter(otherNames)).toThrow(
    /^no-event-streams: @smithy\/core's dist-es\/submodules\/protocols\/HttpProtocol\.js no longer imports/,
  );
  expect(() => guardImporter(`${importer()}\nimport { Int64 } from "@smithy/core/event-streams";`)).toThrow(/^no-event-streams:/);
});

test("the guard names the plugin and @smithy/core when it is another version", () => {
  const { packages, recheck } = guard.EXPECTED["no-event-streams"];
  expect(packages).toEqual({ "@smithy/core": "3.41.1" });
  expect(() => guard.guardPackage({ plugin: "no-event-streams", pkg: "@smithy/core", version: "3.42.0", recheck })).toThrow(
    /^no-event-streams: @smithy\/core is 3\.41\.1, it was written against 3\.42\.0\. Re-check which modules import/,
  );
});
