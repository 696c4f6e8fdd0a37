import type { ListKeyPairsQuery } from "../api/list-query.js";
import type { KeyPairView } from "../api/schemas.js";
import { expiresAt } from "./expiry.js";
import type { KeyPairRecord, ReadDeps } from "./ports.js";
import { shownTags, toView } from "./views.js";

/** The filters a listing, a cleanup and a report share, by the same names. */
export type KeyPairFilters = Partial<
  Pick<
    ListKeyPairsQuery,
    "name" | "keyPairId" | "fingerprint" | "keyType" | "tagKey" | "tag" | "expiresBefore" | "createdBefore" | "createdAfter" | "missingTag"
  >
>;

/** Created strictly before (or after) an instant; a key without a creation time is neither. */
const createdBefore = (record: KeyPairRecord, instant: string) =>
  record.createdAt !== undefined && record.createdAt.getTime() < Date.parse(instant);
const createdAfter = (record: KeyPairRecord, instant: string) =>
  record.createdAt !== undefined && record.createdAt.getTime() > Date.parse(instant);

/**
 * Whether a key passes the list's filters, each matched literally (EC2 filters would read * and ? as
 * wildcards); tag filters see the tags answers show, not the service's bookkeeping. Age and missing
 * tag have no EC2 filter at all: like the others, they are decided here, after describe, and before
 * a page is cut (so cursors count only matching keys).
 */
export function matchesFilters(record: KeyPairRecord, query: KeyPairFilters): boolean {
  const tags = shownTags(record.tags);
  const separator = query.tag?.indexOf("=") ?? -1;
  const tagKey = query.tag?.slice(0, separator);
  return (
    (query.name === undefined || record.name === query.name) &&
    (query.keyPairId === undefined || record.keyPairId === query.keyPairId) &&
    (query.fingerprint === undefined || record.fingerprint === query.fingerprint) &&
    (query.keyType === undefined || record.keyType === query.keyType) &&
    (query.tagKey === undefined || Object.hasOwn(tags, query.tagKey)) &&
    (tagKey === undefined || (Object.hasOwn(tags, tagKey) && tags[tagKey] === query.tag!.slice(separator + 1))) &&
    (query.expiresBefore === undefined || (expiresAt(record.tags) ?? Number.POSITIVE_INFINITY) < Date.parse(query.expiresBefore)) &&
    (query.createdBefore === undefined || createdBefore(record, query.createdBefore)) &&
    (query.createdAfter === undefined || createdAfter(record, query.createdAfter)) &&
    (query.missingTag === undefined || !Object.hasOwn(tags, query.missingTag))
  );
}

/**
 * A page's body stays under this many bytes of JSON. Lambda refuses responses over 6 MB, and API
 * Gateway's envelope escapes the body once more; 1,000 keys with 49 maximal tags each would be ~20 MB.
 */
export const MAX_PAGE_BYTES = 4 * 1024 * 1024;

/** The first `limit` views, stopping before the one that would take the page past MAX_PAGE_BYTES. */
export function takePage(views: KeyPairView[], limit: number): KeyPairView[] {
  let count = 0;
  for (let bytes = 0; count < Math.min(limit, views.length); count += 1) {
    bytes += Buffer.byteLength(JSON.stringify(views[count])) + 1;
    if (bytes > MAX_PAGE_BYTES && count > 0) break;
  }
  return views.slice(0, count);
}

export interface KeyPairPage {
  items: KeyPairView[];
  nextCursor?: string;
}

/**
 * EC2 returns a region's keys in one answer (no pagination), so the service sorts them by name and
 * pages them itself: a page of at most `limit` keys and MAX_PAGE_BYTES, the cursor being the last
 * name served (names are unique in a region, so "after this name" is stable as keys come and go).
 */
export async function listKeyPairs(
  deps: ReadDeps,
  region: string,
  query: ListKeyPairsQuery,
  /** A deadline shared with other regions (allRegions); else the request's time budget. */
  signal?: AbortSignal,
): Promise<KeyPairPage> {
  const after = query.cursor;
  const lookup =
    query.name !== undefined
      ? { name: query.name }
      : query.keyPairId !== undefined
        ? { keyPairId: query.keyPairId }
        : query.fingerprint !== undefined
          ? { fingerprint: query.fingerprint }
          : undefined;
  let matching = (await deps.store.describe(region, lookup, query.includePublicKey ?? false))
    .filter((record) => matchesFilters(record, query))
    .map((record) => toView(record, region, deps.settings))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .filter((view) => after === undefined || view.name > after);
  if ((query.includeUsage || query.unused) && matching.length > 0) {
    // Loaded by the first request that asks (decision 0029). One scan of the region for every key: never one per key.
    const { inUse, requireCompleteScan, scanUsage, usageOf } = await import("./usage.js");
    const scan = await scanUsage(deps.usage, region, deps.settings.timeBudgetMs, signal);
    if (query.unused) requireCompleteScan(scan, region);
    matching = matching
      .map((view) => ({ view, usage: usageOf(scan, view.name) }))
      .filter(({ usage }) => !query.unused || !inUse(usage))
      .map(({ view, usage }) => (query.includeUsage ? { ...view, usage } : view));
  }
  const items = takePage(matching, query.limit);
  const last = items.at(-1);
  return matching.length > items.length && last ? { items, nextCursor: last.name } : { items };
}
