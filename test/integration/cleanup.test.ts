/**
 * Listing by age and missing tag, and POST /keypairs/cleanup, over HTTP against moto behind the
 * realistic layer with the service's rate share on (its own stack: a usage check the share cuts
 * short is how a describe fails here). The fleet that names keys (an instance, a launch template,
 * a launch configuration, an Auto Scaling group pinning a template version) is made in moto directly.
 */
import { AutoScalingClient, CreateAutoScalingGroupCommand, CreateLaunchConfigurationCommand } from "@aws-sdk/client-auto-scaling";
import { DynamoDBClient, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import {
  CreateKeyPairCommand,
  CreateLaunchTemplateCommand,
  CreateLaunchTemplateVersionCommand,
  DescribeImagesCommand,
  DescribeKeyPairsCommand,
  EC2Client,
  RunInstancesCommand,
} from "@aws-sdk/client-ec2";
import { LOCAL_RATE_SHARE_TABLE, type LocalStack, startLocalStack } from "../../scripts/local-stack.js";
import { DEFAULT_CONFIG } from "../../scripts/realistic-aws/config.js";

const region = "eu-west-1";
const other = "us-east-1";
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
const run = `${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
const name = (role: string) => `clean-${run}-${role}`;

type Item = { region: string; name: string; outcome: string; usage?: { complete: boolean; incomplete: { check: string }[] } };
type Cleanup = {
  dryRun: boolean;
  items: Item[];
  unmanagedSkipped: number;
  stopped?: string;
  nextCursor?: { region: string; after?: string };
};

let stack: LocalStack;
let ec2: EC2Client;
let started: string;
const api = (path: string, init?: RequestInit) => fetch(`${stack.apiUrl}${path}`, init);
const cleanup = async (body: object): Promise<Cleanup> => {
  const answer = await api("/keypairs/cleanup", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ unused: true, region, createdAfter: started, ...body }),
  });
  expect(answer.status).toBe(200);
  return (await answer.json()) as Cleanup;
};
const list = async (query: string) => {
  const answer = await api(`/keypairs?${query}&tag=run%3D${run}`);
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { items: { region: string; name: string }[] }).items.map((item) => `${item.region}/${item.name}`);
};
const existing = async (names: string[]) =>
  (await ec2.send(new DescribeKeyPairsCommand({ Filters: [{ Name: "key-name", Values: names }] })))
    .KeyPairs!.map((key) => key.KeyName)
    .sort();

beforeAll(async () => {
  stack = await startLocalStack({
    realisticAws: {
      ...DEFAULT_CONFIG,
      seed: 35,
      consistencyWindowMs: { min: 0, max: 0 },
      latency: { kind: "uniform", minMs: 1, maxMs: 5 },
    },
    env: { ALLOWED_REGIONS: `${other},${region}`, RATE_SHARE_PERCENT: "100" },
    output: () => undefined,
  });
  ec2 = new EC2Client({ region, endpoint: stack.motoUrl, credentials });
  started = new Date(Date.now() - 60_000).toISOString();
  const create = async (role: string, tags: Record<string, string>, keyRegion = region) => {
    const answer = await api("/keypairs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: name(role), region: keyRegion, keyType: "ed25519", tags: { run, ...tags } }),
    });
    expect([role, answer.status]).toEqual([role, 201]);
  };
  for (const role of ["a-unused", "b-unused", "c-unused", "inst", "lt", "lc", "asg"]) await create(role, {});
  await create("owned", { owner: "ann" });
  await create("far", {}, other);
  // Not made through the API: never selected.
  await ec2.send(
    new CreateKeyPairCommand({
      KeyName: name("console"),
      TagSpecifications: [{ ResourceType: "key-pair", Tags: [{ Key: "run", Value: run }] }],
    }),
  );

  const image = (await ec2.send(new DescribeImagesCommand({}))).Images![0]!.ImageId!;
  await ec2.send(new RunInstancesCommand({ ImageId: image, InstanceType: "t3.micro", MinCount: 1, MaxCount: 1, KeyName: name("inst") }));
  await ec2.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: `lt-${run}`,
      LaunchTemplateData: { ImageId: image, InstanceType: "t3.micro", KeyName: name("lt") },
    }),
  );
  // Version 2 names the key, version 1 (default) and 3 (latest) do not: only the group that pins 2 makes it used.
  const pinned = await ec2.send(
    new CreateLaunchTemplateCommand({
      LaunchTemplateName: `lt-pinned-${run}`,
      LaunchTemplateData: { ImageId: image, InstanceType: "t3.micro" },
    }),
  );
  const templateId = pinned.LaunchTemplate!.LaunchTemplateId!;
  await ec2.send(
    new CreateLaunchTemplateVersionCommand({
      LaunchTemplateId: templateId,
      LaunchTemplateData: { ImageId: image, InstanceType: "t3.micro", KeyName: name("asg") },
    }),
  );
  await ec2.send(
    new CreateLaunchTemplateVersionCommand({
      LaunchTemplateId: templateId,
      LaunchTemplateData: { ImageId: image, InstanceType: "t3.small" },
    }),
  );
  const autoScaling = new AutoScalingClient({ region, endpoint: stack.motoUrl, credentials });
  const group = { MinSize: 0, MaxSize: 1, DesiredCapacity: 0, AvailabilityZones: [`${region}a`] };
  await autoScaling.send(
    new CreateAutoScalingGroupCommand({
      ...group,
      AutoScalingGroupName: `asg-${run}`,
      LaunchTemplate: { LaunchTemplateId: templateId, Version: "2" },
    }),
  );
  await autoScaling.send(
    new CreateLaunchConfigurationCommand({
      LaunchConfigurationName: `lc-${run}`,
      ImageId: image,
      InstanceType: "t3.micro",
      KeyName: name("lc"),
    }),
  );
  autoScaling.destroy();
}, 240_000);
afterAll(async () => {
  ec2?.destroy();
  await stack?.stop();
});

test("listing by age and missing tag, in one region and in all regions", async () => {
  const before = encodeURIComponent(started);
  expect(await list(`region=${region}&createdBefore=${before}`)).toEqual([]);
  const mine = await list(`region=${region}&createdAfter=${before}&missingTag=owner`);
  expect(mine).toEqual(["a-unused", "asg", "b-unused", "c-unused", "console", "inst", "lc", "lt"].map((role) => `${region}/${name(role)}`));
  expect(await list(`allRegions=true&createdAfter=${before}&missingTag=owner&unused=true`)).toEqual([
    `${other}/${name("far")}`,
    ...["a-unused", "b-unused", "c-unused", "console"].map((role) => `${region}/${name(role)}`),
  ]);
  const bad = await api(`/keypairs?region=${region}&createdBefore=yesterday`);
  expect(bad.status).toBe(400);
}, 60_000);

test("a dry run lists exactly what the real run then deletes; keys in use and unmanaged keys are kept; the cap and cursor work", async () => {
  const filters = { missingTag: "owner", limit: 2 };
  const pages = async (dryRun: boolean) => {
    const items: Item[] = [];
    let cursor: Cleanup["nextCursor"];
    let unmanaged = 0;
    do {
      const page = await cleanup({ ...filters, dryRun, ...(cursor ? { cursor } : {}) });
      expect(page.dryRun).toBe(dryRun);
      expect(page.items.filter((item) => item.outcome === "deleted" || item.outcome === "would-delete").length).toBeLessThanOrEqual(2);
      if (page.nextCursor) expect(page.stopped).toBe("cap");
      items.push(...page.items);
      unmanaged += page.unmanagedSkipped;
      cursor = page.nextCursor;
    } while (cursor);
    return { outcomes: items.map((item) => `${item.name.slice(name("").length)}:${item.outcome}`), unmanaged };
  };
  const plan = await pages(true);
  expect(plan).toEqual({
    outcomes: [
      "a-unused:would-delete",
      "asg:kept-in-use",
      "b-unused:would-delete",
      "c-unused:would-delete",
      "inst:kept-in-use",
      "lc:kept-in-use",
      "lt:kept-in-use",
    ],
    unmanaged: 1,
  });
  const all = ["a-unused", "b-unused", "c-unused", "inst", "lt", "lc", "asg", "owned", "console"].map(name);
  expect(await existing(all)).toEqual([...all].sort());

  const real = await pages(false);
  expect(real.outcomes).toEqual(plan.outcomes.map((outcome) => outcome.replace("would-delete", "deleted")));
  expect(await existing(all)).toEqual(["asg", "console", "inst", "lc", "lt", "owned"].map(name).sort());
}, 120_000);

test("the report counts per region and key type, with the missing tag and the unused keys when asked", async () => {
  const answer = await api(`/keypairs/report?region=${region}&missingTag=owner&includeUnused=true&expiringWithinDays=30`);
  expect(answer.status).toBe(200);
  const report = (await answer.json()) as { rows: Record<string, unknown>[]; regions: Record<string, unknown> };
  // After the cleanup above: asg, inst, lc, lt (in use, no owner), owned, and the console key.
  expect(report.rows).toEqual([
    {
      region,
      keyType: "rsa",
      total: 1,
      managed: 0,
      age: { under30d: 1, "30to90d": 0, "90to365d": 0, over365d: 0, unknown: 0 },
      unused: 1,
      usageUnknown: 0,
      missingTag: 1,
      expiringSoon: 0,
    },
    {
      region,
      keyType: "ed25519",
      total: 5,
      managed: 5,
      age: { under30d: 5, "30to90d": 0, "90to365d": 0, over365d: 0, unknown: 0 },
      unused: 1,
      usageUnknown: 0,
      missingTag: 4,
      expiringSoon: 0,
    },
  ]);
  expect(report.regions).toEqual({ [region]: { status: "ok", count: 6, complete: true } });
}, 60_000);

test("allRegions goes on region by region with its cursor", async () => {
  const first = await cleanup({ region: undefined, allRegions: true, limit: 1 });
  expect(first.items.map((item) => `${item.region}/${item.name}:${item.outcome}`)).toEqual([`${other}/${name("far")}:would-delete`]);
  expect(first.nextCursor).toEqual({ region, after: undefined });
}, 60_000);

test("a key whose usage check the share cut short is kept-unknown, and never deleted", async () => {
  // Another instance spent the share of DescribeInstances in this region for the next minute.
  const dynamodb = new DynamoDBClient({ region: "us-east-1", endpoint: stack.motoUrl, credentials });
  await dynamodb.send(
    new UpdateItemCommand({
      TableName: LOCAL_RATE_SHARE_TABLE,
      Key: { bucket: { S: `ec2#own/${other}#DescribeInstances` } },
      UpdateExpression: "SET tat = :tat",
      ExpressionAttributeValues: { ":tat": { N: String(Date.now() + 60_000 + 50_000) } },
    }),
  );
  dynamodb.destroy();
  const page = await cleanup({ region: other, dryRun: false });
  expect(page.items.map((item) => `${item.name}:${item.outcome}`)).toEqual([`${name("far")}:kept-unknown`]);
  expect(page.items[0]!.usage).toMatchObject({ complete: false, incomplete: [{ check: "instances" }] });
  expect([page.stopped, page.nextCursor]).toEqual(["throttled", { region: other }]);
  const far = new EC2Client({ region: other, endpoint: stack.motoUrl, credentials });
  expect((await far.send(new DescribeKeyPairsCommand({ KeyNames: [name("far")] }))).KeyPairs).toHaveLength(1);
  far.destroy();
}, 60_000);
