/** What the API does with key pairs, independent of HTTP: region checks, tagging, lookups, the delete guard. */
import type { Filter, KeyPairInfo, Tag } from "@aws-sdk/client-ec2";
import { config } from "./config.js";
import * as ec2 from "./ec2.js";
import { ApiError, DryRunSucceeded } from "./errors.js";
import { parsePublicKey } from "./public-key.js";
import type {
  CreateKeyPairInput,
  CreatedKeyPairView,
  DryRunView,
  ImportKeyPairInput,
  KeyPairListView,
  KeyPairView,
  ListKeyPairsQuery,
} from "./schemas.js";

export type KeyPairRef = { name: string } | { keyPairId: string };

export function resolveRegion(requested: string | undefined, field: string): string {
  const region = requested ?? config.DEFAULT_REGION;
  if (!config.ALLOWED_REGIONS.includes(region)) {
    const message = `region ${region} is not allowed; allowed: ${config.ALLOWED_REGIONS.join(", ")}`;
    throw new ApiError("validation", message, { errors: [{ field, message }] });
  }
  return region;
}

function withManagedTag(tags: Record<string, string> = {}): Tag[] {
  if (Object.keys(tags).some((key) => key === config.MANAGED_TAG_KEY)) {
    const message = `tag key ${config.MANAGED_TAG_KEY} is reserved for this service`;
    throw new ApiError("validation", message, { errors: [{ field: "body.tags", message }] });
  }
  return [...Object.entries(tags).map(([Key, Value]) => ({ Key, Value })), { Key: config.MANAGED_TAG_KEY, Value: config.MANAGED_TAG_VALUE }];
}

const tagMap = (tags: Tag[] | undefined): Record<string, string> =>
  Object.fromEntries((tags ?? []).map((tag) => [tag.Key ?? "", tag.Value ?? ""]));

const isManaged = (tags: Record<string, string>): boolean => tags[config.MANAGED_TAG_KEY] === config.MANAGED_TAG_VALUE;

function dryRunResult(outcome: DryRunSucceeded): DryRunView {
  return { dryRun: true, wouldSucceed: true, operation: outcome.operation as DryRunView["operation"], detail: outcome.message };
}

/** Runs an EC2 mutation; a DryRunOperation answer becomes the API's "would succeed" result. */
async function orDryRun<T>(mutation: () => Promise<T>): Promise<T | DryRunView> {
  try {
    return await mutation();
  } catch (error) {
    if (error instanceof DryRunSucceeded) return dryRunResult(error);
    throw error;
  }
}

export function isDryRun(result: object): result is DryRunView {
  return "dryRun" in result && result.dryRun === true;
}

function toView(info: KeyPairInfo, region: string): KeyPairView {
  const tags = tagMap(info.Tags);
  return {
    keyPairId: info.KeyPairId ?? "",
    name: info.KeyName ?? "",
    fingerprint: info.KeyFingerprint ?? "",
    keyType: info.KeyType === "ed25519" ? "ed25519" : "rsa",
    region,
    tags,
    managed: isManaged(tags),
    ...(info.CreateTime ? { createdAt: info.CreateTime.toISOString() } : {}),
    ...(info.PublicKey ? { publicKey: info.PublicKey.trim() } : {}),
  };
}

interface NewKeyOutput {
  KeyPairId?: string;
  KeyName?: string;
  KeyFingerprint?: string;
  Tags?: Tag[];
}

/** The view of a key EC2 just created or imported; tags fall back to those sent when EC2 echoes none. */
function newKeyView(output: NewKeyOutput, sent: { name: string; tags: Tag[]; keyType: KeyPairView["keyType"]; region: string }): KeyPairView {
  const tags = tagMap(output.Tags?.length ? output.Tags : sent.tags);
  return {
    keyPairId: output.KeyPairId ?? "",
    name: output.KeyName ?? sent.name,
    fingerprint: output.KeyFingerprint ?? "",
    keyType: sent.keyType,
    region: sent.region,
    tags,
    managed: isManaged(tags),
  };
}

const bodyOrQueryRegion = (bodyRegion: string | undefined, queryRegion: string | undefined) =>
  resolveRegion(bodyRegion ?? queryRegion, bodyRegion ? "body.region" : "query.region");

export async function createKeyPair(input: CreateKeyPairInput, queryRegion?: string): Promise<CreatedKeyPairView | DryRunView> {
  const region = bodyOrQueryRegion(input.region, queryRegion);
  const tags = withManagedTag(input.tags);
  return orDryRun(async () => {
    const created = await ec2.createKeyPair(region, { name: input.name, keyType: input.keyType, keyFormat: input.keyFormat, tags, dryRun: input.dryRun ?? false });
    const view = newKeyView(created, { name: input.name, tags, keyType: input.keyType, region });
    return { ...view, keyFormat: input.keyFormat, keyMaterial: created.KeyMaterial ?? "" };
  });
}

export async function importKeyPair(input: ImportKeyPairInput, queryRegion?: string): Promise<KeyPairView | DryRunView> {
  const region = bodyOrQueryRegion(input.region, queryRegion);
  const publicKey = parsePublicKey(input.publicKey);
  const tags = withManagedTag(input.tags);
  return orDryRun(async () => {
    const imported = await ec2.importKeyPair(region, { name: input.name, openssh: publicKey.openssh, tags, dryRun: input.dryRun ?? false });
    return newKeyView(imported, { name: input.name, tags, keyType: publicKey.keyType, region });
  });
}

function listFilters(query: ListKeyPairsQuery): Filter[] {
  const filters: Filter[] = [];
  const add = (Name: string, value: string | undefined) => value !== undefined && filters.push({ Name, Values: [value] });
  add("key-name", query.name);
  add("key-pair-id", query.keyPairId);
  add("fingerprint", query.fingerprint);
  add("tag-key", query.tagKey);
  if (query.tag) {
    const separator = query.tag.indexOf("=");
    add(`tag:${query.tag.slice(0, separator)}`, query.tag.slice(separator + 1));
  }
  return filters;
}

/**
 * A page's body stays under this many bytes of JSON. Lambda refuses responses over 6 MB, and API
 * Gateway's envelope escapes the body once more; 1,000 keys with 49 maximal tags each would be ~20 MB.
 */
export const MAX_PAGE_BYTES = 4 * 1024 * 1024;

/** The first `limit` views, stopping before the one that would take the page past MAX_PAGE_BYTES. */
function takePage(views: KeyPairView[], limit: number): KeyPairView[] {
  let count = 0;
  for (let bytes = 0; count < Math.min(limit, views.length); count += 1) {
    bytes += Buffer.byteLength(JSON.stringify(views[count])) + 1;
    if (bytes > MAX_PAGE_BYTES && count > 0) break;
  }
  return views.slice(0, count);
}

/**
 * EC2 returns a region's keys in one answer (no pagination), so the API sorts them by name and
 * pages them itself: a page of at most `limit` keys and MAX_PAGE_BYTES, the cursor being the last
 * name served (names are unique in a region, so "after this name" is stable as keys come and go).
 */
export async function listKeyPairs(query: ListKeyPairsQuery): Promise<KeyPairListView> {
  const region = resolveRegion(query.region, "query.region");
  const after = query.cursor;
  const all = await ec2.describeKeyPairs(region, listFilters(query), query.includePublicKey ?? false);
  // key-type is filtered here: moto does not implement that EC2 filter.
  const matching = all
    .filter((info) => query.keyType === undefined || (info.KeyType ?? "rsa") === query.keyType)
    .map((info) => toView(info, region))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .filter((view) => after === undefined || view.name > after);
  const items = takePage(matching, query.limit);
  const last = items.at(-1);
  return matching.length > items.length && last ? { items, nextCursor: last.name } : { items };
}

const refFilter = (ref: KeyPairRef): Filter =>
  "name" in ref ? { Name: "key-name", Values: [ref.name] } : { Name: "key-pair-id", Values: [ref.keyPairId] };

async function findKeyPair(region: string, ref: KeyPairRef, includePublicKey: boolean): Promise<KeyPairView> {
  // A filter (not KeyNames/KeyPairIds) answers an empty list for a missing key on EC2 and moto alike.
  const [found] = await ec2.describeKeyPairs(region, [refFilter(ref)], includePublicKey);
  if (!found) {
    const which = "name" in ref ? `named ${ref.name}` : `with id ${ref.keyPairId}`;
    throw new ApiError("not-found", `No key pair ${which} in ${region}.`);
  }
  return toView(found, region);
}

export function getKeyPair(ref: KeyPairRef, options: { region?: string; includePublicKey?: boolean }): Promise<KeyPairView> {
  return findKeyPair(resolveRegion(options.region, "query.region"), ref, options.includePublicKey ?? false);
}

/**
 * Deletes a key after checking that it exists (EC2 answers success for a missing name) and that
 * this service manages it (unless ALLOW_UNMANAGED_DELETE): the IAM policy enforces the same tag.
 */
export async function deleteKeyPair(ref: KeyPairRef, options: { region?: string; dryRun?: boolean }): Promise<void | DryRunView> {
  const region = resolveRegion(options.region, "query.region");
  const keyPair = await findKeyPair(region, ref, false);
  if (!keyPair.managed && !config.ALLOW_UNMANAGED_DELETE) {
    throw new ApiError(
      "unmanaged-key",
      `Key pair ${keyPair.name} was not created or imported through this service (no ${config.MANAGED_TAG_KEY}=${config.MANAGED_TAG_VALUE} tag); delete it in EC2 directly.`,
    );
  }
  return orDryRun(() => ec2.deleteKeyPair(region, keyPair.name, options.dryRun ?? false));
}
