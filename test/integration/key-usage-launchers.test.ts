/**
 * Against moto: what launches with a key later (a persistent Spot request, a Spot Fleet and an EC2
 * Fleet of type maintain, the template version a fleet pins) is usage, and the guarded DELETE
 * refuses the key; and a region with more launch templates than one page holds is read to its end.
 * moto keeps no Spot Fleet's launch templates (it copies their latest version into launch
 * specifications): that case is a unit test with the SDK mocked (test/unit/aws/key-usage-paging.test.ts).
 */
import {
  CancelSpotFleetRequestsCommand,
  CancelSpotInstanceRequestsCommand,
  CreateFleetCommand,
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  DeleteFleetsCommand,
  DeleteLaunchTemplateCommand,
  DescribeImagesCommand,
  DescribeLaunchTemplatesCommand,
  EC2Client,
  RequestSpotFleetCommand,
  RequestSpotInstancesCommand,
  TerminateInstancesCommand,
} from "@aws-sdk/client-ec2";
import { apiClient, problemOf } from "../support/contract.js";
import { noUsage } from "../support/in-memory-ports.js";

const api = apiClient();
const region = "ap-southeast-1"; // used by no other test file: the scan sees only this file's fleet
const pagingRegion = "us-east-2"; // used by no other test file: holds 201 launch templates
const run = `${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
const ec2 = new EC2Client({ region, endpoint: process.env.MOTO_URL, credentials });
const pagingEc2 = new EC2Client({ region: pagingRegion, endpoint: process.env.MOTO_URL, credentials });

const names = {
  spotRequest: `launch-${run}-spot`,
  spotFleet: `launch-${run}-spot-fleet`,
  fleet: `launch-${run}-fleet`,
  lastTemplate: `launch-${run}-last-template`,
};
const empty = noUsage();
let spotRequestId: string;
let spotFleetId: string;
let fleetId: string;
let launchTemplateId: string;
const pagingTemplateIds: string[] = [];

const usageOf = async (name: string, inRegion: typeof region | typeof pagingRegion = region) => {
  const answer = await api.GET("/keypairs/{name}", { params: { path: { name }, query: { region: inRegion, includeUsage: true } } });
  expect(answer.response.status).toBe(200);
  return answer.data!.usage!;
};

beforeAll(async () => {
  for (const name of Object.values(names)) {
    const inRegion = name === names.lastTemplate ? pagingRegion : region;
    const answer = await api.POST("/keypairs", { body: { name, region: inRegion, keyType: "ed25519", tags: { run } } });
    expect(answer.response.status).toBe(201);
  }
  const image = (await ec2.send(new DescribeImagesCommand({}))).Images![0]!.ImageId!;
  // A persistent Spot request whose instance is gone: it launches another with the key.
  const spot = await ec2.send(
    new RequestSpotInstancesCommand({
      Type: "persistent",
      LaunchSpecification: { ImageId: image, InstanceType: "t3.micro", KeyName: names.spotRequest },
    }),
  );
  spotRequestId = spot.SpotInstanceRequests![0]!.SpotInstanceRequestId!;
  const launched = spot.SpotInstanceRequests![0]!.InstanceId;
  if (launched) await ec2.send(new TerminateInstancesCommand({ InstanceIds: [launched] }));
  // A Spot Fleet (type maintain by default) whose launch specification names the key.
  const spotFleet = await ec2.send(
    new RequestSpotFleetCommand({
      SpotFleetRequestConfig: {
        IamFleetRole: "arn:aws:iam::123456789012:role/spot-fleet",
        TargetCapacity: 1,
        AllocationStrategy: "lowestPrice",
        LaunchSpecifications: [{ ImageId: image, InstanceType: "t3.micro", KeyName: names.spotFleet }],
      },
    }),
  );
  spotFleetId = spotFleet.SpotFleetRequestId!;
  // An EC2 Fleet of type maintain pinning version 2, the only version naming the key (1 is default, 3 latest).
  const template = await ec2.send(
    new CreateLaunchTemplateCommand({ LaunchTemplateName: `lt-${run}`, LaunchTemplateData: { ImageId: image, InstanceType: "t3.micro" } }),
  );
  launchTemplateId = template.LaunchTemplate!.LaunchTemplateId!;
  for (const KeyName of [names.fleet, undefined])
    await ec2.send(
      new CreateLaunchTemplateVersionCommand({
        LaunchTemplateId: launchTemplateId,
        LaunchTemplateData: { ImageId: image, InstanceType: "t3.micro", ...(KeyName ? { KeyName } : {}) },
      }),
    );
  const fleet = await ec2.send(
    new CreateFleetCommand({
      Type: "maintain",
      TargetCapacitySpecification: { TotalTargetCapacity: 1, DefaultTargetCapacityType: "spot" },
      LaunchTemplateConfigs: [{ LaunchTemplateSpecification: { LaunchTemplateId: launchTemplateId, Version: "2" } }],
    }),
  );
  fleetId = fleet.FleetId!;
  // 201 templates: only the last, past the first page of 200, names its key.
  for (let index = 0; index <= 200; index += 1) {
    const created = await pagingEc2.send(
      new CreateLaunchTemplateCommand({
        LaunchTemplateName: `page-${run}-${String(index).padStart(3, "0")}`,
        LaunchTemplateData: { ImageId: image, ...(index === 200 ? { KeyName: names.lastTemplate } : {}) },
      }),
    );
    pagingTemplateIds.push(created.LaunchTemplate!.LaunchTemplateId!);
  }
}, 120_000);

afterAll(async () => {
  await ec2.send(new DeleteFleetsCommand({ FleetIds: [fleetId], TerminateInstances: true })).catch(() => undefined);
  await ec2
    .send(new CancelSpotFleetRequestsCommand({ SpotFleetRequestIds: [spotFleetId], TerminateInstances: true }))
    .catch(() => undefined);
  await ec2.send(new CancelSpotInstanceRequestsCommand({ SpotInstanceRequestIds: [spotRequestId] })).catch(() => undefined);
  await ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: launchTemplateId })).catch(() => undefined);
  for (const id of pagingTemplateIds)
    await pagingEc2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: id })).catch(() => undefined);
  for (const name of Object.values(names)) {
    const inRegion = name === names.lastTemplate ? pagingRegion : region;
    await api.DELETE("/keypairs/{name}", { params: { path: { name }, query: { region: inRegion, force: true } } });
  }
  ec2.destroy();
  pagingEc2.destroy();
}, 120_000);

describe("what launches with a key later is usage", () => {
  test("a persistent Spot request (its instance terminated)", async () => {
    expect(await usageOf(names.spotRequest)).toEqual({
      ...empty,
      spotInstanceRequests: [{ spotInstanceRequestId: spotRequestId, state: "active" }],
    });
  });

  test("a Spot Fleet request whose launch specification names the key", async () => {
    const usage = await usageOf(names.spotFleet);
    expect(usage.spotFleetRequests).toEqual([{ spotFleetRequestId: spotFleetId }]);
  });

  test("an EC2 Fleet pinning a launch template version neither default nor latest", async () => {
    // moto fulfils the fleet at once: its instance and Spot request name the key too.
    const usage = await usageOf(names.fleet);
    expect([usage.launchTemplates, usage.fleets]).toEqual([
      [{ launchTemplateId, launchTemplateName: `lt-${run}`, versions: [2] }],
      [{ fleetId }],
    ]);
  });

  test("the guarded DELETE refuses each: 409 key-in-use naming what launches with it", async () => {
    for (const [name, what] of [
      [names.spotRequest, "1 Spot Instance request"],
      [names.spotFleet, "1 Spot Fleet request"],
      [names.fleet, "1 EC2 Fleet"],
    ] as const) {
      const answer = await api.DELETE("/keypairs/{name}", { params: { path: { name }, query: { region } } });
      expect(answer.response.status).toBe(409);
      expect(problemOf(answer.error).detail).toContain(what);
    }
  });
});

describe("a region with more launch templates than one page", () => {
  test("the local EC2 pages DescribeLaunchTemplates as EC2 does", async () => {
    const first = await pagingEc2.send(new DescribeLaunchTemplatesCommand({ MaxResults: 200 }));
    expect([first.LaunchTemplates!.length, typeof first.NextToken]).toEqual([200, "string"]);
    const second = await pagingEc2.send(new DescribeLaunchTemplatesCommand({ MaxResults: 200, NextToken: first.NextToken }));
    expect([second.LaunchTemplates!.map((template) => template.LaunchTemplateId), second.NextToken]).toEqual([
      [pagingTemplateIds[200]],
      undefined,
    ]);
  });

  test("a key named only by the 201st template is in use", async () => {
    expect((await usageOf(names.lastTemplate, pagingRegion)).launchTemplates).toEqual([
      { launchTemplateId: pagingTemplateIds[200], launchTemplateName: `page-${run}-200`, versions: [1] },
    ]);
  });
});
