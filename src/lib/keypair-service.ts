/** What the API does with key pairs, independent of HTTP: tagging, literal lookups, the delete guard. */
import { config } from "./config.js";
import * as ec2 from "./ec2.js";
import { logger } from "./logger.js";
import { deleteEscrowedKey, escrowedKeyPair, escrowPrivateKey } from "./escrow.js";
import type { KeyPairRecord } from "./ec2.js";
import { ApiError, DryRunSucceeded, invalidFields, toProblem } from "./errors.js";
import { parsePublicKey } from "./public-key.js";
import { earlierRequest, ESCROW_TAG, isReservedTagKey, lostRace, markRequest, REQUEST_TOKEN_TAG, type Caller, type RequestMarks } from "./request-marks.js";
import type {
  CreateKeyPairInput,
  CreatedKeyPairView,
  DryRunView,
  EscrowedKeyPairView,
  ImportKeyPairInput,
  KeyPairListView,
  KeyPairView,
  ListKeyPairsQuery,
  RegionListingView,
} from "./schemas.js";

export type KeyPairRef = { name: string } | { keyPairId: string };

const isManaged = (tags: Record<string, string>): boolean => tags[config.MANAGED_TAG_KEY] === config.MANAGED_TAG_VALUE;

/** The tags sent to EC2: the caller's, the managed-key marker and the marks of this request. */
function serviceTags(tags: Record<string, string> = {}, marks: RequestMarks): Record<string, string> {
  const reserved = Object.keys(tags).filter((key) => isReservedTagKey(key, config.MANAGED_TAG_KEY));
  if (reserved.length > 0) {
    const message = `tag key ${reserved.join(", ")} is reserved for this service`;
    throw invalidFields([{ field: "body.tags", message }]);
  }
  return { ...tags, [config.MANAGED_TAG_KEY]: config.MANAGED_TAG_VALUE, ...marks.tags };
}

/** Recognises the key this very request made (its random token), after an attempt whose answer was lost. */
const madeBy = (marks: RequestMarks) => (existing: KeyPairRecord) => isManaged(existing.tags) && existing.tags[REQUEST_TOKEN_TAG] === marks.tags[REQUEST_TOKEN_TAG];

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

function toView(record: KeyPairRecord, region: string): KeyPairView {
  return {
    keyPairId: record.keyPairId,
    name: record.name,
    fingerprint: record.fingerprint,
    keyType: record.keyType,
    region,
    tags: record.tags,
    managed: isManaged(record.tags),
    ...(record.createdAt ? { createdAt: record.createdAt.toISOString() } : {}),
    ...(record.publicKey ? { publicKey: record.publicKey } : {}),
  };
}

/**
 * Creates a key pair, and with `escrow` puts its private key in SSM instead of the answer. With an
 * Idempotency-Key, the key an earlier request with the same key made is the one to answer for: an
 * escrowed one is named again; otherwise its private key was never kept, so it is made anew.
 */
export async function createKeyPair(region: string, input: CreateKeyPairInput, caller: Caller): Promise<CreatedKeyPairView | EscrowedKeyPairView | DryRunView> {
  const { dryRun, ...request } = input;
  const marks = markRequest(caller, { operation: "CreateKeyPair", region, ...request });
  const tags = { ...serviceTags(input.tags, marks), ...(input.escrow ? { [ESCROW_TAG]: "ssm" } : {}) };
  return orDryRun(async () => {
    const earlier = dryRun ? undefined : await earlierRequest(region, marks, "refuse");
    if (earlier && input.escrow) return escrowedKeyPair({ ...newKeyView(earlier, region), keyFormat: input.keyFormat });
    if (earlier) await ec2.deleteKeyPair(region, earlier, false);
    const { keyMaterial, ...created } = await ec2
      .createKeyPair(region, { name: input.name, keyType: input.keyType, keyFormat: input.keyFormat, tags, dryRun: dryRun ?? false }, madeBy(marks))
      .catch(concurrentSameKey(region, marks));
    await undoIfRaceLost(region, marks, created);
    const view = { ...newKeyView({ ...created, keyType: input.keyType }, region), keyFormat: input.keyFormat, keyMaterial };
    return input.escrow ? escrowPrivateKey(region, view) : view;
  });
}

/** A created key's view: what GET shows, without what only GET answers (creation time, public key). */
function newKeyView(record: KeyPairRecord, region: string) {
  const { createdAt: _createdAt, publicKey: _publicKey, ...view } = toView(record, region);
  return view;
}

/** Imports a public key. With an Idempotency-Key, a repeat answers with the key the first request imported. */
export async function importKeyPair(region: string, input: ImportKeyPairInput, caller: Caller): Promise<KeyPairView | DryRunView> {
  const publicKey = parsePublicKey(input.publicKey);
  const { dryRun, ...request } = input;
  const marks = markRequest(caller, { operation: "ImportKeyPair", region, ...request, publicKey: publicKey.openssh });
  const tags = serviceTags(input.tags, marks);
  return orDryRun(async () => {
    const earlier = dryRun ? undefined : await earlierRequest(region, marks, "accept");
    if (earlier) return toView(earlier, region);
    const imported = await ec2
      .importKeyPair(region, { name: input.name, openssh: publicKey.openssh, tags, dryRun: dryRun ?? false }, madeBy(marks))
      .catch(concurrentSameKey(region, marks));
    await undoIfRaceLost(region, marks, imported);
    return toView({ ...imported, keyType: publicKey.keyType }, region);
  });
}

/** Deletes the key this request just made if a racing request under its Idempotency-Key made one first. */
async function undoIfRaceLost(region: string, marks: RequestMarks, ours: { name: string; keyPairId: string }): Promise<void> {
  const lost = await lostRace(region, marks, ours);
  if (!lost) return;
  await ec2.deleteKeyPair(region, ours, false);
  throw lost;
}

/**
 * A name conflict with a key made under the same Idempotency-Key means a request with that key is
 * running right now (it made the key after this one looked): 409 with Retry-After, not "exists".
 */
function concurrentSameKey(region: string, marks: RequestMarks) {
  return async (error: unknown): Promise<never> => {
    if (error instanceof ApiError && error.kind === "conflict" && marks.idempotent) {
      await earlierRequest(region, marks, "refuse");
    }
    throw error;
  };
}

/** Whether a key passes the list's filters, each matched literally (EC2 filters would read * and ? as wildcards). */
function matchesFilters(record: KeyPairRecord, query: ListKeyPairsQuery): boolean {
  const separator = query.tag?.indexOf("=") ?? -1;
  return (
    (query.name === undefined || record.name === query.name) &&
    (query.keyPairId === undefined || record.keyPairId === query.keyPairId) &&
    (query.fingerprint === undefined || record.fingerprint === query.fingerprint) &&
    (query.keyType === undefined || record.keyType === query.keyType) &&
    (query.tagKey === undefined || Object.hasOwn(record.tags, query.tagKey)) &&
    (query.tag === undefined || (Object.hasOwn(record.tags, query.tag.slice(0, separator)) && record.tags[query.tag.slice(0, separator)] === query.tag.slice(separator + 1)))
  );
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
export async function listKeyPairs(region: string, query: ListKeyPairsQuery): Promise<KeyPairListView> {
  const after = query.cursor;
  const lookup = query.name !== undefined ? { name: query.name } : query.keyPairId !== undefined ? { keyPairId: query.keyPairId } : undefined;
  const matching = (await ec2.describeKeyPairs(region, lookup, query.includePublicKey ?? false))
    .filter((record) => matchesFilters(record, query))
    .map((record) => toView(record, region))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .filter((view) => after === undefined || view.name > after);
  const items = takePage(matching, query.limit);
  const last = items.at(-1);
  return matching.length > items.length && last ? { items, nextCursor: last.name } : { items };
}

/** How many regions an allRegions list asks EC2 about at once. */
export const ALL_REGIONS_CONCURRENCY = 4;

/**
 * GET /keypairs?allRegions=true: every allowed region, ALL_REGIONS_CONCURRENCY at a time, each
 * through the same describe and filters as a one-region list. A region that fails is reported in
 * `regions` with the problem a one-region list would have answered; the others are still listed.
 * All regions share one time budget (EC2_TOTAL_TIMEOUT_MS): a region not done by then is a 504
 * problem of its own. Items are ordered by region (in ALLOWED_REGIONS order), then name, and the
 * page is cut as a one-region page is (`limit`, MAX_PAGE_BYTES); a region cut short says so
 * (complete: false, nextCursor) and continues as a one-region list.
 */
export async function listKeyPairsInAllRegions(query: ListKeyPairsQuery): Promise<KeyPairListView> {
  for (const field of ["region", "cursor"] as const) {
    if (query[field] !== undefined) {
      const message = `cannot be combined with allRegions=true`;
      throw invalidFields([{ field: `query.${field}`, message }]);
    }
  }
  const regions = [...config.ALLOWED_REGIONS];
  const outcomes = new Map<string, { views: KeyPairView[]; more: boolean } | { error: unknown }>();
  const deadline = AbortSignal.timeout(config.EC2_TOTAL_TIMEOUT_MS);
  const timedOut = new Promise<never>((_, reject) =>
    deadline.addEventListener("abort", () => reject(new ApiError("upstream-timeout", "EC2 did not answer in time.")), { once: true }),
  );
  timedOut.catch(() => undefined);
  let next = 0;
  const worker = async () => {
    while (next < regions.length) {
      const region = regions[next++]!;
      try {
        const listed = listKeyPairs(region, { ...query, limit: Number.MAX_SAFE_INTEGER });
        const page = await Promise.race([listed, timedOut]);
        outcomes.set(region, { views: page.items, more: page.nextCursor !== undefined });
      } catch (error) {
        outcomes.set(region, { error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(ALL_REGIONS_CONCURRENCY, regions.length) }, worker));

  const all = regions.flatMap((region) => {
    const outcome = outcomes.get(region);
    return outcome && "views" in outcome ? outcome.views : [];
  });
  const items = takePage(all, query.limit);
  const summary: Record<string, RegionListingView> = {};
  for (const region of regions) {
    const outcome = outcomes.get(region)!;
    if ("error" in outcome) {
      const error = outcome.error instanceof ApiError ? outcome.error : new ApiError("internal", "An unexpected error occurred; it has been logged with this request's id.");
      if (!(outcome.error instanceof ApiError)) logger.error("listing a region failed", { region, error: outcome.error as Error });
      else logger.warn("listing a region failed", { region, problem: error.kind });
      summary[region] = { status: "error", problem: toProblem(error, `/keypairs?region=${region}`) };
      continue;
    }
    const served = items.filter((view) => view.region === region);
    const complete = served.length === outcome.views.length && !outcome.more;
    const last = served.at(-1);
    summary[region] = { status: "ok", count: served.length, complete, ...(!complete && last ? { nextCursor: last.name } : {}) };
  }
  return { items, regions: summary };
}

async function findKeyPair(region: string, ref: KeyPairRef, includePublicKey: boolean): Promise<KeyPairView> {
  const [found] = await ec2.describeKeyPairs(region, ref, includePublicKey);
  if (!found) {
    const which = "name" in ref ? `named ${ref.name}` : `with id ${ref.keyPairId}`;
    throw new ApiError("not-found", `No key pair ${which} in ${region}.`);
  }
  return toView(found, region);
}

export function getKeyPair(region: string, ref: KeyPairRef, options: { includePublicKey?: boolean }): Promise<KeyPairView> {
  return findKeyPair(region, ref, options.includePublicKey ?? false);
}

/**
 * Deletes a key after checking that it exists (EC2 answers success for a missing name) and that
 * this service manages it (unless ALLOW_UNMANAGED_DELETE): the IAM policy enforces the same tag.
 */
export async function deleteKeyPair(region: string, ref: KeyPairRef, options: { dryRun?: boolean }): Promise<void | DryRunView> {
  const keyPair = await findKeyPair(region, ref, false);
  if (!keyPair.managed && !config.ALLOW_UNMANAGED_DELETE) {
    throw new ApiError(
      "unmanaged-key",
      `Key pair ${keyPair.name} was not created or imported through this service (no ${config.MANAGED_TAG_KEY}=${config.MANAGED_TAG_VALUE} tag); delete it in EC2 directly.`,
    );
  }
  return orDryRun(async () => {
    await ec2.deleteKeyPair(region, keyPair, options.dryRun ?? false);
    // Not reached on a dry run (it throws DryRunSucceeded); only escrowed keys have a parameter.
    if (keyPair.tags[ESCROW_TAG]) await deleteEscrowedKey(region, keyPair.keyPairId);
  });
}
