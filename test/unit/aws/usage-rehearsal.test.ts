/**
 * The usage check's rehearsal at INIT with the real SDK against a local endpoint: its eight describes
 * run through the clients that send them for real, are parsed from in-process answers, and none
 * reaches EC2 or Auto Scaling.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { EC2Client } from "@aws-sdk/client-ec2";
import { jest } from "@jest/globals";

const actions: string[] = [];
let server: Server;
let rehearseUsageCheck: typeof import("../../../src/lib/aws/key-usage-priming.js").rehearseUsageCheck;
let logger: typeof import("../../../src/lib/platform/logger.js").logger;

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      actions.push(new URLSearchParams(body).get("Action") ?? "");
      response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(process.env, { EC2_ENDPOINT: url, AUTOSCALING_ENDPOINT: url });
  // Imported only now: the configuration is read once, at import.
  ({ rehearseUsageCheck } = await import("../../../src/lib/aws/key-usage-priming.js"));
  ({ logger } = await import("../../../src/lib/platform/logger.js"));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => jest.restoreAllMocks());

test("eight describes through the read and Auto Scaling clients, parsed from in-process answers; nothing is sent", async () => {
  const ec2 = jest.spyOn(EC2Client.prototype, "send");
  const autoScaling = jest.spyOn(AutoScalingClient.prototype, "send");
  const warned = jest.spyOn(logger, "warn").mockImplementation(() => undefined);
  await rehearseUsageCheck(true);
  expect(ec2.mock.calls.map(([command]) => command.constructor.name)).toEqual([
    "DescribeInstancesCommand",
    "DescribeLaunchTemplatesCommand",
    "DescribeLaunchTemplateVersionsCommand",
    "DescribeSpotInstanceRequestsCommand",
    "DescribeSpotFleetRequestsCommand",
    "DescribeFleetsCommand",
  ]);
  expect(autoScaling.mock.calls.map(([command]) => command.constructor.name)).toEqual([
    "DescribeLaunchConfigurationsCommand",
    "DescribeAutoScalingGroupsCommand",
  ]);
  await expect(ec2.mock.results[0]!.value).resolves.toMatchObject({
    Reservations: [{ Instances: [{ InstanceId: "i-00000000000000000", KeyName: "rehearsal", State: { Name: "running" } }] }],
  });
  await expect(ec2.mock.results[2]!.value).resolves.toMatchObject({
    LaunchTemplateVersions: [{ VersionNumber: 1, LaunchTemplateData: { KeyName: "rehearsal" } }],
  });
  const template = { LaunchTemplateSpecification: { LaunchTemplateId: "lt-00000000000000000", Version: "1" } };
  await expect(ec2.mock.results[3]!.value).resolves.toMatchObject({
    SpotInstanceRequests: [{ State: "open", Type: "persistent", LaunchSpecification: { KeyName: "rehearsal" } }],
  });
  await expect(ec2.mock.results[4]!.value).resolves.toMatchObject({
    SpotFleetRequestConfigs: [
      {
        SpotFleetRequestState: "active",
        SpotFleetRequestConfig: { Type: "maintain", LaunchSpecifications: [{ KeyName: "rehearsal" }], LaunchTemplateConfigs: [template] },
      },
    ],
  });
  await expect(ec2.mock.results[5]!.value).resolves.toMatchObject({
    Fleets: [{ FleetId: "fleet-00000000", FleetState: "active", Type: "maintain", LaunchTemplateConfigs: [template] }],
  });
  await expect(autoScaling.mock.results[0]!.value).resolves.toMatchObject({
    LaunchConfigurations: [{ LaunchConfigurationName: "rehearsal", KeyName: "rehearsal" }],
  });
  await expect(autoScaling.mock.results[1]!.value).resolves.toMatchObject({
    AutoScalingGroups: [
      { AutoScalingGroupName: "rehearsal", LaunchTemplate: { Version: "1" }, Instances: [{ InstanceId: "i-00000000000000000" }] },
    ],
  });
  expect(actions).toEqual([]);
  expect(warned).not.toHaveBeenCalled();
});

test("off unless configured", async () => {
  const ec2 = jest.spyOn(EC2Client.prototype, "send");
  await rehearseUsageCheck(false);
  expect(ec2).not.toHaveBeenCalled();
});
