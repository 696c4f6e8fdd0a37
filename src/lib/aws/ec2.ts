/**
 * The EC2 adapter, the key pair store: the only module that sends EC2 calls. It decides the retry
 * policy of each call and checks that every EC2 answer is readable and about exactly the key pair
 * asked for. Its clients are in ec2-clients.ts, its one error table in ec2-errors.ts.
 */

import { setTimeout as delay } from "node:timers/promises";
import {
  CreateKeyPairCommand,
  CreateTagsCommand,
  DeleteKeyPairCommand,
  DescribeFleetsCommand,
  type DescribeFleetsCommandInput,
  DescribeInstancesCommand,
  type DescribeInstancesCommandInput,
  DescribeKeyPairsCommand,
  DescribeLaunchTemplatesCommand,
  type DescribeLaunchTemplatesCommandInput,
  DescribeLaunchTemplateVersionsCommand,
  type DescribeLaunchTemplateVersionsCommandInput,
  DescribeSpotFleetRequestsCommand,
  type DescribeSpotFleetRequestsCommandInput,
  DescribeSpotInstanceRequestsCommand,
  type DescribeSpotInstanceRequestsCommandInput,
  type EC2Client,
  ImportKeyPairCommand,
  type KeyPairInfo,
  type LaunchTemplateVersion,
  type Tag,
} from "@aws-sdk/client-ec2";
import { ServiceError } from "../keypairs/errors.js";
import type {
  CreatedKeyPairRecord,
  KeyPairLookup,
  KeyPairRecord,
  KeyPairStore,
  NewKeyPair,
  NewKeyPairRecord,
  PublicKeyImport,
  Recognise,
} from "../keypairs/ports.js";
import { removeKeyPair } from "../keypairs/remove.js";
import { config } from "../platform/config.js";
import { logger } from "../platform/logger.js";
import { type ClientKind, discardClients, ec2Client } from "./ec2-clients.js";
import { isEc2Answer, mayHaveActed, type Operation, type SdkError, translateEc2Error, type UsageOperation } from "./ec2-errors.js";
import { isOwnShareSpent } from "./own-share.js";

async function send<T>(
  region: string,
  kind: ClientKind,
  operation: Operation,
  dryRun: boolean,
  signal: AbortSignal,
  run: (client: EC2Client) => Promise<T>,
): Promise<T> {
  try {
    return await run(ec2Client(region, kind));
  } catch (error) {
    if (!(error instanceof ServiceError || isEc2Answer((error ?? {}) as SdkError))) discardClients(region);
    throw translateEc2Error(signal.aborted ? (signal.reason ?? error) : error, operation, dryRun);
  }
}

/** A call's time budget: the caller's if it gave one, never more than EC2_TOTAL_TIMEOUT_MS. */
const within = (budgetMs: number | undefined): number =>
  Math.max(0, Math.min(config.EC2_TOTAL_TIMEOUT_MS, budgetMs ?? Number.POSITIVE_INFINITY));

interface Mutation<T> {
  region: string;
  operation: Mutating;
  name: string;
  dryRun: boolean;
  send: (client: EC2Client, abortSignal: AbortSignal) => Promise<T>;
  /** The caller's budget for all attempts, if shorter than EC2_TOTAL_TIMEOUT_MS. */
  budgetMs?: number;
  /** What to do when a retry meets a key of our own: its result, or undefined to try again. */
  ownKey?: { recognise: Recognise; reuse: (existing: KeyPairRecord) => Promise<T | undefined> };
}

/**
 * Runs a mutation, deciding retries per error class: a throttled call was not carried out, so it
 * is sent again (jittered backoff); one whose outcome is unknown (timeout, unreadable answer) is
 * sent again only by create and import, which recognise their own key if EC2 had carried it out;
 * everything else is final. All attempts share one time budget.
 */
async function mutate<T>(mutation: Mutation<T>): Promise<T> {
  const { region, operation, dryRun, ownKey } = mutation;
  const signal = AbortSignal.timeout(within(mutation.budgetMs));
  let outcomeUnknown = false;
  for (let attempt = 1; ; attempt += 1) {
    let error: unknown;
    try {
      return await send(region, "mutate", operation, dryRun, signal, (client) => mutation.send(client, signal));
    } catch (thrown) {
      error = thrown;
    }
    if (!(error instanceof ServiceError)) throw error;
    outcomeUnknown ||= mayHaveActed(error);
    // The service's own share refused the call: it was not sent, and waiting for the share is the caller's (Retry-After).
    if (isOwnShareSpent(error)) throw error;
    const canRetry = attempt < config.EC2_MAX_ATTEMPTS && !signal.aborted;
    if (canRetry && error.kind === "throttled") {
      await delay(Math.random() * 100 * 2 ** attempt);
      continue;
    }
    if (canRetry && ownKey && mayHaveActed(error)) continue;
    if (ownKey && outcomeUnknown && error.kind === "conflict") {
      const [existing] = await describeKeyPairs(region, { name: mutation.name }, false);
      if (existing && ownKey.recognise(existing)) {
        const reused = await ownKey.reuse(existing);
        if (reused !== undefined) return reused;
        if (canRetry) continue;
        throw new ServiceError(
          "upstream-timeout",
          `EC2 did not answer in time, and the key pair ${mutation.name} it made meanwhile was removed again (its answer was lost). ` +
            `Nothing was kept: send the request again.`,
        );
      }
    }
    // A name held by a key that is not ours means ours was never made: names are unique.
    throw outcomeUnknown && error.kind !== "conflict" ? withUnknownOutcome(error, operation, mutation.name) : error;
  }
}

type Mutating = Exclude<Operation, "DescribeKeyPairs" | "CreateTags" | UsageOperation>;

const OUTCOME: Record<Mutating, string> = {
  CreateKeyPair: "may have been created",
  ImportKeyPair: "may have been imported",
  DeleteKeyPair: "may have been deleted",
};

/** The same problem, saying that EC2 may have carried the call out: the caller can look the key up. */
function withUnknownOutcome(error: ServiceError, operation: Mutating, name: string): ServiceError {
  return new ServiceError(error.kind, `${error.message} The key pair ${name} ${OUTCOME[operation]}: look it up by name to know.`, {
    ec2Code: error.ec2Code,
    retryAfterSeconds: error.retryAfterSeconds,
    outcomeUnknown: true,
  });
}

const toTags = (tags: Record<string, string>): Tag[] => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
const tagMap = (tags: Tag[] | undefined): Record<string, string> =>
  Object.fromEntries((tags ?? []).map((tag) => [tag.Key ?? "", tag.Value ?? ""]));
const keyPairTags = (tags: Record<string, string>) =>
  Object.keys(tags).length ? [{ ResourceType: "key-pair" as const, Tags: toTags(tags) }] : undefined;

/** An EC2 answer that lacks what every key pair has, or names another key than the one asked for. */
function inconsistent(operation: Operation, what: string): ServiceError {
  return new ServiceError("upstream-error", `EC2's answer to ${operation} ${what}.`);
}

function readKeyPair(info: KeyPairInfo): KeyPairRecord {
  if (!info.KeyPairId || !info.KeyName || !info.KeyFingerprint)
    throw inconsistent("DescribeKeyPairs", "lists a key pair without an id, name or fingerprint");
  return {
    keyPairId: info.KeyPairId,
    name: info.KeyName,
    fingerprint: info.KeyFingerprint,
    keyType: info.KeyType === "ed25519" ? "ed25519" : "rsa",
    tags: tagMap(info.Tags),
    ...(info.CreateTime ? { createdAt: info.CreateTime } : {}),
    ...(info.PublicKey ? { publicKey: info.PublicKey.trim() } : {}),
  };
}

interface NewKeyOutput {
  KeyPairId?: string;
  KeyName?: string;
  KeyFingerprint?: string;
  Tags?: Tag[];
}

/** The record of a key EC2 says it just made; tags fall back to those sent when EC2 echoes none. */
function readNewKey(operation: Mutating, output: NewKeyOutput, sent: { name: string; tags: Record<string, string> }): NewKeyPairRecord {
  if (!output.KeyPairId || !output.KeyFingerprint || output.KeyName !== sent.name) {
    const what = output.KeyName && output.KeyName !== sent.name ? "names another key pair" : "lacks the key pair's id, name or fingerprint";
    throw withUnknownOutcome(inconsistent(operation, what), operation, sent.name);
  }
  return {
    keyPairId: output.KeyPairId,
    name: sent.name,
    fingerprint: output.KeyFingerprint,
    tags: output.Tags?.length ? tagMap(output.Tags) : sent.tags,
  };
}

/** The DescribeKeyPairs parameters for a lookup, and the check every answered key must pass. */
function selectorFor(lookup: KeyPairLookup | undefined) {
  if (lookup === undefined) return { input: {}, matches: () => true };
  if ("name" in lookup) return { input: { KeyNames: [lookup.name] }, matches: (record: KeyPairRecord) => record.name === lookup.name };
  if ("keyPairId" in lookup) {
    return {
      input: { Filters: [{ Name: "key-pair-id", Values: [lookup.keyPairId] }] },
      matches: (record: KeyPairRecord) => record.keyPairId === lookup.keyPairId,
    };
  }
  // Only the service's own tags are looked up (hashes: no * or ? in them), and checked exactly again.
  const { key, value } = lookup.tag;
  return { input: { Filters: [{ Name: `tag:${key}`, Values: [value] }] }, matches: (record: KeyPairRecord) => record.tags[key] === value };
}

/**
 * The key pairs of a region, or those `lookup` names. Names go in KeyNames (literal, unlike the
 * key-name filter, where * and ? are wildcards); ids in the key-pair-id filter (moto ignores
 * KeyPairIds; ids are validated hex, so no wildcard can be in one). Whatever EC2 answers is then
 * checked: a key that is not exactly the one asked for is never handed on.
 */
export async function describeKeyPairs(
  region: string,
  lookup: KeyPairLookup | undefined,
  includePublicKey: boolean,
  budgetMs?: number,
): Promise<KeyPairRecord[]> {
  const signal = AbortSignal.timeout(within(budgetMs));
  const selector = selectorFor(lookup);
  let infos: KeyPairInfo[];
  try {
    const output = await send(region, "read", "DescribeKeyPairs", false, signal, (client) =>
      client.send(new DescribeKeyPairsCommand({ ...selector.input, IncludePublicKey: includePublicKey }), { abortSignal: signal }),
    );
    infos = output.KeyPairs ?? [];
  } catch (error) {
    // KeyNames answers NotFound for a missing name; the API's answer is "no such key".
    if (error instanceof ServiceError && error.kind === "not-found" && lookup) return [];
    throw error;
  }
  const records = infos.map(readKeyPair);
  const exact = records.filter(selector.matches);
  if (exact.length !== records.length)
    logger.warn("EC2 answered key pairs other than the one asked for; ignored", { ignored: records.length - exact.length });
  return exact;
}

/**
 * Creates a key pair. When an attempt's outcome is unknown and the next one meets
 * InvalidKeyPair.Duplicate for this request's own key, that key's private key was lost on the
 * way: nobody holds it, so the key is deleted and created again.
 */
export async function createKeyPair(region: string, input: NewKeyPair, recognise: Recognise): Promise<CreatedKeyPairRecord> {
  const output = await mutate({
    region,
    operation: "CreateKeyPair",
    name: input.name,
    dryRun: input.dryRun,
    send: (client, abortSignal) =>
      client.send(
        new CreateKeyPairCommand({
          KeyName: input.name,
          KeyType: input.keyType,
          KeyFormat: input.keyFormat,
          TagSpecifications: keyPairTags(input.tags),
          DryRun: input.dryRun,
        }),
        { abortSignal },
      ),
    ownKey: { recognise, reuse: async (existing) => void (await removeKeyPair({ delete: deleteKeyPair }, region, existing)) },
  });
  const created = readNewKey("CreateKeyPair", output, input);
  if (!output.KeyMaterial) throw withUnknownOutcome(inconsistent("CreateKeyPair", "holds no private key"), "CreateKeyPair", input.name);
  return { ...created, keyMaterial: output.KeyMaterial };
}

/** Imports a public key. A retry that meets this request's own key answers with that key. */
export async function importKeyPair(region: string, input: PublicKeyImport, recognise: Recognise): Promise<NewKeyPairRecord> {
  const output = await mutate<NewKeyOutput>({
    region,
    operation: "ImportKeyPair",
    name: input.name,
    dryRun: input.dryRun,
    send: (client, abortSignal) =>
      client.send(
        new ImportKeyPairCommand({
          KeyName: input.name,
          PublicKeyMaterial: Buffer.from(input.openssh),
          TagSpecifications: keyPairTags(input.tags),
          DryRun: input.dryRun,
        }),
        { abortSignal },
      ),
    ownKey: {
      recognise,
      reuse: async (existing) => ({
        KeyPairId: existing.keyPairId,
        KeyName: existing.name,
        KeyFingerprint: existing.fingerprint,
        Tags: toTags(existing.tags),
      }),
    },
  });
  return readNewKey("ImportKeyPair", output, input);
}

/**
 * Deletes exactly the key pair that was looked up, by its id: by name, a key deleted and made again
 * under the same name meanwhile (by anyone, or by a racing retry) would be the one deleted. Sent
 * once per attempt of mutate(): not again after an unknown outcome.
 */
export async function deleteKeyPair(
  region: string,
  keyPair: { name: string; keyPairId: string },
  dryRun: boolean,
  budgetMs?: number,
): Promise<void> {
  await mutate({
    region,
    operation: "DeleteKeyPair",
    name: keyPair.name,
    dryRun,
    budgetMs,
    send: (client, abortSignal) => client.send(new DeleteKeyPairCommand({ KeyPairId: keyPair.keyPairId, DryRun: dryRun }), { abortSignal }),
  });
}

/**
 * Adds or overwrites tags on a key pair, by id. Sent with the read client's retries: setting the
 * same tags again changes nothing, so a retry after an unknown outcome is safe.
 */
export async function tagKeyPair(region: string, keyPairId: string, tags: Record<string, string>): Promise<void> {
  const signal = AbortSignal.timeout(config.EC2_TOTAL_TIMEOUT_MS);
  await send(region, "read", "CreateTags", false, signal, (client) =>
    client.send(new CreateTagsCommand({ Resources: [keyPairId], Tags: toTags(tags) }), { abortSignal: signal }),
  );
}

/** The whole store; a function that makes only some of the calls takes those alone (src/lib/service/). */
export const ec2KeyPairStore: KeyPairStore = {
  describe: describeKeyPairs,
  create: createKeyPair,
  import: importKeyPair,
  delete: deleteKeyPair,
  tag: tagKeyPair,
};

// ---- usage checks: read-only, paged to the end, all bounded by one signal ----

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
