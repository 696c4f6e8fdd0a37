/** The usage rules with in-memory ports: what names a key, the guarded delete, the unused list (one scan per region). */
import { deleteKeyPair } from "../../../src/lib/keypairs/delete.js";
import { ServiceError } from "../../../src/lib/keypairs/errors.js";
import { listKeyPairs } from "../../../src/lib/keypairs/list.js";
import { listKeyPairsInAllRegions } from "../../../src/lib/keypairs/list-all-regions.js";
import { getKeyPair } from "../../../src/lib/keypairs/read.js";
import { refuseIfUsed, usageOf } from "../../../src/lib/keypairs/usage.js";
import { emptyScan, inMemoryDeps, noUsage } from "../../support/in-memory-ports.js";

const CALLER = "arn:aws:iam::123456789012:role/alice";
const region = "eu-west-1";
const managed = { "managed-by": "ec2-keypairs-api" };
const none = noUsage();

function setup() {
  const deps = inMemoryDeps();
  for (const name of ["web", "web*", "batch", "idle"]) deps.store.seed(region, { name, tags: managed });
  deps.usage.set(region, {
    instances: [
      { instanceId: "i-1", state: "stopped", keyName: "web" },
      { instanceId: "i-2", state: "running", keyName: "other" },
    ],
    launchTemplateVersions: [
      { launchTemplateId: "lt-1", launchTemplateName: "batch", version: 4, keyName: "batch" },
      { launchTemplateId: "lt-1", launchTemplateName: "batch", version: 2, keyName: "batch" },
    ],
    launchConfigurations: [{ name: "lc-web", keyName: "web" }],
    autoScalingGroups: [
      { name: "asg-batch", launchTemplateVersions: [{ launchTemplateId: "lt-1", version: 2 }], instanceIds: [] },
      { name: "asg-lc", launchConfigurationName: "lc-web", launchTemplateVersions: [], instanceIds: [] },
      { name: "asg-run", launchTemplateVersions: [{ launchTemplateId: "lt-1", version: 3 }], instanceIds: ["i-1"] },
      { name: "asg-none", launchTemplateVersions: [{ launchTemplateId: "lt-1", version: 1 }], instanceIds: ["i-2"] },
    ],
  });
  return deps;
}

describe("usage of a key", () => {
  test("instances, launch template versions, configurations and the groups that use any of them; names compared literally", async () => {
    const deps = setup();
    expect((await getKeyPair(deps, region, { name: "web" }, { includeUsage: true })).usage).toEqual({
      ...none,
      instances: [{ instanceId: "i-1", state: "stopped" }],
      launchConfigurations: [{ name: "lc-web" }],
      autoScalingGroups: [{ name: "asg-lc" }, { name: "asg-run" }],
    });
    expect((await getKeyPair(deps, region, { name: "batch" }, { includeUsage: true })).usage).toEqual({
      ...none,
      launchTemplates: [{ launchTemplateId: "lt-1", launchTemplateName: "batch", versions: [2, 4] }],
      autoScalingGroups: [{ name: "asg-batch" }],
    });
    // "web*" is not a pattern: nothing names it.
    expect((await getKeyPair(deps, region, { name: "web*" }, { includeUsage: true })).usage).toEqual(none);
    expect((await getKeyPair(deps, region, { name: "web" }, {})).usage).toBeUndefined();
    expect(deps.usage.calls).toEqual([region, region, region]);
  });

  test("a part that could not be checked makes the usage incomplete, with what and why", () => {
    const scan = {
      ...emptyScan(),
      incomplete: [
        { check: "autoScalingGroups" as const, reason: "DescribeAutoScalingGroups: not permitted", kind: "upstream-error" as const },
      ],
    };
    expect(usageOf(scan, "web")).toEqual({
      ...none,
      complete: false,
      incomplete: [{ check: "autoScalingGroups", reason: "DescribeAutoScalingGroups: not permitted" }],
    });
  });
});

describe("what launches later", () => {
  test("Spot requests by their key; Spot Fleets by theirs or a version naming it; EC2 Fleets by a version naming it", () => {
    const scan = {
      ...emptyScan(),
      launchTemplateVersions: [{ launchTemplateId: "lt-1", launchTemplateName: "batch", version: 2, keyName: "batch" }],
      spotInstanceRequests: [
        { spotInstanceRequestId: "sir-1", state: "open", keyName: "batch" },
        { spotInstanceRequestId: "sir-2", state: "open", keyName: "web" },
      ],
      spotFleetRequests: [
        { spotFleetRequestId: "sfr-1", keyNames: ["batch"], launchTemplateVersions: [] },
        { spotFleetRequestId: "sfr-2", keyNames: [], launchTemplateVersions: [{ launchTemplateId: "lt-1", version: 2 }] },
        { spotFleetRequestId: "sfr-3", keyNames: ["web"], launchTemplateVersions: [{ launchTemplateId: "lt-1", version: 1 }] },
      ],
      fleets: [
        { fleetId: "fleet-1", launchTemplateVersions: [{ launchTemplateId: "lt-1", version: 2 }] },
        { fleetId: "fleet-2", launchTemplateVersions: [{ launchTemplateId: "lt-1", version: 3 }] },
      ],
    };
    const usage = usageOf(scan, "batch");
    expect(usage).toEqual({
      ...none,
      launchTemplates: [{ launchTemplateId: "lt-1", launchTemplateName: "batch", versions: [2] }],
      spotInstanceRequests: [{ spotInstanceRequestId: "sir-1", state: "open" }],
      spotFleetRequests: [{ spotFleetRequestId: "sfr-1" }, { spotFleetRequestId: "sfr-2" }],
      fleets: [{ fleetId: "fleet-1" }],
    });
    expect(() => refuseIfUsed("batch", usage)).toThrow(
      "still named by 1 launch template, 1 Spot Instance request, 2 Spot Fleet requests, 1 EC2 Fleet:",
    );
    expect(usageOf({ ...scan, launchTemplateVersions: [] }, "web")).toEqual({
      ...none,
      spotInstanceRequests: [{ spotInstanceRequestId: "sir-2", state: "open" }],
      spotFleetRequests: [{ spotFleetRequestId: "sfr-3" }],
    });
  });
});

describe("the guarded delete", () => {
  test("refuses a key in use: key-in-use with the usage, nothing deleted (a dry run too)", async () => {
    const deps = setup();
    for (const dryRun of [false, true]) {
      const refused = await deleteKeyPair(deps, region, { name: "batch" }, { caller: CALLER, dryRun }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ServiceError);
      expect((refused as ServiceError).kind).toBe("key-in-use");
      expect((refused as ServiceError).usage?.autoScalingGroups).toEqual([{ name: "asg-batch" }]);
      expect((refused as ServiceError).message).toContain("1 launch template, 1 Auto Scaling group");
    }
    expect(await deps.store.describe(region, { name: "batch" }, false)).toHaveLength(1);
  });

  test("refuses when the check is incomplete (usage-unknown), unless forced", async () => {
    const deps = setup();
    deps.usage.set(region, {
      incomplete: [
        { check: "instances", reason: "DescribeInstances: EC2 did not answer in time.", kind: "upstream-timeout" },
        { check: "launchConfigurations", reason: "DescribeLaunchConfigurations: Auto Scaling is unavailable.", kind: "upstream-error" },
      ],
    });
    const refused = await deleteKeyPair(deps, region, { name: "idle" }, { caller: CALLER }).catch((error: unknown) => error);
    expect((refused as ServiceError).kind).toBe("usage-unknown");
    // One sentence: each reason's own full stop dropped ("…in time; …", never "…in time.; …").
    expect((refused as ServiceError).message).toContain(
      "could not be checked (instances: DescribeInstances: EC2 did not answer in time; " +
        "launchConfigurations: DescribeLaunchConfigurations: Auto Scaling is unavailable). Nothing was deleted",
    );
    expect((refused as ServiceError).usage?.complete).toBe(false);
    await deleteKeyPair(deps, region, { name: "idle" }, { caller: CALLER, force: true });
    expect(await deps.store.describe(region, { name: "idle" }, false)).toEqual([]);
  });

  test("force=true deletes a key in use without a check; its dry run reports the usage", async () => {
    const deps = setup();
    const dry = await deleteKeyPair(deps, region, { name: "web" }, { caller: CALLER, force: true, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, usage: { instances: [{ instanceId: "i-1", state: "stopped" }] } });
    expect(deps.usage.calls).toHaveLength(1);
    expect(await deleteKeyPair(deps, region, { name: "web" }, { caller: CALLER, force: true })).toBeUndefined();
    expect(deps.usage.calls).toHaveLength(1);
    expect(await deps.store.describe(region, { name: "web" }, false)).toEqual([]);
  });

  test("an unused key is deleted; its dry run would succeed with the empty usage", async () => {
    const deps = setup();
    expect(await deleteKeyPair(deps, region, { name: "idle" }, { caller: CALLER, dryRun: true })).toMatchObject({
      wouldSucceed: true,
      usage: none,
    });
    expect(await deleteKeyPair(deps, region, { name: "idle" }, { caller: CALLER })).toBeUndefined();
  });
});

describe("listing with includeUsage and unused", () => {
  test("one scan of the region serves every key", async () => {
    const deps = setup();
    const page = await listKeyPairs(deps, region, { limit: 1000, includeUsage: true });
    expect(page.items.map((item) => [item.name, item.usage?.autoScalingGroups.length])).toEqual([
      ["batch", 1],
      ["idle", 0],
      ["web", 2],
      ["web*", 0],
    ]);
    const unused = await listKeyPairs(deps, region, { limit: 1000, unused: true });
    expect(unused.items.map((item) => [item.name, item.usage])).toEqual([
      ["idle", undefined],
      ["web*", undefined],
    ]);
    expect(deps.usage.calls).toEqual([region, region]);
  });

  test("no matching key: no scan", async () => {
    const deps = setup();
    expect((await listKeyPairs(deps, region, { limit: 1000, unused: true, name: "missing" })).items).toEqual([]);
    expect(deps.usage.calls).toEqual([]);
  });

  test("unused=true with an incomplete scan answers the region's problem, never a guess", async () => {
    const deps = setup();
    deps.usage.set(region, {
      incomplete: [
        { check: "launchConfigurations", reason: "throttled", kind: "throttled" },
        { check: "instances", reason: "DescribeInstances: EC2 did not answer in time.", kind: "upstream-timeout" },
      ],
    });
    await expect(listKeyPairs(deps, region, { limit: 1000, unused: true })).rejects.toMatchObject({
      kind: "throttled",
      message: `Which key pairs are unused in ${region} could not be checked: launchConfigurations: throttled; instances: DescribeInstances: EC2 did not answer in time.`,
    });
    // includeUsage alone reports it per key.
    const page = await listKeyPairs(deps, region, { limit: 1000, includeUsage: true });
    expect(page.items[0]!.usage).toMatchObject({
      complete: false,
      incomplete: [{ check: "launchConfigurations", reason: "throttled" }, {}],
    });
  });

  test("allRegions: one scan per region with keys, a failing region reported", async () => {
    const deps = setup();
    deps.store.seed("us-east-1", { name: "east", tags: managed });
    deps.store.seed("us-east-1", { name: "east-used", tags: managed });
    deps.usage.set("us-east-1", { launchConfigurations: [{ name: "lc", keyName: "east-used" }] });
    const listing = await listKeyPairsInAllRegions(deps, { limit: 1000, unused: true });
    expect(listing.items.map((item) => `${item.region}/${item.name}`)).toEqual(["eu-west-1/idle", "eu-west-1/web*", "us-east-1/east"]);
    expect(deps.usage.calls.sort()).toEqual(["eu-west-1", "us-east-1"]);
    deps.usage.set("us-east-1", { incomplete: [{ check: "instances", reason: "denied", kind: "upstream-error" }] });
    const partial = await listKeyPairsInAllRegions(deps, { limit: 1000, unused: true });
    expect(partial.regions["us-east-1"]).toMatchObject({ status: "error", error: { kind: "upstream-error" } });
    expect(partial.regions["eu-west-1"]).toMatchObject({ status: "ok", count: 2 });
  });
});
