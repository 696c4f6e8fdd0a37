import { SERVICE_TAGS } from "../api/reserved-tags.js";
import type { DryRunView, KeyPairView } from "../api/schemas.js";
import { ServiceError } from "./errors.js";
import { afterUnknownDelete, deleteEscrowedKey } from "./escrow.js";
import { keyPairEvent } from "./events.js";
import type { DeleteDeps, KeyPairRef, KeyPairSettings } from "./ports.js";
import { findKeyPair } from "./read.js";
import { refuseIfUsed, scanUsage, usageOf } from "./usage.js";
import { orDryRun } from "./views.js";

/** The guard's refusal of a key this service did not make (the spec's example is made by this too). */
export const unmanagedKey = (name: string, settings: KeyPairSettings): ServiceError =>
  new ServiceError(
    "unmanaged-key",
    `Key pair ${name} was not created or imported through this service (no ${settings.managedTag.key}=${settings.managedTag.value} tag); ` +
      `delete it in EC2 directly.`,
  );

/** Who deletes, and why: a caller's request (deleted), or the sweep acting on the key's expiry (expired); forced past its usage. */
export interface Deletion {
  caller: string;
  change?: "deleted" | "expired";
  dryRun?: boolean;
  force?: boolean;
}

/**
 * Deletes a key after checking that it exists (EC2 answers success for a missing name), that
 * this service manages it (unless allowUnmanagedDelete): the IAM policy enforces the same tag,
 * and that nothing names it (unless force): an instance, launch template version, launch
 * configuration or Auto Scaling group that names a deleted key fails its next launch. A check that
 * could not be completed refuses too. A dry run answers what the delete would: the refusal, or
 * "would succeed" with the usage found. Between the check and the delete something may start
 * naming the key (the README states the window). Once it is gone (and its escrowed private key),
 * publishes the deletion.
 */
export async function deleteKeyPair(deps: DeleteDeps, region: string, ref: KeyPairRef, options: Deletion): Promise<DryRunView | undefined> {
  const keyPair = await findKeyPair(deps, region, ref, false);
  if (!keyPair.managed && !deps.settings.allowUnmanagedDelete) throw unmanagedKey(keyPair.name, deps.settings);
  // A forced delete answers 204 without a body: its check would be read by nobody, so only its dry run makes one.
  const usage =
    !options.force || options.dryRun ? usageOf(await scanUsage(deps.usage, region, deps.settings.timeBudgetMs), keyPair.name) : undefined;
  if (usage && !options.force) refuseIfUsed(keyPair.name, usage);
  const result = await deleteFound(deps, region, keyPair, options);
  return result && usage ? { ...result, usage } : result;
}

/**
 * Deletes a key pair just looked up (by its id), its escrowed private key too, then publishes the
 * deletion: the delete after its checks, and the sweep's delete of a key whose expiry passed. One
 * that is gone meanwhile is a not-found ServiceError.
 */
export async function deleteFound(
  deps: Omit<DeleteDeps, "usage">,
  region: string,
  keyPair: KeyPairView,
  options: Deletion,
): Promise<DryRunView | undefined> {
  const escrowed = keyPair.tags[SERVICE_TAGS.escrow] !== undefined;
  return orDryRun(async () => {
    try {
      await deps.store.delete(region, keyPair, options.dryRun ?? false);
    } catch (error) {
      throw escrowed && error instanceof ServiceError && error.outcomeUnknown
        ? await afterUnknownDelete(deps, region, keyPair, error)
        : error;
    }
    // Not reached on a dry run (it throws DryRunSucceeded); only escrowed keys have a parameter.
    if (escrowed) await deleteEscrowedKey(deps, region, keyPair.keyPairId);
    await deps.events.publish(keyPairEvent(options.change ?? "deleted", keyPair, options.caller, { forced: options.force === true }));
    return undefined;
  });
}
