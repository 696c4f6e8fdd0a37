import { SERVICE_TAGS } from "../api/reserved-tags.js";
import type { DryRunView } from "../api/schemas.js";
import { ServiceError } from "./errors.js";
import { afterUnknownDelete, deleteEscrowedKey } from "./escrow.js";
import { keyPairEvent } from "./events.js";
import type { DeleteDeps, KeyPairRef, KeyPairSettings } from "./ports.js";
import { findKeyPair } from "./read.js";
import { orDryRun } from "./views.js";

/** The guard's refusal of a key this service did not make (the spec's example is made by this too). */
export const unmanagedKey = (name: string, settings: KeyPairSettings): ServiceError =>
  new ServiceError(
    "unmanaged-key",
    `Key pair ${name} was not created or imported through this service (no ${settings.managedTag.key}=${settings.managedTag.value} tag); ` +
      `delete it in EC2 directly.`,
  );

/** Who deletes, and why: a caller's request (deleted), or the sweep acting on the key's expiry (expired). */
export interface Deletion {
  caller: string;
  change?: "deleted" | "expired";
  dryRun?: boolean;
}

/**
 * Deletes a key after checking that it exists (EC2 answers success for a missing name) and that
 * this service manages it (unless allowUnmanagedDelete): the IAM policy enforces the same tag.
 * Once it is gone (and its escrowed private key), publishes the deletion.
 */
export async function deleteKeyPair(deps: DeleteDeps, region: string, ref: KeyPairRef, options: Deletion): Promise<DryRunView | undefined> {
  const keyPair = await findKeyPair(deps, region, ref, false);
  if (!keyPair.managed && !deps.settings.allowUnmanagedDelete) throw unmanagedKey(keyPair.name, deps.settings);
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
    await deps.events.publish(keyPairEvent(options.change ?? "deleted", keyPair, options.caller, { forced: false }));
    return undefined;
  });
}
