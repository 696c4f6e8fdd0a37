/** DescribeKeyPairs' selection as EC2 documents it, applied by the layer to the key pairs a describe shows. */
import { selectKeyPairs } from "../../../scripts/realistic-aws/key-pair-filters.js";
import type { KeyPairView } from "../../../scripts/realistic-aws/key-pair-views.js";

const key = (keyName: string, tags: Record<string, string> = {}): KeyPairView => ({
  keyPairId: `key-${keyName}`,
  keyName,
  keyFingerprint: `fp-${keyName}`,
  keyType: "ed25519",
  tags: Object.entries(tags).map(([k, value]) => ({ key: k, value })),
});
const shown = [key("web-1", { team: "a" }), key("web-2", { team: "b" }), key("db*", { owner: "x" })];
const names = (params: Record<string, string>) => {
  const selection = selectKeyPairs(new URLSearchParams(params), shown);
  return typeof selection === "object" && "items" in selection ? selection.items.map((view) => view.keyName) : selection;
};

test("filter values are alternatives with * and ? wildcards; filters all apply; KeyName.N is literal", () => {
  expect(names({ "Filter.1.Name": "key-name", "Filter.1.Value.1": "web-?" })).toEqual(["web-1", "web-2"]);
  expect(
    names({
      "Filter.1.Name": "tag:team",
      "Filter.1.Value.1": "a",
      "Filter.1.Value.2": "b",
      "Filter.2.Name": "key-name",
      "Filter.2.Value.1": "*2",
    }),
  ).toEqual(["web-2"]);
  expect(names({ "Filter.1.Name": "tag-key", "Filter.1.Value.1": "owner" })).toEqual(["db*"]);
  expect(names({ "KeyName.1": "db*" })).toEqual(["db*"]);
  expect(names({ "Filter.1.Name": "key-pair-id", "Filter.1.Value.1": "key-web-1" })).toEqual(["web-1"]);
});

test("a KeyName.N or KeyPairId.N that names no shown key pair is NotFound; an unknown filter is left to the emulator", () => {
  expect(names({ "KeyName.1": "web-1", "KeyName.2": "web-3" })).toEqual({ notFound: "web-3" });
  expect(names({ "KeyPairId.1": "key-nope" })).toEqual({ notFound: "key-nope" });
  expect(names({ "Filter.1.Name": "made-up", "Filter.1.Value.1": "x" })).toBe("unsupported");
});
