// prune-output-shapes (part of pure-sdk-schemas): the usage check reads a few members of a few big EC2
// output structures (an Instance has 70, each with shapes of its own: ~30 KB of schemas in the read and
// delete bundles). The SDK deserializes by walking a structure's schema members and leaves elements it
// has no member for unread, so a structure cut down to the members src/lib/aws/ec2.ts reads answers
// exactly those; every other shape it referred to is then unused, and dropped. A structure that is
// missing or not in the expected form stops the build; test/unit/build/pruned-members.test.ts fails when src/
// reads a member that is not kept (the type checker tells which structure each read is of).

/** Per structure schema: the members kept (what src/lib/aws/ec2.ts reads of DescribeInstances, the launch template, Spot and fleet describes). */
const KEEP = {
  Reservation$: ["Instances"],
  Instance$: ["InstanceId", "KeyName", "State"],
  LaunchTemplate$: ["LaunchTemplateId", "LaunchTemplateName", "DefaultVersionNumber", "LatestVersionNumber"],
  LaunchTemplateVersion$: ["LaunchTemplateId", "LaunchTemplateName", "VersionNumber", "LaunchTemplateData"],
  ResponseLaunchTemplateData$: ["KeyName"],
  SpotInstanceRequest$: ["LaunchSpecification", "SpotInstanceRequestId", "State", "Type"],
  LaunchSpecification$: ["KeyName"],
  SpotFleetRequestConfig$: ["SpotFleetRequestConfig", "SpotFleetRequestId", "SpotFleetRequestState"],
  // IamFleetRole and TargetCapacity: its required members (it is RequestSpotFleet's input too).
  SpotFleetRequestConfigData$: ["IamFleetRole", "TargetCapacity", "LaunchSpecifications", "LaunchTemplateConfigs", "Type"],
  SpotFleetLaunchSpecification$: ["KeyName"],
  LaunchTemplateConfig$: ["LaunchTemplateSpecification"],
  FleetData$: ["FleetId", "FleetState", "LaunchTemplateConfigs", "Type"],
  FleetLaunchTemplateConfig$: ["LaunchTemplateSpecification"],
};

/** The top-level elements of the array literal that starts at `open` (a "["), and the index after its "]". */
function elements(source, open) {
  const parts = [];
  let depth = 0;
  let start = open + 1;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === "`" || c === '"' || c === "'") {
      i = source.indexOf(c, i + 1);
      continue;
    }
    if (c === "[" || c === "{" || c === "(") depth++;
    else if (c === "]" || c === "}" || c === ")") {
      depth--;
      if (depth === 0) {
        parts.push(source.slice(start, i));
        return { parts: parts.map((part) => part.trim()).filter((part, index, all) => part || index < all.length - 1), end: i + 1 };
      }
    } else if (c === "," && depth === 1) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  throw new Error("unterminated array");
}

function pruneOutputShapes(source, keep = KEEP) {
  const names = new Map([...source.matchAll(/^const (_\w+) = "(\w+)";$/gm)].map((match) => [match[1], match[2]]));
  let out = source;
  for (const [shape, members] of Object.entries(keep)) {
    const at = out.search(new RegExp(`^export var ${shape.replace("$", "\\$")} = \\[3, `, "m"));
    if (at < 0) throw new Error(`prune-output-shapes: no structure ${shape}; the SDK's schemas changed`);
    const open = out.indexOf("[", at);
    const { parts, end } = elements(out, open);
    // [3, namespace, name, traits, memberNames, memberSchemas], and a 7th element when the first N members are required
    // (a shape that is an input too): those N must be kept, so that they stay first and the count stays true.
    const required = parts.length === 7 && /^\d+$/.test(parts[6]) ? Number(parts[6]) : 0;
    if ((parts.length !== 6 && !required) || !parts[4].startsWith("[") || !parts[5].startsWith("["))
      throw new Error(`prune-output-shapes: ${shape} is not [3, ns, name, traits, [names], [schemas](, required)]`);
    const memberNames = elements(parts[4], 0).parts;
    const memberSchemas = elements(parts[5], 0).parts;
    if (memberNames.length !== memberSchemas.length) throw new Error(`prune-output-shapes: ${shape}'s names and schemas differ in number`);
    const kept = memberNames.flatMap((id, index) => (members.includes(names.get(id)) ? [index] : []));
    const missing = members.filter((member) => !kept.some((index) => names.get(memberNames[index]) === member));
    if (missing.length) throw new Error(`prune-output-shapes: ${shape} has no member ${missing.join(", ")}`);
    if (kept.slice(0, required).some((index, at) => index !== at))
      throw new Error(`prune-output-shapes: ${shape} must keep its ${required} required members`);
    const rebuilt =
      `[${parts.slice(0, 4).join(", ")},\n    [${kept.map((index) => memberNames[index]).join(", ")}],\n` +
      `    [${kept.map((index) => memberSchemas[index]).join(", ")}]${required ? `, ${required}` : ""}\n]`;
    out = out.slice(0, open) + rebuilt + out.slice(end);
  }
  return out;
}

module.exports = { pruneOutputShapes, KEEP };
