/**
 * EC2's side of the usage scan (key-usage.ts): the read-only describes of what names key pairs,
 * each paged to the end, all bounded by one signal. Loaded only when a request checks usage
 * (decision 0029), with the Auto Scaling adapter; the key pair store is ec2.ts.
 */
import {
  DescribeFleetsCommand,
  type DescribeFleetsCommandInput,
  DescribeInstancesCommand,
  type DescribeInstancesCommandInput,
  DescribeLaunchTemplatesCommand,
  type DescribeLaunchTemplatesCommandInput,
  DescribeLaunchTemplateVersionsCommand,
  type DescribeLaunchTemplateVersionsCommandInput,
  DescribeSpotFleetRequestsCommand,
  type DescribeSpotFleetRequestsCommandInput,
  DescribeSpotInstanceRequestsCommand,
  type DescribeSpotInstanceRequestsCommandInput,
  type LaunchTemplateVersion,
} from "@aws-sdk/client-ec2";
import { ServiceError } from "../keypairs/errors.js";
import { inconsistent, send } from "./ec2.js";
import type { UsageOperation } from "./ec2-errors.js";

/**
 * Reads every page of a paged call: each page's NextToken asks for the next, until there is none.
 * A token EC2 (or Auto Scaling) hands back twice would loop: an unreadable answer. Errors say which
 * operation failed.
 */
export async function allPages<P>(
  operation: UsageOperation,
  page: (token: string | undefined) => Promise<{ NextToken?: string | undefined; page: P[] }>,
): Promise<P[]> {
  const items: P[] = [];
  const seen = new Set<string>();
  for (let token: string | undefined; ; ) {
    let answer: { NextToken?: string | undefined; page: P[] };
    try {
      answer = await page(token);
    } catch (error) {
      throw error instanceof ServiceError
        ? new ServiceError(error.kind, `${operation}: ${error.message}`, {
            cause: error,
            ec2Code: error.ec2Code,
            retryAfterSeconds: error.retryAfterSeconds,
          })
        : error;
    }
    items.push(...answer.page);
    token = answer.NextToken || undefined;
    if (token === undefined) return items;
    if (seen.has(token)) throw inconsistent(operation, "repeats a NextToken");
    seen.add(token);
  }
}

/**
 * What the usage scan asks EC2 for, each page adding its NextToken; the INIT rehearsal
 * (key-usage-priming.ts) sends the same. Instances: every state but terminated (a stopped instance
 * started later needs its key for nothing, but is listed).
 */
export const USAGE_SCAN_INPUTS = {
  instances: {
    Filters: [{ Name: "instance-state-name", Values: ["pending", "running", "shutting-down", "stopping", "stopped"] }],
    MaxResults: 1000,
  },
  launchTemplates: { MaxResults: 200 },
  defaultAndLatestVersions: { Versions: ["$Latest", "$Default"], MaxResults: 200 },
  spotInstanceRequests: { Filters: [{ Name: "state", Values: ["open", "active"] }], MaxResults: 1000 },
  spotFleetRequests: { MaxResults: 1000 },
  fleets: { MaxResults: 1000 },
} satisfies {
  instances: DescribeInstancesCommandInput;
  launchTemplates: DescribeLaunchTemplatesCommandInput;
  defaultAndLatestVersions: DescribeLaunchTemplateVersionsCommandInput;
  spotInstanceRequests: DescribeSpotInstanceRequestsCommandInput;
  spotFleetRequests: DescribeSpotFleetRequestsCommandInput;
  fleets: DescribeFleetsCommandInput;
};

/** The region's instances in every state but terminated that were launched with a key. */
export async function describeInstancesWithKeys(region: string, signal: AbortSignal) {
  const instances = await allPages("DescribeInstances", async (NextToken) => {
    const output = await send(region, "read", "DescribeInstances", false, signal, (client) =>
      client.send(
        new DescribeInstancesCommand({
          ...USAGE_SCAN_INPUTS.instances,
          NextToken,
        }),
        { abortSignal: signal },
      ),
    );
    return { NextToken: output.NextToken, page: (output.Reservations ?? []).flatMap((reservation) => reservation.Instances ?? []) };
  });
  return instances.flatMap((instance) => {
    const state = instance.State?.Name ?? "unknown";
    return instance.InstanceId && instance.KeyName && state !== "terminated"
      ? [{ instanceId: instance.InstanceId, state, keyName: instance.KeyName }]
      : [];
  });
}

export interface LaunchTemplateSummary {
  launchTemplateId: string;
  launchTemplateName: string;
  defaultVersion: number;
  latestVersion: number;
}

/** The region's launch templates with their default and latest version numbers. */
export async function describeLaunchTemplates(region: string, signal: AbortSignal): Promise<LaunchTemplateSummary[]> {
  const templates = await allPages("DescribeLaunchTemplates", async (NextToken) => {
    const output = await send(region, "read", "DescribeLaunchTemplates", false, signal, (client) =>
      client.send(new DescribeLaunchTemplatesCommand({ ...USAGE_SCAN_INPUTS.launchTemplates, NextToken }), { abortSignal: signal }),
    );
    return { NextToken: output.NextToken, page: output.LaunchTemplates ?? [] };
  });
  return templates.flatMap((template) =>
    template.LaunchTemplateId && template.LaunchTemplateName && template.DefaultVersionNumber && template.LatestVersionNumber
      ? [
          {
            launchTemplateId: template.LaunchTemplateId,
            launchTemplateName: template.LaunchTemplateName,
            defaultVersion: template.DefaultVersionNumber,
            latestVersion: template.LatestVersionNumber,
          },
        ]
      : [],
  );
}

export interface LaunchTemplateVersionKey {
  launchTemplateId: string;
  launchTemplateName: string;
  version: number;
  /** The key it names, if any. */
  keyName?: string;
}

const readVersions = (versions: LaunchTemplateVersion[]): LaunchTemplateVersionKey[] =>
  versions.flatMap((version) =>
    version.LaunchTemplateId && version.LaunchTemplateName && version.VersionNumber
      ? [
          {
            launchTemplateId: version.LaunchTemplateId,
            launchTemplateName: version.LaunchTemplateName,
            version: version.VersionNumber,
            ...(version.LaunchTemplateData?.KeyName ? { keyName: version.LaunchTemplateData.KeyName } : {}),
          },
        ]
      : [],
  );

/** The default and latest version of every launch template of the region, in one paged call (no template named). */
export async function describeDefaultAndLatestVersions(region: string, signal: AbortSignal): Promise<LaunchTemplateVersionKey[]> {
  const versions = await allPages("DescribeLaunchTemplateVersions", async (NextToken) => {
    const output = await send(region, "read", "DescribeLaunchTemplateVersions", false, signal, (client) =>
      client.send(new DescribeLaunchTemplateVersionsCommand({ ...USAGE_SCAN_INPUTS.defaultAndLatestVersions, NextToken }), {
        abortSignal: signal,
      }),
    );
    return { NextToken: output.NextToken, page: output.LaunchTemplateVersions ?? [] };
  });
  return readVersions(versions);
}

/**
 * The versions numbered `numbers` of one launch template (at most 200 per call). A template deleted
 * meanwhile has none. A version that does not exist (deleted after a group or fleet pinned it) fails the
 * whole call with VersionNotFound: the numbers are then asked for in halves, down to the one
 * missing, so it never hides the versions that exist.
 */
export async function describeTemplateVersions(
  region: string,
  launchTemplateId: string,
  numbers: number[],
  signal: AbortSignal,
): Promise<LaunchTemplateVersionKey[]> {
  const ask = async (chunk: number[]): Promise<LaunchTemplateVersionKey[]> => {
    try {
      const versions = await allPages("DescribeLaunchTemplateVersions", async (NextToken) => {
        const output = await send(region, "read", "DescribeLaunchTemplateVersions", false, signal, (client) =>
          client.send(
            new DescribeLaunchTemplateVersionsCommand({
              LaunchTemplateId: launchTemplateId,
              Versions: chunk.map(String),
              MaxResults: 200,
              NextToken,
            }),
            { abortSignal: signal },
          ),
        );
        return { NextToken: output.NextToken, page: output.LaunchTemplateVersions ?? [] };
      });
      return readVersions(versions);
    } catch (error) {
      if (!(error instanceof ServiceError && error.kind === "not-found")) throw error;
      // The template is gone, or the one version asked for: nothing there names a key. Any other
      // not-found of several versions may be one of them alone: ask again in halves.
      if (error.ec2Code === "InvalidLaunchTemplateId.NotFound" || chunk.length === 1) return [];
      const half = Math.ceil(chunk.length / 2);
      return [...(await ask(chunk.slice(0, half))), ...(await ask(chunk.slice(half)))];
    }
  };
  const found: LaunchTemplateVersionKey[] = [];
  for (let at = 0; at < numbers.length; at += 200) found.push(...(await ask(numbers.slice(at, at + 200))));
  return found;
}

/** A launch template as a group or fleet names it: by id or name, and a version (a number, $Latest or $Default; none is $Default). */
export interface TemplateRef {
  launchTemplateId?: string;
  launchTemplateName?: string;
  version?: string;
}

/** Auto Scaling's and EC2's launch template specifications share these members. */
export const templateRef = (
  spec: { LaunchTemplateId?: string | undefined; LaunchTemplateName?: string | undefined; Version?: string | undefined } | undefined,
): TemplateRef[] =>
  spec && (spec.LaunchTemplateId || spec.LaunchTemplateName)
    ? [
        {
          ...(spec.LaunchTemplateId ? { launchTemplateId: spec.LaunchTemplateId } : {}),
          ...(spec.LaunchTemplateName ? { launchTemplateName: spec.LaunchTemplateName } : {}),
          ...(spec.Version ? { version: spec.Version } : {}),
        },
      ]
    : [];

/**
 * The region's Spot Instance requests that launch with their key when fulfilled (again): a
 * persistent request open or active, a one-time request still open. A one-time request that is
 * active has launched its instance (counted among the instances) and launches no other.
 */
export async function describeSpotInstanceRequestsWithKeys(region: string, signal: AbortSignal) {
  const requests = await allPages("DescribeSpotInstanceRequests", async (NextToken) => {
    const output = await send(region, "read", "DescribeSpotInstanceRequests", false, signal, (client) =>
      client.send(new DescribeSpotInstanceRequestsCommand({ ...USAGE_SCAN_INPUTS.spotInstanceRequests, NextToken }), {
        abortSignal: signal,
      }),
    );
    return { NextToken: output.NextToken, page: output.SpotInstanceRequests ?? [] };
  });
  return requests.flatMap((request) => {
    const keyName = request.LaunchSpecification?.KeyName;
    const launchesLater = request.State === "open" || (request.State === "active" && request.Type === "persistent");
    return request.SpotInstanceRequestId && keyName && launchesLater
      ? [{ spotInstanceRequestId: request.SpotInstanceRequestId, state: request.State!, keyName }]
      : [];
  });
}

/** A Spot Fleet's or EC2 Fleet's states in which it still launches instances (cancelled, deleted or failed ones do not). */
const LAUNCHING_FLEET_STATES = new Set(["submitted", "active", "modifying"]);

/** The region's Spot Fleet requests of type maintain (the default) that still launch: their launch specifications' keys and their launch templates. */
export async function describeMaintainedSpotFleets(region: string, signal: AbortSignal) {
  const configs = await allPages("DescribeSpotFleetRequests", async (NextToken) => {
    const output = await send(region, "read", "DescribeSpotFleetRequests", false, signal, (client) =>
      client.send(new DescribeSpotFleetRequestsCommand({ ...USAGE_SCAN_INPUTS.spotFleetRequests, NextToken }), { abortSignal: signal }),
    );
    return { NextToken: output.NextToken, page: output.SpotFleetRequestConfigs ?? [] };
  });
  return configs.flatMap((config) => {
    const data = config.SpotFleetRequestConfig;
    if (!config.SpotFleetRequestId || !data || (data.Type ?? "maintain") !== "maintain") return [];
    if (!LAUNCHING_FLEET_STATES.has(config.SpotFleetRequestState ?? "")) return [];
    return [
      {
        spotFleetRequestId: config.SpotFleetRequestId,
        keyNames: (data.LaunchSpecifications ?? []).flatMap((spec) => (spec.KeyName ? [spec.KeyName] : [])),
        templates: (data.LaunchTemplateConfigs ?? []).flatMap((launch) => templateRef(launch.LaunchTemplateSpecification)),
      },
    ];
  });
}

/** The region's EC2 Fleets of type maintain (the default) that still launch, and their launch templates. */
export async function describeMaintainedFleets(region: string, signal: AbortSignal) {
  const fleets = await allPages("DescribeFleets", async (NextToken) => {
    const output = await send(region, "read", "DescribeFleets", false, signal, (client) =>
      client.send(new DescribeFleetsCommand({ ...USAGE_SCAN_INPUTS.fleets, NextToken }), { abortSignal: signal }),
    );
    return { NextToken: output.NextToken, page: output.Fleets ?? [] };
  });
  return fleets.flatMap((fleet) =>
    fleet.FleetId && (fleet.Type ?? "maintain") === "maintain" && LAUNCHING_FLEET_STATES.has(fleet.FleetState ?? "")
      ? [
          {
            fleetId: fleet.FleetId,
            templates: (fleet.LaunchTemplateConfigs ?? []).flatMap((launch) => templateRef(launch.LaunchTemplateSpecification)),
          },
        ]
      : [],
  );
}
