/**
 * Over HTTP against moto: what names a key (instances, launch template versions pinned by
 * groups, launch configurations), the guarded delete (409 with the usage, force=true), and the
 * unused list. The fleet is made directly in moto through the SDK.
 */
import {
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  CreateLaunchConfigurationCommand,
  DeleteAutoScalingGroupCommand,
  DeleteLaunchConfigurationCommand,
} from "@aws-sdk/client-auto-scaling";
import {
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  DeleteLaunchTemplateCommand,
  DescribeImagesCommand,
  EC2Client,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
} from "@aws-sdk/client-ec2";
import { apiClient, created, type KeyPair, problemOf } from "../support/contract.js";
import { eventually } from "../support/eventually.js";
import { noUsage } from "../support/in-memory-ports.js";

const api = apiClient();
const region = "eu-west-2"; // a region no other test file uses: the scan sees only this file's fleet
const run = `${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
const ec2 = new EC2Client({ region, endpoint: process.env.MOTO_URL, credentials });
const autoScaling = new AutoScalingClient({ region, endpoint: process.env.MOTO_URL, credentials });

const names = {
  instance: `usage-${run}-instance`,
  template: `usage-${run}-template`,
  configuration: `usage-${run}-configuration`,
  unused: `usage-${run}-unused`,
};
const fleet = {
  template: `lt-${run}`,
  templateGroup: `asg-lt-${run}`,
  deletedVersionGroup: `asg-lt-gone-${run}`,
  configuration: `lc-${run}`,
  configurationGroup: `asg-lc-${run}`,
};
const keys: Record<string, KeyPair> = {};
let instanceId: string;
let terminatedId: string;
let launchTemplateId: string;

const empty = noUsage();

beforeAll(async () => {
  for (const [role, name] of Object.entries(names)) {
    const answer = await api.POST("/keypairs", { body: { name, region, keyType: "ed25519", tags: { run } } });
    expect(answer.response.status).toBe(201);
    keys[role] = created<KeyPair>(answer.data);
  }
  // Listed only once describes show them all (they lag a create under REALISTIC_AWS=1).
  const listed = await eventually(
    () => api.GET("/keypairs", { params: { query: { region, tag: `run=${run}` } } }),
    (answer) => answer.data?.items.length === Object.keys(names).length,
  );
  expect(listed.data!.items).toHaveLength(Object.keys(names).length);
  const image = (await ec2.send(new DescribeImagesCommand({}))).Images![0]!.ImageId!;
  const launch = async (KeyName: string) =>
    (await ec2.send(new RunInstancesCommand({ ImageId: image, InstanceType: "t3.micro", MinCount: 1, MaxCount: 1, KeyName })))
      .Instances![0]!.InstanceId!;
  // A stopped instance still counts; a terminated one does not.
  instanceId = await launch(names.instance);
  await ec2.send(new StopInstancesCommand({ InstanceIds: [instanceId] }));
  terminatedId = await launch(names.unused);
  await ec2.send(new TerminateInstancesCommand({ InstanceIds: [terminatedId] }));

  // Version 1 (default) and 3 (latest) name no key; version 2 does, and only a group pins it.
  const template = await ec2.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: fleet.template,
      LaunchTemplateData: { ImageId: image, InstanceType: "t3.micro" },
    }),
  );
  launchTemplateId = template.LaunchTemplate!.LaunchTemplateId!;
  await ec2.send(
    new CreateLaunchTemplateVersionCommand({
      LaunchTemplateId: launchTemplateId,
      LaunchTemplateData: { ImageId: image, InstanceType: "t3.micro", KeyName: names.template },
    }),
  );
  await ec2.send(
    new CreateLaunchTemplateVersionCommand({
      LaunchTemplateId: launchTemplateId,
      LaunchTemplateData: { ImageId: image, InstanceType: "t3.small" },
    }),
  );
  const group = { MinSize: 0, MaxSize: 1, DesiredCapacity: 0, AvailabilityZones: [`${region}a`] };
  await autoScaling.send(
    new CreateAutoScalingGroupCommand({
      ...group,
      AutoScalingGroupName: fleet.templateGroup,
      LaunchTemplate: { LaunchTemplateId: launchTemplateId, Version: "2" },
    }),
  );
  // A group pinning a version that no longer exists (deleted after the group was made): asked for
  // with version 2, EC2 answers VersionNotFound for the whole call.
  await autoScaling.send(
    new CreateAutoScalingGroupCommand({
      ...group,
      AutoScalingGroupName: fleet.deletedVersionGroup,
      LaunchTemplate: { LaunchTemplateId: launchTemplateId, Version: "99" },
    }),
  );
  await autoScaling.send(
    new CreateLaunchConfigurationCommand({
      LaunchConfigurationName: fleet.configuration,
      ImageId: image,
      InstanceType: "t3.micro",
      KeyName: names.configuration,
    }),
  );
  await autoScaling.send(
    new CreateAutoScalingGroupCommand({
      ...group,
      AutoScalingGroupName: fleet.configurationGroup,
      LaunchConfigurationName: fleet.configuration,
    }),
  );
}, 60_000);

afterAll(async () => {
  for (const name of [fleet.templateGroup, fleet.deletedVersionGroup, fleet.configurationGroup])
    await autoScaling.send(new DeleteAutoScalingGroupCommand({ AutoScalingGroupName: name, ForceDelete: true })).catch(() => undefined);
  await autoScaling.send(new DeleteLaunchConfigurationCommand({ LaunchConfigurationName: fleet.configuration })).catch(() => undefined);
  await ec2.send(new DeleteLaunchTemplateCommand({ LaunchTemplateId: launchTemplateId })).catch(() => undefined);
  await ec2.send(new TerminateInstancesCommand({ InstanceIds: [instanceId] })).catch(() => undefined);
  for (const name of Object.values(names))
    await api.DELETE("/keypairs/{name}", { params: { path: { name }, query: { region, force: true } } });
  ec2.destroy();
  autoScaling.destroy();
});

const usageOf = async (name: string) => {
  const answer = await api.GET("/keypairs/{name}", { params: { path: { name }, query: { region, includeUsage: true } } });
  expect(answer.response.status).toBe(200);
  return answer.data!.usage;
};

describe("GET with includeUsage=true", () => {
  test("a key used by an instance (stopped: every state but terminated counts)", async () => {
    expect(await usageOf(names.instance)).toEqual({ ...empty, instances: [{ instanceId, state: "stopped" }] });
  });

  test("a key named only by a launch template version an Auto Scaling group pins (by id)", async () => {
    const answer = await api.GET("/keypairs/by-id/{keyPairId}", {
      params: { path: { keyPairId: keys.template!.keyPairId }, query: { region, includeUsage: true } },
    });
    expect(answer.data!.usage).toEqual({
      ...empty,
      launchTemplates: [{ launchTemplateId, launchTemplateName: fleet.template, versions: [2] }],
      autoScalingGroups: [{ name: fleet.templateGroup }],
    });
  });

  test("a key used by a launch configuration, and the group launching from it", async () => {
    expect(await usageOf(names.configuration)).toEqual({
      ...empty,
      launchConfigurations: [{ name: fleet.configuration }],
      autoScalingGroups: [{ name: fleet.configurationGroup }],
    });
  });

  test("an unused key (its only instance is terminated)", async () => {
    expect(await usageOf(names.unused)).toEqual(empty);
  });

  test("without includeUsage there is no usage", async () => {
    const answer = await api.GET("/keypairs/{name}", { params: { path: { name: names.instance }, query: { region } } });
    expect(answer.data!.usage).toBeUndefined();
  });
});

describe("GET /keypairs with unused=true and includeUsage=true", () => {
  test("only the keys nothing names; includeUsage gives each its usage", async () => {
    const unused = await api.GET("/keypairs", { params: { query: { region, tag: `run=${run}`, unused: true } } });
    expect(unused.data!.items.map((item) => item.name)).toEqual([names.unused]);
    const all = await api.GET("/keypairs", { params: { query: { region, tag: `run=${run}`, includeUsage: true } } });
    expect(
      Object.fromEntries(
        all.data!.items.map((item) => [
          item.name,
          item.usage!.instances.length + item.usage!.launchTemplates.length + item.usage!.launchConfigurations.length,
        ]),
      ),
    ).toEqual({
      [names.configuration]: 1,
      [names.instance]: 1,
      [names.template]: 1,
      [names.unused]: 0,
    });
  });

  test("with allRegions=true", async () => {
    const answer = await api.GET("/keypairs", {
      params: { query: { allRegions: true, tag: `run=${run}`, unused: true, includeUsage: true } },
    });
    expect(answer.data!.items.map((item) => [item.region, item.name, item.usage])).toEqual([[region, names.unused, empty]]);
    expect(answer.data!.regions![region]).toEqual({ status: "ok", count: 1, complete: true });
  });
});

describe("the guarded DELETE", () => {
  test("refuses a key a pinned launch template version names: 409 key-in-use with the usage, nothing deleted", async () => {
    for (const dryRun of [true, false]) {
      const answer = await api.DELETE("/keypairs/{name}", { params: { path: { name: names.template }, query: { region, dryRun } } });
      expect(answer.response.status).toBe(409);
      const problem = problemOf(answer.error);
      expect(problem.type).toMatch(/\/key-in-use$/);
      expect(problem.usage).toEqual({
        ...empty,
        launchTemplates: [{ launchTemplateId, launchTemplateName: fleet.template, versions: [2] }],
        autoScalingGroups: [{ name: fleet.templateGroup }],
      });
    }
    const still = await api.GET("/keypairs/{name}", { params: { path: { name: names.template }, query: { region } } });
    expect(still.response.status).toBe(200);
  });

  test("a group pinning a deleted version hides no version that exists: refused, the pinned version 2 named", async () => {
    for (const dryRun of [true, false]) {
      const answer = await api.DELETE("/keypairs/{name}", { params: { path: { name: names.template }, query: { region, dryRun } } });
      expect(answer.response.status).toBe(409);
      expect(problemOf(answer.error).usage!.launchTemplates).toEqual([
        { launchTemplateId, launchTemplateName: fleet.template, versions: [2] },
      ]);
    }
  });

  test("refuses by id too (an instance names it)", async () => {
    const answer = await api.DELETE("/keypairs/by-id/{keyPairId}", {
      params: { path: { keyPairId: keys.instance!.keyPairId }, query: { region } },
    });
    expect(answer.response.status).toBe(409);
    expect(problemOf(answer.error).usage!.instances).toEqual([{ instanceId, state: "stopped" }]);
  });

  test("a dry run of an unused key would succeed and reports its (empty) usage", async () => {
    const answer = await api.DELETE("/keypairs/{name}", { params: { path: { name: names.unused }, query: { region, dryRun: true } } });
    expect(answer.response.status).toBe(200);
    expect(answer.data).toMatchObject({ dryRun: true, wouldSucceed: true, operation: "DeleteKeyPair", usage: empty });
  });

  test("force=true deletes a key in use (a forced dry run reports the usage)", async () => {
    const dry = await api.DELETE("/keypairs/by-id/{keyPairId}", {
      params: { path: { keyPairId: keys.configuration!.keyPairId }, query: { region, force: true, dryRun: true } },
    });
    expect(dry.response.status).toBe(200);
    expect((dry.data as { usage?: unknown }).usage).toMatchObject({ launchConfigurations: [{ name: fleet.configuration }] });
    const answer = await api.DELETE("/keypairs/by-id/{keyPairId}", {
      params: { path: { keyPairId: keys.configuration!.keyPairId }, query: { region, force: true } },
    });
    expect(answer.response.status).toBe(204);
    const gone = await eventually(
      () => api.GET("/keypairs/{name}", { params: { path: { name: names.configuration }, query: { region } } }),
      (read) => read.response.status === 404,
    );
    expect(gone.response.status).toBe(404);
  });

  test("an unused key is deleted without force", async () => {
    const answer = await api.DELETE("/keypairs/{name}", { params: { path: { name: names.unused }, query: { region } } });
    expect(answer.response.status).toBe(204);
  });
});
