import { SERVICE_TAGS } from "../api/reserved-tags.js";
import type { DryRunView, KeyPairView } from "../api/schemas.js";
import { ServiceError } from "./errors.js";
import { deleteEscrowedKey, escrowAfterUnknownDelete } from "./escrow.js";
import { keyPairEvent } from "./events.js";
import type { DeleteDeps, KeyPairRef, KeyPairSettings } from "./ports.js";
import { findKeyPair } from "./read.js";
import { refuseIfUsed, scanUsage, usageOf } from "./usage.js";
import { isDryRun, orDryRun } from "./views.js";

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
  if (isDryRun(result)) return usage ? { ...result, usage } : result;
  if (result.problem) throw result.problem;
  return undefined;
}

/** A deletion EC2 confirmed (its answer, or a look-up after its answer was lost), and what is left to say. */
export interface Deleted {
  /** What the answer says instead of success: the delete's answer was lost, or its escrowed private key could not be deleted. */
  problem?: ServiceError;
  /** Its escrowed private key is still in the vault: the escrow sweep deletes it once it sees the key pair gone. */
  escrowLeft: boolean;
}

/**
 * Deletes a key pair just looked up (by its id), its escrowed private key too, then publishes the
 * deletion: the delete after its checks, and the sweep's delete of a key whose expiry passed. One
 * that is gone meanwhile is a not-found ServiceError. A delete whose answer was lost is looked up:
 * gone, and it is a deletion like any other. Once EC2 confirmed the deletion, it is published
 * whatever fails after it (the escrow clean-up): a key that is gone stays gone, and the next
 * describe will not show it again to anyone who could still publish it.
 */
export async function deleteFound(
  deps: Omit<DeleteDeps, "usage">,
  region: string,
  keyPair: KeyPairView,
  options: Deletion,
): Promise<DryRunView | Deleted> {
  const escrowed = keyPair.tags[SERVICE_TAGS.escrow] !== undefined;
  return orDryRun(async () => {
    const deleted = await confirmedDelete(deps, region, keyPair, options.dryRun ?? false, escrowed);
    await deps.events.publish(keyPairEvent(options.change ?? "deleted", keyPair, options.caller, { forced: options.force === true }));
    return deleted;
  });
}

/**
 * The delete, and the escrowed private key after it; throws only while EC2 has not confirmed the
 * deletion (refused, or its answer lost and the key still there or not looked up).
 */
async function confirmedDelete(
  deps: Omit<DeleteDeps, "usage">,
  region: string,
  keyPair: KeyPairView,
  dryRun: boolean,
  escrowed: boolean,
): Promise<Deleted> {
  try {
    await deps.store.delete(region, keyPair, dryRun);
  } catch (error) {
    if (!(error instanceof ServiceError && error.outcomeUnknown)) throw error;
    const gone = await goneNow(deps, region, keyPair);
    if (!gone && !escrowed) throw error;
    const escrow = escrowed
      ? await escrowAfterUnknownDelete(deps, region, keyPair.keyPairId, gone)
      : { note: "It is gone now.", left: false };
    const problem = new ServiceError(error.kind, `${error.message} ${escrow.note}`, {
      ec2Code: error.ec2Code,
      retryAfterSeconds: error.retryAfterSeconds,
      outcomeUnknown: true,
    });
    if (!gone) throw problem;
    return { problem, escrowLeft: escrow.left };
  }
  // Not reached on a dry run (it throws DryRunSucceeded); only escrowed keys have a parameter.
  if (!escrowed) return { escrowLeft: false };
  return deleteEscrowedKey(deps, region, keyPair.keyPairId).then(
    () => ({ escrowLeft: false }),
    (problem: ServiceError) => ({ problem, escrowLeft: true }),
  );
}

/** Whether a look-up by id finds the key pair gone; one that fails cannot tell, so it is not. */
const goneNow = (deps: Pick<DeleteDeps, "store">, region: string, keyPair: { keyPairId: string }): Promise<boolean> =>
  deps.store.describe(region, { keyPairId: keyPair.keyPairId }, false).then(
    (found) => found.length === 0,
    () => false,
  );
