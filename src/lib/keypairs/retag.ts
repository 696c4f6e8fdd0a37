/**
 * Changing a managed key after creation: its caller's tags (PATCH .../tags) and its expiry
 * (PUT and DELETE .../expiry). Each looks the key up, guards it as delete does (managed keys only),
 * checks EC2's 50 tags against every tag the key carries, retags it by id, and publishes the
 * change with the key's tags or expiry before and after it. A dry run changes nothing and answers
 * the key as it would be.
 */
import { EC2_MAX_TAGS, isReservedTagKey, SERVICE_TAGS } from "../api/reserved-tags.js";
import type { DryRunView, KeyPairView } from "../api/schemas.js";
import { invalidFields } from "./errors.js";
import { keyPairEvent } from "./events.js";
import { expiryTags } from "./expiry.js";
import { refuseUnmanaged } from "./managed.js";
import type { KeyPairRef, RetagDeps, TagChange } from "./ports.js";
import { findRecord } from "./read.js";
import { isDryRun, orDryRun, toView } from "./views.js";

export interface Retagging {
  caller: string;
  dryRun?: boolean;
}

/** A dry run's answer: EC2's "would succeed", and the key as it would be. */
export type RetagResult = KeyPairView | (DryRunView & { keyPair: KeyPairView });

/** The tags after `change`: removed ones gone, set ones written over. */
export function applied(tags: Record<string, string>, change: TagChange): Record<string, string> {
  const kept = Object.fromEntries(Object.entries(tags).filter(([key]) => !change.remove.includes(key)));
  return { ...kept, ...change.set };
}

async function retag(
  deps: RetagDeps,
  region: string,
  ref: KeyPairRef,
  change: TagChange,
  what: "tags-changed" | "expiry-changed",
  options: Retagging,
): Promise<RetagResult> {
  const record = await findRecord(deps, region, ref, false, deps.settings.timeBudgetMs);
  const before = toView(record, region, deps.settings);
  refuseUnmanaged(before, deps.settings, { action: what === "tags-changed" ? "tag" : "change the expiry of" });
  const tags = applied(record.tags, change);
  const count = Object.keys(tags).length;
  if (count > EC2_MAX_TAGS) {
    throw invalidFields([
      {
        field: what === "tags-changed" ? "body.set" : "body",
        message: `the key would carry ${count} tags, the service's own included; EC2 allows ${EC2_MAX_TAGS}`,
      },
    ]);
  }
  const after = toView({ ...record, tags }, region, deps.settings);
  const result = await orDryRun(async () => {
    await deps.store.retag(region, record, change, options.dryRun ?? false);
    const sides =
      what === "tags-changed"
        ? { before: { tags: before.tags }, after: { tags: after.tags } }
        : { before: { expiresAt: before.expiresAt }, after: { expiresAt: after.expiresAt } };
    // A change that changed nothing (the same values set again) is no event.
    if (JSON.stringify(sides.before) !== JSON.stringify(sides.after)) {
      await deps.events.publish(keyPairEvent(what, after, options.caller, sides));
    }
    return after;
  });
  return isDryRun(result) ? { ...result, keyPair: after } : result;
}

/** Sets and removes a managed key's own tags; the service's reserved tags (the managed-key marker among them) are refused, by name. */
export async function changeTags(
  deps: RetagDeps,
  region: string,
  ref: KeyPairRef,
  input: { set?: Record<string, string>; remove?: string[] } & Retagging,
): Promise<RetagResult> {
  const change: TagChange = { set: input.set ?? {}, remove: input.remove ?? [] };
  const reserved = (keys: readonly string[]) => keys.filter((key) => isReservedTagKey(key, deps.settings.managedTag.key));
  const errors = [
    { field: "body.set", keys: reserved(Object.keys(change.set)) },
    { field: "body.remove", keys: reserved(change.remove) },
  ]
    .filter(({ keys }) => keys.length > 0)
    .map(({ field, keys }) => ({ field, message: `tag key ${keys.join(", ")} is reserved for this service` }));
  if (errors.length > 0) throw invalidFields(errors);
  return retag(deps, region, ref, change, "tags-changed", input);
}

/** Sets or extends a managed key's expiry, by the create-time rule (ttlSeconds from now, or expiresAt). */
export async function setExpiry(
  deps: RetagDeps,
  region: string,
  ref: KeyPairRef,
  input: { ttlSeconds?: number; expiresAt?: string } & Retagging,
): Promise<RetagResult> {
  return retag(deps, region, ref, { set: expiryTags(input, deps.clock.now()), remove: [] }, "expiry-changed", input);
}

/** Clears a managed key's expiry: the sweep never deletes it then. */
export async function clearExpiry(deps: RetagDeps, region: string, ref: KeyPairRef, options: Retagging): Promise<RetagResult> {
  return retag(deps, region, ref, { set: {}, remove: [SERVICE_TAGS.expiresAt] }, "expiry-changed", options);
}
