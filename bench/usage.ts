/**
 * Latency of a usage check (GET /keypairs/{name}?includeUsage=true) and of GET /keypairs?unused=true
 * for a region with 1,000 instances, 200 launch templates and 100 launch configurations (and 100
 * groups, half pinning a launch template version, half on a launch configuration), EC2 and Auto
 * Scaling answered from memory by an in-process request handler, paged as AWS pages (MaxResults):
 * the figure is this service's work and the SDK's, not an emulator's. One bundle, built as
 * deployed (minified, the build plugins).
 */
import { ROOT } from "../scripts/local-stack.js";
import { apiEvent, lambdaContext } from "../test/support/lambda.js";
import { bundleSource, inMemoryHandler } from "./artifacts.js";
import { EMPTY_LAUNCHERS } from "./fake-ec2.js";
import { max, median, min } from "./stats.js";

export interface Fleet {
  instances: number;
  launchTemplates: number;
  launchConfigurations: number;
  groups: number;
  keys: number;
}

export const FLEET: Fleet = { instances: 1000, launchTemplates: 200, launchConfigurations: 100, groups: 100, keys: 300 };

const key = (index: number) => `key-${String(index).padStart(4, "0")}`;
const hex = (index: number) => index.toString(16).padStart(17, "0");

/** One page of `rows` from `token` (an offset), at most `size`. */
function page<T>(rows: T[], token: string | null, size: number) {
  const start = token ? Number(token) : 0;
  const end = Math.min(start + size, rows.length);
  return { rows: rows.slice(start, end), next: end < rows.length ? String(end) : undefined };
}
const tokenXml = (next: string | undefined, tag = "nextToken") => (next ? `<${tag}>${next}</${tag}>` : "");

/**
 * EC2's and Auto Scaling's answers for a region of `fleet`'s size, paged as AWS pages. Keys 0-99 are
 * named by instances (a tenth of the instances each), 100-199 by a template's latest version,
 * 200-249 by a launch configuration, the rest by nothing; half the groups pin version 1 of a
 * template (named key-1xx too). `extraTags(index)`: more tags of key `index` (XML items).
 */
export function fleetAnswers(fleet: Fleet, extraTags: (index: number) => string = () => "") {
  const instances = Array.from({ length: fleet.instances }, (_, index) => ({ id: `i-${hex(index)}`, key: key(index % 100) }));
  const templates = Array.from({ length: fleet.launchTemplates }, (_, index) => ({ id: `lt-${hex(index)}`, name: `lt-${index}` }));
  const configurations = Array.from({ length: fleet.launchConfigurations }, (_, index) => ({
    name: `lc-${index}`,
    key: key(200 + (index % 50)),
  }));
  const keyItems = Array.from(
    { length: fleet.keys },
    (_, index) =>
      `<item><keyPairId>key-${hex(index)}</keyPairId><keyName>${key(index)}</keyName><keyType>ed25519</keyType><keyFingerprint>abc=</keyFingerprint>` +
      `<createTime>2026-11-22T10:00:00.000Z</createTime><tagSet><item><key>managed-by</key><value>ec2-keypairs-api</value></item>${extraTags(index)}</tagSet></item>`,
  );
  const versionKey = (template: number, version: number) =>
    version === 3 ? key(100 + (template % 100)) : key(100 + ((template + 1) % 100));
  const half = Math.floor(fleet.groups / 2);

  return function answer(action: string, form: URLSearchParams): string {
    const token = form.get("NextToken");
    if (action === "DescribeKeyPairs") {
      const wanted = form.get("KeyName.1");
      const body = wanted ? keyItems.filter((item) => item.includes(`<keyName>${wanted}</keyName>`)) : keyItems;
      return `<DescribeKeyPairsResponse><requestId>r</requestId><keySet>${body.join("")}</keySet></DescribeKeyPairsResponse>`;
    }
    if (action === "DescribeInstances") {
      const { rows, next } = page(instances, token, Number(form.get("MaxResults") ?? 1000));
      const items = rows.map(
        (row) =>
          `<item><reservationId>r-${row.id}</reservationId><instancesSet><item><instanceId>${row.id}</instanceId><keyName>${row.key}</keyName>` +
          `<instanceState><code>16</code><name>running</name></instanceState><instanceType>t3.micro</instanceType></item></instancesSet></item>`,
      );
      return `<DescribeInstancesResponse><requestId>r</requestId><reservationSet>${items.join("")}</reservationSet>${tokenXml(next)}</DescribeInstancesResponse>`;
    }
    if (action === "DescribeLaunchTemplates") {
      const { rows, next } = page(templates, token, Number(form.get("MaxResults") ?? 200));
      const items = rows.map(
        (row) =>
          `<item><launchTemplateId>${row.id}</launchTemplateId><launchTemplateName>${row.name}</launchTemplateName>` +
          `<defaultVersionNumber>2</defaultVersionNumber><latestVersionNumber>3</latestVersionNumber></item>`,
      );
      return `<DescribeLaunchTemplatesResponse><requestId>r</requestId><launchTemplates>${items.join("")}</launchTemplates>${tokenXml(next)}</DescribeLaunchTemplatesResponse>`;
    }
    if (action === "DescribeLaunchTemplateVersions") {
      const id = form.get("LaunchTemplateId");
      const asked = [...form].filter(([name]) => /^LaunchTemplateVersion\.\d+$/.test(name)).map(([, value]) => value);
      const rows = id
        ? asked.map((version) => ({ template: templates.findIndex((template) => template.id === id), version: Number(version) }))
        : templates.flatMap((_, index) => [
            { template: index, version: 3 },
            { template: index, version: 2 },
          ]);
      const { rows: served, next } = page(rows, token, Number(form.get("MaxResults") ?? 200));
      const items = served.map(
        ({ template, version }) =>
          `<item><launchTemplateId>${templates[template]!.id}</launchTemplateId><launchTemplateName>${templates[template]!.name}</launchTemplateName>` +
          `<versionNumber>${version}</versionNumber><launchTemplateData><keyName>${versionKey(template, version)}</keyName>` +
          `<instanceType>t3.micro</instanceType></launchTemplateData></item>`,
      );
      return `<DescribeLaunchTemplateVersionsResponse><requestId>r</requestId><launchTemplateVersionSet>${items.join("")}</launchTemplateVersionSet>${tokenXml(next)}</DescribeLaunchTemplateVersionsResponse>`;
    }
    if (action === "DescribeLaunchConfigurations") {
      const { rows, next } = page(configurations, token, Number(form.get("MaxRecords") ?? 100));
      const members = rows.map(
        (row) =>
          `<member><LaunchConfigurationName>${row.name}</LaunchConfigurationName><KeyName>${row.key}</KeyName><ImageId>ami-1</ImageId>` +
          `<InstanceType>t3.micro</InstanceType></member>`,
      );
      return `<DescribeLaunchConfigurationsResponse><DescribeLaunchConfigurationsResult><LaunchConfigurations>${members.join("")}</LaunchConfigurations>${tokenXml(next, "NextToken")}</DescribeLaunchConfigurationsResult></DescribeLaunchConfigurationsResponse>`;
    }
    if (action === "DescribeAutoScalingGroups") {
      const groups = Array.from({ length: fleet.groups }, (_, index) => index);
      const { rows, next } = page(groups, token, Number(form.get("MaxRecords") ?? 100));
      const members = rows.map(
        (index) =>
          `<member><AutoScalingGroupName>asg-${index}</AutoScalingGroupName>` +
          (index < half
            ? `<LaunchTemplate><LaunchTemplateId>${templates[index]!.id}</LaunchTemplateId><Version>1</Version></LaunchTemplate>`
            : `<LaunchConfigurationName>lc-${index - half}</LaunchConfigurationName>`) +
          `<Instances><member><InstanceId>${instances[index]!.id}</InstanceId></member></Instances></member>`,
      );
      return `<DescribeAutoScalingGroupsResponse><DescribeAutoScalingGroupsResult><AutoScalingGroups>${members.join("")}</AutoScalingGroups>${tokenXml(next, "NextToken")}</DescribeAutoScalingGroupsResult></DescribeAutoScalingGroupsResponse>`;
    }
    // No Spot request or fleet in the bench's region: one empty page each.
    const nothing = EMPTY_LAUNCHERS[action];
    if (nothing) return nothing;
    throw new Error(`bench/usage.ts: no answer for ${action}`);
  };
}

const answer = fleetAnswers(FLEET);

/** Counts the calls per action, so the bench shows what one check costs in requests. */
const calls = new Map<string, number>();
const inMemory = inMemoryHandler((request) => {
  const form = new URLSearchParams(String(request.body));
  const action = form.get("Action") ?? "";
  calls.set(action, (calls.get(action) ?? 0) + 1);
  return { contentType: "text/xml", body: answer(action, form) };
});

export interface UsageBenchRow {
  name: string;
  medianMs: number;
  minMs: number;
  maxMs: number;
  calls: string;
  result: string;
}

export async function usageLatency(outDir: string, iterations = 50): Promise<UsageBenchRow[]> {
  const outfile = `${outDir}/usage-entry.mjs`;
  await bundleSource(
    [
      `export { handler as getHandler } from "${ROOT}/src/handlers/get-key-pair.ts";`,
      `export { handler as listHandler } from "${ROOT}/src/handlers/list-key-pairs.ts";`,
      `export { ec2Client } from "${ROOT}/src/lib/aws/ec2-clients.ts";`,
      `export { autoScalingClient } from "${ROOT}/src/lib/aws/autoscaling.ts";`,
    ].join("\n"),
    outfile,
  );
  const bundle = await import(outfile);
  const region = process.env.DEFAULT_REGION!;
  bundle.ec2Client(region, "read").config.requestHandler = inMemory;
  bundle.autoScalingClient(region).config.requestHandler = inMemory;
  const cases = [
    {
      name: `GET /keypairs/{name}?includeUsage=true (a key named by 10 instances)`,
      run: () =>
        bundle.getHandler(
          apiEvent({
            method: "GET",
            path: `/keypairs/${key(7)}`,
            pathParameters: { name: key(7) },
            query: { includeUsage: "true" },
            routeKey: "GET /keypairs/{name}",
          }),
          lambdaContext(),
        ),
      result: (body: { usage: { instances: unknown[]; autoScalingGroups: unknown[] } }) =>
        `${body.usage.instances.length} instances, ${body.usage.autoScalingGroups.length} groups`,
    },
    {
      name: `GET /keypairs?unused=true (${FLEET.keys} keys)`,
      run: () =>
        bundle.listHandler(
          apiEvent({ method: "GET", path: "/keypairs", query: { unused: "true" }, routeKey: "GET /keypairs" }),
          lambdaContext(),
        ),
      result: (body: { items: unknown[] }) => `${body.items.length} unused keys`,
    },
  ];
  const rows: UsageBenchRow[] = [];
  for (const { name, run, result } of cases) {
    const first = (await run()) as { statusCode: number; body: string };
    if (first.statusCode !== 200) throw new Error(`${name}: answered ${first.statusCode} ${first.body}`);
    for (let i = 0; i < 5; i += 1) await run();
    calls.clear();
    const times: number[] = [];
    for (let i = 0; i < iterations; i += 1) {
      const started = process.hrtime.bigint();
      await run();
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    const perRequest = [...calls].map(([action, count]) => `${action} ${count / iterations}`).join(", ");
    rows.push({
      name,
      medianMs: median(times),
      minMs: min(times),
      maxMs: max(times),
      calls: perRequest,
      result: result(JSON.parse(first.body)),
    });
  }
  return rows;
}
