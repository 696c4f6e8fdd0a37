/**
 * Keys that expire: a create or import with ttlSeconds or expiresAt carries its expiry as a
 * reserved tag (UTC, RFC 3339), which every view shows and the sweep acts on.
 */
import { SERVICE_TAGS } from "../api/reserved-tags.js";
import type { KeyPairRecord } from "./ports.js";

/** An instant as RFC 3339 UTC, whole seconds unless it has a fraction. */
export const utc = (ms: number): string => new Date(ms).toISOString().replace(/\.000Z$/, "Z");

/** The expiry tag of a new key (none if it does not expire); `now` for a ttl. */
export function expiryTags(input: { ttlSeconds?: number; expiresAt?: string }, now: number): Record<string, string> {
  if (input.ttlSeconds !== undefined) return { [SERVICE_TAGS.expiresAt]: utc(now + input.ttlSeconds * 1000) };
  if (input.expiresAt !== undefined) return { [SERVICE_TAGS.expiresAt]: utc(Date.parse(input.expiresAt)) };
  return {};
}

/** When a key expires (ms since the epoch), if it does. */
export function expiresAt(tags: Record<string, string>): number | undefined {
  const at = Date.parse(tags[SERVICE_TAGS.expiresAt] ?? "");
  return Number.isNaN(at) ? undefined : at;
}

export const hasExpired = (record: KeyPairRecord, now: number): boolean => (expiresAt(record.tags) ?? Number.POSITIVE_INFINITY) <= now;
