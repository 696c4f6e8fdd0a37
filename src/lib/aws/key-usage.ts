/**
 * The usage scan of a region (KeyUsageSource): what names key pairs, read once for every key of a
 * request. Seven independent reads in parallel (instances, launch templates, launch configurations,
 * groups, Spot Instance requests, Spot Fleet requests, EC2 Fleets), then the launch template
 * versions that count: the default and latest of every template in one paged call, and the
 * versions groups and fleets launch from, per template; a version read before is not asked for
 * again (versions never change: key-usage-versions.ts). Each part that fails is recorded
 * (what, why) and the others still count. moto's DescribeLaunchTemplateVersions ignores filters,
 * has no NextToken and cuts at MaxResults: any wanted version the bulk call did not return is asked
 * for by number, and rows not asked for are dropped.
 */
import { ServiceError } from "../keypairs/errors.js";
import type { KeyUsageSource, UsageCheck, UsageGap, UsageScan } from "../keypairs/ports.js";
import { config } from "../platform/config.js";
import { logger } from "../platform/logger.js";
import { describeAutoScalingGroups, describeLaunchConfigurationsWithKeys } from "./autoscaling.js";
import {
  describeDefaultAndLatestVersions,
  describeInstancesWithKeys,
  describeLaunchTemplates,
  describeMaintainedFleets,
  describeMaintainedSpotFleets,
  describeSpotInstanceRequestsWithKeys,
  describeTemplateVersions,
  type LaunchTemplateSummary,
  type LaunchTemplateVersionKey,
  type TemplateRef,
  USAGE_SCAN_INPUTS,
} from "./key-usage-ec2.js";
import { LaunchTemplateVersionMemory } from "./key-usage-versions.js";
import { waitingForShareUntil } from "./own-share.js";

/** How many templates' pinned versions are asked for at once. */
const VERSION_CONCURRENCY = 4;
/** The most versions one DescribeLaunchTemplateVersions page holds (USAGE_SCAN_INPUTS). */
const VERSIONS_PAGE = USAGE_SCAN_INPUTS.defaultAndLatestVersions.MaxResults;

/** The adapter calls a scan makes: the real ones, or (bench, tests) others answering from memory. */
export interface UsageReads {
  instances: typeof describeInstancesWithKeys;
  launchTemplates: typeof describeLaunchTemplates;
  defaultAndLatestVersions: typeof describeDefaultAndLatestVersions;
  templateVersions: typeof describeTemplateVersions;
  launchConfigurations: typeof describeLaunchConfigurationsWithKeys;
  autoScalingGroups: typeof describeAutoScalingGroups;
  spotInstanceRequests: typeof describeSpotInstanceRequestsWithKeys;
  spotFleetRequests: typeof describeMaintainedSpotFleets;
  fleets: typeof describeMaintainedFleets;
}

export const AWS_USAGE_READS: UsageReads = {
  instances: describeInstancesWithKeys,
  launchTemplates: describeLaunchTemplates,
  defaultAndLatestVersions: describeDefaultAndLatestVersions,
  templateVersions: describeTemplateVersions,
  launchConfigurations: describeLaunchConfigurationsWithKeys,
  autoScalingGroups: describeAutoScalingGroups,
  spotInstanceRequests: describeSpotInstanceRequestsWithKeys,
  spotFleetRequests: describeMaintainedSpotFleets,
  fleets: describeMaintainedFleets,
};

/** A group's or fleet's template reference as a version number, or undefined if the template is unknown. */
function resolve(ref: TemplateRef, byId: Map<string, LaunchTemplateSummary>, byName: Map<string, LaunchTemplateSummary>) {
  const template = ref.launchTemplateId !== undefined ? byId.get(ref.launchTemplateId) : byName.get(ref.launchTemplateName ?? "");
  if (!template) return undefined;
  const version =
    ref.version === undefined || ref.version === "$Default"
      ? template.defaultVersion
      : ref.version === "$Latest"
        ? template.latestVersion
        : Number(ref.version);
  return Number.isInteger(version) && version > 0 ? { launchTemplateId: template.launchTemplateId, version } : undefined;
}

async function eachAtMost<T>(items: T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** A source of scans; its launch template versions read are remembered for its later scans (key-usage-versions.ts). */
export function keyUsageSource(reads: UsageReads = AWS_USAGE_READS): KeyUsageSource {
  const memory = new LaunchTemplateVersionMemory();
  return {
    // Its pages may wait for the rate share within one request's EC2 budget (a shorter signal still ends the scan first).
    scan: (region: string, signal: AbortSignal) =>
      waitingForShareUntil(Date.now() + config.EC2_TOTAL_TIMEOUT_MS, () => scanRegion(reads, memory, region, signal)),
  };
}

/** One scan of a region: the seven reads at once, then the launch template versions that count. */
async function scanRegion(reads: UsageReads, memory: LaunchTemplateVersionMemory, region: string, signal: AbortSignal): Promise<UsageScan> {
  const incomplete: UsageGap[] = [];
  const attempt = async <T>(check: UsageCheck, run: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof ServiceError)) logger.error("a usage check failed", { region, check, error: error as Error });
      const kind = error instanceof ServiceError ? error.kind : "upstream-error";
      const reason = error instanceof ServiceError ? error.message : "an unexpected error (logged)";
      const retryAfterSeconds = error instanceof ServiceError ? error.retryAfterSeconds : undefined;
      if (!incomplete.some((gap) => gap.check === check))
        incomplete.push({ check, reason, kind, ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}) });
      return undefined;
    }
  };
  const [instances, templates, configurations, groups, spotRequests, spotFleets, fleets] = await Promise.all([
    attempt("instances", () => reads.instances(region, signal)),
    attempt("launchTemplates", () => reads.launchTemplates(region, signal)),
    attempt("launchConfigurations", () => reads.launchConfigurations(region, signal)),
    attempt("autoScalingGroups", () => reads.autoScalingGroups(region, signal)),
    attempt("spotInstanceRequests", () => reads.spotInstanceRequests(region, signal)),
    attempt("spotFleetRequests", () => reads.spotFleetRequests(region, signal)),
    attempt("fleets", () => reads.fleets(region, signal)),
  ]);
  const byId = new Map((templates ?? []).map((template) => [template.launchTemplateId, template]));
  const byName = new Map((templates ?? []).map((template) => [template.launchTemplateName, template]));
  const versionsOf = (refs: TemplateRef[]) => refs.flatMap((ref) => resolve(ref, byId, byName) ?? []);
  const resolvedGroups = (groups ?? []).map((group) => ({
    name: group.name,
    ...(group.launchConfigurationName !== undefined ? { launchConfigurationName: group.launchConfigurationName } : {}),
    launchTemplateVersions: versionsOf(group.templates),
    instanceIds: group.instanceIds,
  }));
  const resolvedSpotFleets = (spotFleets ?? []).map(({ spotFleetRequestId, keyNames, templates: refs }) => ({
    spotFleetRequestId,
    keyNames,
    launchTemplateVersions: versionsOf(refs),
  }));
  const resolvedFleets = (fleets ?? []).map(({ fleetId, templates: refs }) => ({ fleetId, launchTemplateVersions: versionsOf(refs) }));

  // The versions that count: each template's default and latest, and every version a group or fleet launches from.
  const wanted = new Map<string, Set<number>>();
  for (const template of templates ?? []) wanted.set(template.launchTemplateId, new Set([template.defaultVersion, template.latestVersion]));
  for (const launcher of [...resolvedGroups, ...resolvedSpotFleets, ...resolvedFleets])
    for (const { launchTemplateId, version } of launcher.launchTemplateVersions) wanted.get(launchTemplateId)?.add(version);
  const found = new Map<string, LaunchTemplateVersionKey>();
  const keep = (versions: LaunchTemplateVersionKey[]) => {
    for (const version of versions)
      if (wanted.get(version.launchTemplateId)?.has(version.version)) {
        found.set(`${version.launchTemplateId}:${version.version}`, version);
        memory.remember(region, version);
      }
  };
  for (const [launchTemplateId, numbers] of wanted)
    for (const number of numbers) {
      const known = memory.recall(region, launchTemplateId, number);
      if (known) found.set(`${launchTemplateId}:${number}`, known);
    }
  const missing = () =>
    [...wanted].flatMap(([launchTemplateId, numbers]) => {
      const left = [...numbers].filter((number) => !found.has(`${launchTemplateId}:${number}`));
      return left.length ? [{ launchTemplateId, numbers: left }] : [];
    });
  if (templates && missing().length > 0) {
    await attempt("launchTemplates", async () => {
      // The bulk call (every template's default and latest) when it takes fewer calls than asking each template that lacks one.
      const unknown = templates.filter(
        (template) =>
          !found.has(`${template.launchTemplateId}:${template.defaultVersion}`) ||
          !found.has(`${template.launchTemplateId}:${template.latestVersion}`),
      );
      if (unknown.length > Math.ceil((templates.length * 2) / VERSIONS_PAGE)) keep(await reads.defaultAndLatestVersions(region, signal));
      await eachAtMost(missing(), VERSION_CONCURRENCY, async ({ launchTemplateId, numbers }) =>
        keep(await reads.templateVersions(region, launchTemplateId, numbers, signal)),
      );
    });
  }
  return {
    instances: instances ?? [],
    launchTemplateVersions: [...found.values()].flatMap((version) =>
      version.keyName !== undefined
        ? [
            {
              launchTemplateId: version.launchTemplateId,
              launchTemplateName: version.launchTemplateName,
              version: version.version,
              keyName: version.keyName,
            },
          ]
        : [],
    ),
    launchConfigurations: configurations ?? [],
    autoScalingGroups: resolvedGroups,
    spotInstanceRequests: spotRequests ?? [],
    spotFleetRequests: resolvedSpotFleets,
    fleets: resolvedFleets,
    incomplete,
  };
}
export const awsKeyUsage = keyUsageSource();
