/**
 * What names a key pair: instances, launch template versions, launch configurations, Auto Scaling
 * groups, Spot Instance requests, Spot Fleet requests and EC2 Fleets. One scan of a region (KeyUsageSource) serves every key asked about;
 * names are compared literally. A part that could not be checked makes the usage incomplete:
 * never "unused" by guess.
 */
import type { KeyUsageView } from "../api/schemas.js";
import { countMetric } from "../platform/metrics.js";
import { ServiceError } from "./errors.js";
import type { KeyUsageSource, UsageScan } from "./ports.js";

/** Scans a region within the request's time budget (or a shared deadline: an all-regions list); an incomplete scan is counted. */
export async function scanUsage(usage: KeyUsageSource, region: string, timeBudgetMs: number, signal?: AbortSignal): Promise<UsageScan> {
  const scan = await usage.scan(region, signal ?? AbortSignal.timeout(timeBudgetMs));
  if (scan.incomplete.length > 0) countMetric("UsageCheckIncomplete");
  return scan;
}

/** What in `scan` names the key called `keyName` (exactly that name). */
export function usageOf(scan: UsageScan, keyName: string): KeyUsageView {
  const instances = scan.instances.filter((instance) => instance.keyName === keyName);
  const versions = scan.launchTemplateVersions.filter((version) => version.keyName === keyName);
  const configurations = scan.launchConfigurations.filter((configuration) => configuration.keyName === keyName);
  const templates = new Map<string, { launchTemplateId: string; launchTemplateName: string; versions: number[] }>();
  for (const version of versions) {
    const template = templates.get(version.launchTemplateId) ?? {
      launchTemplateId: version.launchTemplateId,
      launchTemplateName: version.launchTemplateName,
      versions: [],
    };
    if (!template.versions.includes(version.version)) template.versions.push(version.version);
    templates.set(version.launchTemplateId, template);
  }
  const instanceIds = new Set(instances.map((instance) => instance.instanceId));
  const versionKeys = new Set(versions.map((version) => `${version.launchTemplateId}:${version.version}`));
  const configurationNames = new Set(configurations.map((configuration) => configuration.name));
  const launchesNamed = (launchTemplateVersions: { launchTemplateId: string; version: number }[]) =>
    launchTemplateVersions.some((version) => versionKeys.has(`${version.launchTemplateId}:${version.version}`));
  const groups = scan.autoScalingGroups.filter(
    (group) =>
      (group.launchConfigurationName !== undefined && configurationNames.has(group.launchConfigurationName)) ||
      launchesNamed(group.launchTemplateVersions) ||
      group.instanceIds.some((id) => instanceIds.has(id)),
  );
  const spotRequests = scan.spotInstanceRequests.filter((request) => request.keyName === keyName);
  const spotFleets = scan.spotFleetRequests.filter(
    (fleet) => fleet.keyNames.includes(keyName) || launchesNamed(fleet.launchTemplateVersions),
  );
  const fleets = scan.fleets.filter((fleet) => launchesNamed(fleet.launchTemplateVersions));
  const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  return {
    instances: instances.map(({ instanceId, state }) => ({ instanceId, state })),
    launchTemplates: [...templates.values()].map((template) => ({ ...template, versions: template.versions.sort((a, b) => a - b) })),
    launchConfigurations: configurations.map(({ name }) => ({ name })).sort(byName),
    autoScalingGroups: groups.map(({ name }) => ({ name })).sort(byName),
    spotInstanceRequests: spotRequests.map(({ spotInstanceRequestId, state }) => ({ spotInstanceRequestId, state })),
    spotFleetRequests: spotFleets.map(({ spotFleetRequestId }) => ({ spotFleetRequestId })),
    fleets: fleets.map(({ fleetId }) => ({ fleetId })),
    complete: scan.incomplete.length === 0,
    incomplete: scan.incomplete.map(({ check, reason }) => ({ check, reason })),
  };
}

/** Whether anything found names the key (found: an incomplete usage may miss more). */
export const inUse = (usage: KeyUsageView): boolean =>
  usage.instances.length > 0 ||
  usage.launchTemplates.length > 0 ||
  usage.launchConfigurations.length > 0 ||
  usage.autoScalingGroups.length > 0 ||
  usage.spotInstanceRequests.length > 0 ||
  usage.spotFleetRequests.length > 0 ||
  usage.fleets.length > 0;

/** What the found usage says in a sentence: "2 instances, 1 launch template". */
export function describeUsage(usage: KeyUsageView): string {
  const parts: [number, string][] = [
    [usage.instances.length, "instance"],
    [usage.launchTemplates.length, "launch template"],
    [usage.launchConfigurations.length, "launch configuration"],
    [usage.autoScalingGroups.length, "Auto Scaling group"],
    [usage.spotInstanceRequests.length, "Spot Instance request"],
    [usage.spotFleetRequests.length, "Spot Fleet request"],
    [usage.fleets.length, "EC2 Fleet"],
  ];
  return parts
    .filter(([count]) => count > 0)
    .map(([count, what]) => `${count} ${what}${count === 1 ? "" : "s"}`)
    .join(", ");
}

/** The gaps in a sentence: "instances: DescribeInstances: EC2 did not answer in time; …" (each reason's own full stop dropped). */
const gapsOf = (incomplete: { check: string; reason: string }[]): string =>
  incomplete.map((gap) => `${gap.check}: ${gap.reason.replace(/\.$/, "")}`).join("; ");

/**
 * The guard of a delete: a key that anything names is refused (key-in-use), and so is one whose
 * check could not be completed (usage-unknown), each with the usage found; force=true skips both.
 */
export function refuseIfUsed(name: string, usage: KeyUsageView): void {
  if (inUse(usage)) {
    countMetric("DeletesRefusedInUse");
    throw new ServiceError(
      "key-in-use",
      `Key pair ${name} is still named by ${describeUsage(usage)}: deleting it would make their next launch fail. Nothing was deleted; ` +
        `force=true deletes it anyway.`,
      { usage },
    );
  }
  if (!usage.complete) {
    throw new ServiceError(
      "usage-unknown",
      `Whether anything names key pair ${name} could not be checked (${gapsOf(usage.incomplete)}). ` +
        `Nothing was deleted; force=true deletes it anyway.`,
      { usage },
    );
  }
}

/** With unused=true, a region whose scan is incomplete cannot say which keys are unused: its problem, never a guess. */
export function requireCompleteScan(scan: UsageScan, region: string): void {
  const [gap] = scan.incomplete;
  if (!gap) return;
  const waits = scan.incomplete.flatMap((each) => each.retryAfterSeconds ?? []);
  throw new ServiceError(
    gap.kind === "throttled" || gap.kind === "upstream-timeout" ? gap.kind : "upstream-error",
    `Which key pairs are unused in ${region} could not be checked: ${gapsOf(scan.incomplete)}.`,
    waits.length ? { retryAfterSeconds: Math.max(...waits) } : {},
  );
}
