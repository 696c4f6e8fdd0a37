/** build/plugins/prune-output-shapes.cjs: EC2's big output structures cut to what the usage check reads, on the installed schemas. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "./plugin-harness.js";

const guard = load("plugins/guard.cjs");
const { pruneOutputShapes, KEEP } = load("plugins/prune-output-shapes.cjs");
const ec2Schemas = readFileSync(join(guard.packageDir("@aws-sdk/client-ec2"), "dist-es", "schemas", "schemas_0.js"), "utf8");

/** A structure's member names as the schema file spells them (after resolving its `const _X = "Name"` ids). */
function membersOf(source: string, shape: string): string[] {
  const ids = new Map([...source.matchAll(/^const (_\w+) = "(\w+)";$/gm)].map((match) => [match[1], match[2]]));
  const at = source.indexOf(`export var ${shape} = [3, `);
  const names = /\[3, n0, _\w+,\s*0,\s*\[([^\]]*)\]/.exec(source.slice(at))![1]!;
  return names.split(",").map((id) => ids.get(id.trim())!);
}

test("each listed structure keeps exactly the members the usage check reads, in the SDK's order; others are untouched", () => {
  const pruned = pruneOutputShapes(ec2Schemas);
  for (const [shape, members] of Object.entries<string[]>(KEEP)) {
    expect(membersOf(ec2Schemas, shape).length).toBeGreaterThan(members.length);
    expect([shape, [...membersOf(pruned, shape)].sort()]).toEqual([shape, [...members].sort()]);
  }
  expect(membersOf(pruned, "InstanceState$")).toEqual(membersOf(ec2Schemas, "InstanceState$"));
  expect(pruned.length).toBeLessThan(ec2Schemas.length);
});

test("a structure with required members keeps them first, and its count; leaving one out stops the build", () => {
  const pruned = pruneOutputShapes(ec2Schemas);
  const at = pruned.indexOf("export var SpotFleetRequestConfigData$ = [3, ");
  expect(pruned.slice(at, pruned.indexOf("\n];", at))).toMatch(/\]\], 2$/);
  expect(membersOf(pruned, "SpotFleetRequestConfigData$").slice(0, 2)).toEqual(["IamFleetRole", "TargetCapacity"]);
  expect(() => pruneOutputShapes(ec2Schemas, { SpotFleetRequestConfigData$: ["TargetCapacity", "Type"] })).toThrow(
    /SpotFleetRequestConfigData\$ must keep its 2 required members/,
  );
});

test("a structure that is gone, or lacks a member it keeps, stops the build", () => {
  expect(() => pruneOutputShapes(ec2Schemas, { NoSuchShape$: ["X"] })).toThrow(/no structure NoSuchShape\$/);
  expect(() => pruneOutputShapes(ec2Schemas, { Instance$: ["InstanceId", "NoSuchMember"] })).toThrow(
    /Instance\$ has no member NoSuchMember/,
  );
});
