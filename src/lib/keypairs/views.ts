/** How the rules show key pairs: the API's views of the store's records, and dry-run answers. */
import { HIDDEN_TAG_KEYS } from "../api/reserved-tags.js";
import type { DryRunView, KeyPairView } from "../api/schemas.js";
import { DryRunSucceeded } from "./errors.js";
import { expiryOf, utc } from "./expiry.js";
import type { KeyPairRecord, KeyPairSettings } from "./ports.js";

export const isManaged = (tags: Record<string, string>, settings: KeyPairSettings): boolean =>
  tags[settings.managedTag.key] === settings.managedTag.value;

/** A key's tags as answers show them: without the service's bookkeeping (HIDDEN_TAG_KEYS). */
export const shownTags = (tags: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(tags).filter(([key]) => !HIDDEN_TAG_KEYS.includes(key)));

export function toView(record: KeyPairRecord, region: string, settings: KeyPairSettings): KeyPairView {
  const expiry = expiryOf(record.tags);
  return {
    keyPairId: record.keyPairId,
    name: record.name,
    fingerprint: record.fingerprint,
    keyType: record.keyType,
    region,
    tags: shownTags(record.tags),
    managed: isManaged(record.tags, settings),
    ...(record.createdAt ? { createdAt: record.createdAt.toISOString() } : {}),
    // Re-written by utc(), so the answer is RFC 3339 whatever else the tag may hold.
    ...(expiry && "at" in expiry ? { expiresAt: utc(expiry.at) } : {}),
    ...(expiry && "invalid" in expiry ? { expiryTagInvalid: true } : {}),
    ...(record.publicKey ? { publicKey: record.publicKey } : {}),
  };
}

/** A new key's view: what GET shows, without what only GET answers (creation time, public key). */
export function newKeyView(record: KeyPairRecord, region: string, settings: KeyPairSettings) {
  const { createdAt: _createdAt, publicKey: _publicKey, ...view } = toView(record, region, settings);
  return view;
}

/** Runs a store mutation; a DryRunOperation answer becomes the API's "would succeed" result. */
export async function orDryRun<T>(mutation: () => Promise<T>): Promise<T | DryRunView> {
  try {
    return await mutation();
  } catch (error) {
    if (!(error instanceof DryRunSucceeded)) throw error;
    return { dryRun: true, wouldSucceed: true, operation: error.operation as DryRunView["operation"], detail: error.message };
  }
}

export function isDryRun(result: object): result is DryRunView {
  return "dryRun" in result && result.dryRun === true;
}
