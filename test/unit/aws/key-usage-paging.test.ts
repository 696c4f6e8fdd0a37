/**
 * The usage scan's adapter with the SDK clients mocked: every call paged past its first page, the
 * launch template versions that count (default, latest, pinned by a group) found even when the
 * bulk call is cut short without a NextToken (as moto does), and a denied call making only its
 * part incomplete.
 */
import {
  AutoScalingClient,
  DescribeAutoScalingGroupsCommand,
  type DescribeAutoScalingGroupsCommandInput,
  DescribeLaunchConfigurationsCommand,
  type DescribeLaunchConfigurationsCommandInput,
} from "@aws-sdk/client-auto-scaling";
import {
  DescribeFleetsCommand,
  DescribeInstancesCommand,
  type DescribeInstancesCommandInput,
  DescribeLaunchTemplatesCommand,
  type DescribeLaunchTemplatesCommandInput,
  DescribeLaunchTemplateVersionsCommand,
  type DescribeLaunchTemplateVersionsCommandInput,
  DescribeSpotFleetRequestsCommand,
  DescribeSpotInstanceRequestsCommand,
  EC2Client,
} from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { keyUsageSource } from "../../../src/lib/aws/key-usage.js";
import { LaunchTemplateVersionMemory } from "../../../src/lib/aws/key-usage-versions.js";

const ec2 = mockClient(EC2Client);
const autoScaling = mockClient(AutoScalingClient);
const region = "eu-west-1";

const version = (launchTemplateId: string, VersionNumber: number, KeyName?: string) => ({
  LaunchTemplateId: launchTemplateId,
  LaunchTemplateName: launchTemplateId.replace("lt-", "name-"),
  VersionNumber,
  LaunchTemplateData: KeyName ? { KeyName } : {},
});

/** Two pages of each call; the bulk versions call as `bulk` says. */
function fleet(bulk: (input: DescribeLaunchTemplateVersionsCommandInput) => object) {
  ec2.on(DescribeInstancesCommand).callsFake((input: DescribeInstancesCommandInput) =>
    input.NextToken === undefined
      ? { Reservations: [{ Instances: [{ InstanceId: "i-1", KeyName: "k1", State: { Name: "running" } }] }], NextToken: "i-page-2" }
      : {
          Reservations: [
            {
              Instances: [
                { InstanceId: "i-2", KeyName: "k2", State: { Name: "stopped" } },
                { InstanceId: "i-3", State: { Name: "running" } },
              ],
            },
            { Instances: [{ InstanceId: "i-4", KeyName: "k1", State: { Name: "terminated" } }] },
          ],
        },
  );
  ec2.on(DescribeLaunchTemplatesCommand).callsFake((input: DescribeLaunchTemplatesCommandInput) =>
    input.NextToken === undefined
      ? {
          LaunchTemplates: [{ LaunchTemplateId: "lt-1", LaunchTemplateName: "name-1", DefaultVersionNumber: 1, LatestVersionNumber: 5 }],
          NextToken: "lt-page-2",
        }
      : { LaunchTemplates: [{ LaunchTemplateId: "lt-2", LaunchTemplateName: "name-2", DefaultVersionNumber: 2, LatestVersionNumber: 2 }] },
  );
  ec2.on(DescribeLaunchTemplateVersionsCommand).callsFake((input: DescribeLaunchTemplateVersionsCommandInput) => {
    if (input.LaunchTemplateId === undefined) return bulk(input);
    // One template's versions by number, itself in two pages; a version not asked for (moto ignores filters) is dropped.
    const asked = (input.Versions ?? []).map(Number);
    const rows = asked.map((number) => version(input.LaunchTemplateId!, number, number === 3 ? "k3" : undefined));
    return input.NextToken === undefined
      ? { LaunchTemplateVersions: [rows[0], version(input.LaunchTemplateId, 4, "k1")], NextToken: "v-page-2" }
      : { LaunchTemplateVersions: rows.slice(1) };
  });
  autoScaling.on(DescribeLaunchConfigurationsCommand).callsFake((input: DescribeLaunchConfigurationsCommandInput) =>
    input.NextToken === undefined
      ? { LaunchConfigurations: [{ LaunchConfigurationName: "lc-1", KeyName: "k1" }], NextToken: "lc-page-2" }
      : {
          LaunchConfigurations: [
            { LaunchConfigurationName: "lc-2", KeyName: "k4" },
            { LaunchConfigurationName: "lc-3", KeyName: "" },
          ],
        },
  );
  ec2.on(DescribeSpotInstanceRequestsCommand).resolves({ SpotInstanceRequests: [] });
  ec2.on(DescribeSpotFleetRequestsCommand).resolves({ SpotFleetRequestConfigs: [] });
  ec2.on(DescribeFleetsCommand).resolves({ Fleets: [] });
  autoScaling.on(DescribeAutoScalingGroupsCommand).callsFake((input: DescribeAutoScalingGroupsCommandInput) =>
    input.NextToken === undefined
      ? {
          AutoScalingGroups: [{ AutoScalingGroupName: "asg-1", LaunchTemplate: { LaunchTemplateName: "name-1", Version: "3" } }],
          NextToken: "asg-2",
        }
      : {
          AutoScalingGroups: [
            { AutoScalingGroupName: "asg-2", LaunchConfigurationName: "lc-2", Instances: [{ InstanceId: "i-2" }] },
            {
              AutoScalingGroupName: "asg-3",
              MixedInstancesPolicy: { LaunchTemplate: { LaunchTemplateSpecification: { LaunchTemplateId: "lt-2", Version: "$Latest" } } },
            },
          ],
        },
  );
}

beforeEach(() => {
  ec2.reset();
  autoScaling.reset();
});

const tokens = (calls: { args: [{ input: object }] }[]) => calls.map((call) => (call.args[0].input as { NextToken?: string }).NextToken);

test("pages every call to its end and keeps exactly the versions that count", async () => {
  // The bulk call (default and latest of every template) in two pages, with a duplicate row ($Latest = $Default for lt-2).
  fleet((input) =>
    input.NextToken === undefined
      ? { LaunchTemplateVersions: [version("lt-1", 1), version("lt-1", 5, "k5")], NextToken: "bulk-2" }
      : { LaunchTemplateVersions: [version("lt-2", 2, "k2"), version("lt-2", 2, "k2")] },
  );
  const scan = await keyUsageSource().scan(region, AbortSignal.timeout(5000));
  expect(scan.incomplete).toEqual([]);
  expect(scan.instances).toEqual([
    { instanceId: "i-1", state: "running", keyName: "k1" },
    { instanceId: "i-2", state: "stopped", keyName: "k2" },
  ]);
  expect(scan.launchConfigurations).toEqual([
    { name: "lc-1", keyName: "k1" },
    { name: "lc-2", keyName: "k4" },
  ]);
  expect(scan.launchTemplateVersions.map((row) => `${row.launchTemplateId}:${row.version}:${row.keyName}`).sort()).toEqual([
    "lt-1:3:k3", // pinned by asg-1 (by name), asked for by number, on the second page
    "lt-1:5:k5",
    "lt-2:2:k2",
  ]);
  expect(scan.autoScalingGroups).toEqual([
    { name: "asg-1", launchTemplateVersions: [{ launchTemplateId: "lt-1", version: 3 }], instanceIds: [] },
    { name: "asg-2", launchConfigurationName: "lc-2", launchTemplateVersions: [], instanceIds: ["i-2"] },
    { name: "asg-3", launchTemplateVersions: [{ launchTemplateId: "lt-2", version: 2 }], instanceIds: [] },
  ]);
  expect(tokens(ec2.commandCalls(DescribeInstancesCommand) as never)).toEqual([undefined, "i-page-2"]);
  expect(ec2.commandCalls(DescribeInstancesCommand)[0]!.args[0].input).toMatchObject({
    Filters: [{ Name: "instance-state-name", Values: ["pending", "running", "shutting-down", "stopping", "stopped"] }],
  });
  expect(tokens(ec2.commandCalls(DescribeLaunchTemplatesCommand) as never)).toEqual([undefined, "lt-page-2"]);
  expect(
    ec2.commandCalls(DescribeLaunchTemplateVersionsCommand).map((call) => {
      const { LaunchTemplateId, Versions, NextToken } = call.args[0].input;
      return [LaunchTemplateId, Versions, NextToken];
    }),
  ).toEqual([
    [undefined, ["$Latest", "$Default"], undefined],
    [undefined, ["$Latest", "$Default"], "bulk-2"],
    ["lt-1", ["3"], undefined],
    ["lt-1", ["3"], "v-page-2"],
  ]);
  expect(tokens(autoScaling.commandCalls(DescribeLaunchConfigurationsCommand) as never)).toEqual([undefined, "lc-page-2"]);
  expect(tokens(autoScaling.commandCalls(DescribeAutoScalingGroupsCommand) as never)).toEqual([undefined, "asg-2"]);
});

test("a bulk answer cut short without a NextToken (moto) is completed by asking for the missing versions by number", async () => {
  fleet(() => ({ LaunchTemplateVersions: [version("lt-1", 1)] }));
  const scan = await keyUsageSource().scan(region, AbortSignal.timeout(5000));
  expect(scan.incomplete).toEqual([]);
  const asked = ec2
    .commandCalls(DescribeLaunchTemplateVersionsCommand)
    .filter((call) => call.args[0].input.LaunchTemplateId !== undefined && call.args[0].input.NextToken === undefined)
    .map((call) => [call.args[0].input.LaunchTemplateId, call.args[0].input.Versions]);
  expect(asked).toEqual([
    ["lt-1", ["5", "3"]],
    ["lt-2", ["2"]],
  ]);
  expect(scan.launchTemplateVersions.map((row) => `${row.launchTemplateId}:${row.version}:${row.keyName}`)).toEqual(["lt-1:3:k3"]);
});

test("a denied call leaves its part incomplete (what and why); the other parts still count", async () => {
  fleet(() => ({ LaunchTemplateVersions: [] }));
  autoScaling
    .on(DescribeAutoScalingGroupsCommand)
    .rejects(
      Object.assign(new Error("User is not authorized"), { name: "AccessDenied", $fault: "client", $metadata: { httpStatusCode: 403 } }),
    );
  const scan = await keyUsageSource().scan(region, AbortSignal.timeout(5000));
  expect(scan.incomplete).toEqual([
    {
      check: "autoScalingGroups",
      reason: "DescribeAutoScalingGroups: The service is not permitted to perform this Auto Scaling operation.",
      kind: "upstream-error",
    },
  ]);
  expect(scan.instances).toHaveLength(2);
  expect(scan.autoScalingGroups).toEqual([]);
});

test("a NextToken handed back twice is an unreadable answer, not an endless loop", async () => {
  fleet(() => ({ LaunchTemplateVersions: [] }));
  ec2.on(DescribeInstancesCommand).resolves({ Reservations: [], NextToken: "same" });
  const scan = await keyUsageSource().scan(region, AbortSignal.timeout(5000));
  expect(scan.incomplete).toEqual([{ check: "instances", reason: expect.stringContaining("repeats a NextToken"), kind: "upstream-error" }]);
});

test("an Auto Scaling failure names Auto Scaling, not EC2", async () => {
  fleet(() => ({ LaunchTemplateVersions: [] }));
  const failure = (name: string, httpStatusCode: number) =>
    Object.assign(new Error(name), { name, $fault: "server", $metadata: { httpStatusCode } });
  autoScaling.on(DescribeAutoScalingGroupsCommand).rejects(failure("SomethingNew", 500));
  autoScaling.on(DescribeLaunchConfigurationsCommand).rejects(failure("ServiceUnavailable", 503));
  const scan = await keyUsageSource().scan(region, AbortSignal.timeout(5000));
  expect(scan.incomplete.map(({ check, reason }) => [check, reason])).toEqual([
    ["launchConfigurations", "DescribeLaunchConfigurations: Auto Scaling is unavailable."],
    ["autoScalingGroups", "DescribeAutoScalingGroups: Auto Scaling request failed."],
  ]);
});

test("a version a group pins that no longer exists hides none that do: the numbers are asked for again in halves", async () => {
  fleet(() => ({ LaunchTemplateVersions: [] }));
  const notFound = Object.assign(new Error("version not found"), {
    name: "InvalidLaunchTemplateId.VersionNotFound",
    $fault: "client",
    $metadata: { httpStatusCode: 400 },
  });
  // lt-1 has versions 1-5 (3 names k3); lt-2 is deleted after the listing.
  ec2.on(DescribeLaunchTemplateVersionsCommand).callsFake((input: DescribeLaunchTemplateVersionsCommandInput) => {
    if (input.LaunchTemplateId === "lt-2")
      throw Object.assign(new Error("no template"), {
        name: "InvalidLaunchTemplateId.NotFound",
        $fault: "client",
        $metadata: { httpStatusCode: 400 },
      });
    const asked = (input.Versions ?? []).map(Number);
    if (asked.some((number) => number > 5)) throw notFound;
    return { LaunchTemplateVersions: asked.map((number) => version("lt-1", number, number === 3 ? "k3" : undefined)) };
  });
  autoScaling.on(DescribeAutoScalingGroupsCommand).resolves({
    AutoScalingGroups: [
      { AutoScalingGroupName: "asg-1", LaunchTemplate: { LaunchTemplateName: "name-1", Version: "3" } },
      { AutoScalingGroupName: "asg-gone", LaunchTemplate: { LaunchTemplateId: "lt-1", Version: "99" } },
    ],
  } as never);
  const scan = await keyUsageSource().scan(region, AbortSignal.timeout(5000));
  expect(scan.incomplete).toEqual([]);
  expect(scan.launchTemplateVersions.map((row) => `${row.launchTemplateId}:${row.version}:${row.keyName}`)).toEqual(["lt-1:3:k3"]);
  const asked = ec2
    .commandCalls(DescribeLaunchTemplateVersionsCommand)
    .flatMap((call) =>
      call.args[0].input.LaunchTemplateId ? [`${call.args[0].input.LaunchTemplateId}:${call.args[0].input.Versions}`] : [],
    );
  // lt-1's batch [1, 5, 3, 99] is split until 99 stands alone; the template gone is asked for once.
  expect(asked.filter((call) => call.startsWith("lt-1:"))).toEqual(["lt-1:1,5,3,99", "lt-1:1,5", "lt-1:3,99", "lt-1:3", "lt-1:99"]);
  expect(asked.filter((call) => call.startsWith("lt-2:"))).toEqual(["lt-2:2"]);
});

test("Spot requests and fleets that launch later count, by their keys and the template versions they pin; the others do not", async () => {
  // lt-1: versions 1 (default) to 5 (latest), none naming a key.
  fleet(() => ({ LaunchTemplateVersions: [version("lt-1", 1), version("lt-1", 5), version("lt-2", 2)] }));
  const spot = (SpotInstanceRequestId: string, State: string, Type: string, KeyName: string) => ({
    SpotInstanceRequestId,
    State,
    Type,
    LaunchSpecification: { KeyName },
  });
  ec2
    .on(DescribeSpotInstanceRequestsCommand)
    .callsFake((input) =>
      input.NextToken === undefined
        ? { SpotInstanceRequests: [spot("sir-1", "open", "one-time", "k1"), spot("sir-2", "active", "one-time", "k1")], NextToken: "sir-2" }
        : { SpotInstanceRequests: [spot("sir-3", "active", "persistent", "k2")] },
    );
  const pinned = (Version?: string) => [{ LaunchTemplateSpecification: { LaunchTemplateName: "name-1", ...(Version ? { Version } : {}) } }];
  ec2.on(DescribeSpotFleetRequestsCommand).resolves({
    SpotFleetRequestConfigs: [
      // Type maintain is the default; a launch template pinned (moto keeps none: only this mock can show it).
      { SpotFleetRequestId: "sfr-1", SpotFleetRequestState: "active", SpotFleetRequestConfig: { LaunchTemplateConfigs: pinned("2") } },
      {
        SpotFleetRequestId: "sfr-2",
        SpotFleetRequestState: "modifying",
        SpotFleetRequestConfig: { Type: "maintain", LaunchSpecifications: [{ KeyName: "k4" }] },
      },
      {
        SpotFleetRequestId: "sfr-3",
        SpotFleetRequestState: "cancelled_running",
        SpotFleetRequestConfig: { LaunchSpecifications: [{ KeyName: "k4" }] },
      },
      {
        SpotFleetRequestId: "sfr-4",
        SpotFleetRequestState: "active",
        SpotFleetRequestConfig: { Type: "request", LaunchSpecifications: [{ KeyName: "k4" }] },
      },
    ],
  } as never);
  ec2.on(DescribeFleetsCommand).resolves({
    Fleets: [
      { FleetId: "fleet-1", FleetState: "submitted", Type: "maintain", LaunchTemplateConfigs: pinned("$Latest") },
      { FleetId: "fleet-2", FleetState: "active", LaunchTemplateConfigs: pinned() },
      { FleetId: "fleet-3", FleetState: "deleted", Type: "maintain", LaunchTemplateConfigs: pinned("3") },
      { FleetId: "fleet-4", FleetState: "active", Type: "instant", LaunchTemplateConfigs: pinned("3") },
    ],
  } as never);
  const scan = await keyUsageSource().scan(region, AbortSignal.timeout(5000));
  expect(scan.incomplete).toEqual([]);
  expect(scan.spotInstanceRequests).toEqual([
    { spotInstanceRequestId: "sir-1", state: "open", keyName: "k1" },
    { spotInstanceRequestId: "sir-3", state: "active", keyName: "k2" },
  ]);
  expect(ec2.commandCalls(DescribeSpotInstanceRequestsCommand)[0]!.args[0].input.Filters).toEqual([
    { Name: "state", Values: ["open", "active"] },
  ]);
  expect(scan.spotFleetRequests).toEqual([
    { spotFleetRequestId: "sfr-1", keyNames: [], launchTemplateVersions: [{ launchTemplateId: "lt-1", version: 2 }] },
    { spotFleetRequestId: "sfr-2", keyNames: ["k4"], launchTemplateVersions: [] },
  ]);
  expect(scan.fleets).toEqual([
    { fleetId: "fleet-1", launchTemplateVersions: [{ launchTemplateId: "lt-1", version: 5 }] },
    { fleetId: "fleet-2", launchTemplateVersions: [{ launchTemplateId: "lt-1", version: 1 }] },
  ]);
  // The version sfr-1 pins (2, pinned by nothing else) is asked for by number, beside the group's pin (3).
  const byNumber = ec2.commandCalls(DescribeLaunchTemplateVersionsCommand).map((call) => call.args[0].input);
  expect(byNumber.flatMap((input) => (input.LaunchTemplateId === "lt-1" && !input.NextToken ? [input.Versions] : []))).toEqual([
    ["3", "2"],
  ]);
});

test("a denied Spot or fleet describe leaves its part incomplete", async () => {
  fleet(() => ({ LaunchTemplateVersions: [] }));
  const denied = Object.assign(new Error("not authorized"), {
    name: "UnauthorizedOperation",
    $fault: "client",
    $metadata: { httpStatusCode: 403 },
  });
  ec2.on(DescribeSpotInstanceRequestsCommand).rejects(denied);
  ec2.on(DescribeSpotFleetRequestsCommand).rejects(denied);
  ec2.on(DescribeFleetsCommand).rejects(denied);
  const scan = await keyUsageSource().scan(region, AbortSignal.timeout(5000));
  const why = "The service is not permitted to perform this EC2 operation.";
  expect(scan.incomplete.map(({ check, reason }) => [check, reason])).toEqual([
    ["spotInstanceRequests", `DescribeSpotInstanceRequests: ${why}`],
    ["spotFleetRequests", `DescribeSpotFleetRequests: ${why}`],
    ["fleets", `DescribeFleets: ${why}`],
  ]);
});

test("a warm scan asks only for the versions it has not read: versions never change once made", async () => {
  fleet((input) =>
    input.NextToken === undefined
      ? { LaunchTemplateVersions: [version("lt-1", 1), version("lt-1", 5, "k5")], NextToken: "bulk-2" }
      : { LaunchTemplateVersions: [version("lt-2", 2, "k2")] },
  );
  const usage = keyUsageSource();
  const first = await usage.scan(region, AbortSignal.timeout(5000));
  const versionCalls = () => ec2.commandCalls(DescribeLaunchTemplateVersionsCommand).length;
  const afterFirst = versionCalls();
  const second = await usage.scan(region, AbortSignal.timeout(5000));
  expect(versionCalls()).toBe(afterFirst);
  const sorted = (scan: typeof first) => ({
    ...scan,
    launchTemplateVersions: [...scan.launchTemplateVersions].sort((a, b) =>
      `${a.launchTemplateId}:${a.version}`.localeCompare(`${b.launchTemplateId}:${b.version}`),
    ),
  });
  expect(sorted(second)).toEqual(sorted(first));

  // lt-2's latest is now a new version 3 (made since): only that template is asked for, by number, not the bulk call.
  ec2.on(DescribeLaunchTemplatesCommand).callsFake((input: DescribeLaunchTemplatesCommandInput) =>
    input.NextToken === undefined
      ? {
          LaunchTemplates: [{ LaunchTemplateId: "lt-1", LaunchTemplateName: "name-1", DefaultVersionNumber: 1, LatestVersionNumber: 5 }],
          NextToken: "lt-page-2",
        }
      : { LaunchTemplates: [{ LaunchTemplateId: "lt-2", LaunchTemplateName: "name-2", DefaultVersionNumber: 2, LatestVersionNumber: 3 }] },
  );
  const third = await usage.scan(region, AbortSignal.timeout(5000));
  const asked = ec2
    .commandCalls(DescribeLaunchTemplateVersionsCommand)
    .slice(afterFirst)
    .map((call) => [call.args[0].input.LaunchTemplateId, call.args[0].input.Versions, call.args[0].input.NextToken]);
  expect(asked).toEqual([
    ["lt-2", ["3"], undefined],
    ["lt-2", ["3"], "v-page-2"],
  ]);
  // Version 3 of any template names k3 in this fleet: lt-2's too, and lt-1's pinned one is still known.
  expect(third.launchTemplateVersions.map((row) => `${row.launchTemplateId}:${row.version}:${row.keyName}`).sort()).toEqual([
    "lt-1:3:k3",
    "lt-1:5:k5",
    "lt-2:2:k2",
    "lt-2:3:k3",
  ]);
});

test("the memory of versions is bounded: past its limit the least recently used go first", () => {
  const memory = new LaunchTemplateVersionMemory(2);
  const row = (id: string) => ({ launchTemplateId: id, launchTemplateName: id, version: 1 });
  memory.remember(region, row("lt-a"));
  memory.remember(region, row("lt-b"));
  expect(memory.recall(region, "lt-a", 1)).toEqual(row("lt-a"));
  memory.remember(region, row("lt-c"));
  expect(memory.recall(region, "lt-b", 1)).toBeUndefined();
  expect(memory.recall(region, "lt-a", 1)).toEqual(row("lt-a"));
  expect(memory.recall("us-east-1", "lt-a", 1)).toBeUndefined();
});
