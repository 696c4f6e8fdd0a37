/**
 * Keys that expire: a create or import with ttlSeconds or expiresAt carries its expiry as a
 * reserved tag (UTC, RFC 3339), which every view shows and the sweep acts on.
 *
 * Anyone with ec2:CreateTags can write that tag, and conventions differ ("0" or "-1" for never), so
 * the tag counts only in the one form the service writes (utc()): anything else is no expiry, never
 * a reason to delete, and the view flags it.
 */
import { SERVICE_TAGS } from "../api/reserved-tags.js";
import { logger } from "../platform/logger.js";
import type { KeyPairRecord } from "./ports.js";

/** An instant as RFC 3339 UTC, whole seconds unless it has a fraction. */
export const utc = (ms: number): string => new Date(ms).toISOString().replace(/\.000Z$/, "Z");

/** The expiry tag of a new key (none if it does not expire); `now` for a ttl. */
export function expiryTags(input: { ttlSeconds?: number; expiresAt?: string }, now: number): Record<string, string> {
  if (input.ttlSeconds !== undefined) return { [SERVICE_TAGS.expiresAt]: utc(now + input.ttlSeconds * 1000) };
  if (input.expiresAt !== undefined) return { [SERVICE_TAGS.expiresAt]: utc(Date.parse(input.expiresAt)) };
  return {};
}

/** What utc() writes: four-digit years, UTC, milliseconds only when not zero. */
const WRITTEN = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{3}))?Z$/;

/**
 * The instant of a tag value in exactly the form utc() writes, or undefined. Read field by field and
 * written back: a value that does not come back unchanged (a 30 February, a ".000" utc() never
 * writes, a year Date.UTC would move into the 1900s) is not one the service wrote.
 */
export function parseExpiryTag(value: string): number | undefined {
  const fields = WRITTEN.exec(value);
  if (!fields) return undefined;
  const [year, month, day, hours, minutes, seconds, millis] = fields.slice(1).map((field) => Number(field ?? 0)) as number[];
  const at = Date.UTC(year!, month! - 1, day!, hours!, minutes!, seconds!, millis!);
  return utc(at) === value ? at : undefined;
}

/** A key's expiry as its tag holds it: none, an instant, or a value the service did not write (no expiry). */
export type Expiry = { at: number } | { invalid: string } | undefined;

export function expiryOf(tags: Record<string, string>): Expiry {
  const value = tags[SERVICE_TAGS.expiresAt];
  if (value === undefined) return undefined;
  const at = parseExpiryTag(value);
  return at === undefined ? { invalid: value } : { at };
}

/** When a key expires (ms since the epoch), if its tag says so in the service's own form. */
export function expiresAt(tags: Record<string, string>): number | undefined {
  const expiry = expiryOf(tags);
  return expiry && "at" in expiry ? expiry.at : undefined;
}

/** Logs a key whose expiry tag the service did not write: it never expires, and someone may think it does. */
export function logInvalidExpiry(record: Pick<KeyPairRecord, "keyPairId">, region: string, value: string): void {
  // The value is the tag's, written by whoever could tag the key: logged as JSON data, cut to EC2's 256.
  logger.warn("expiry tag ignored: not in the form the service writes, so the key does not expire", {
    keyPairId: record.keyPairId,
    region,
    tag: SERVICE_TAGS.expiresAt,
    value: value.slice(0, 256),
  });
}

export const hasExpired = (record: KeyPairRecord, now: number): boolean => (expiresAt(record.tags) ?? Number.POSITIVE_INFINITY) <= now;
