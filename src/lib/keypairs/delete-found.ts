/**
 * Deleting a key pair already looked up (and checked): the delete rule's last step, and the sweep's
 * delete of an expired key, which checks nothing before it. Apart from delete.ts, so that the sweep
 * loads no usage check (decision 0029).
 */
import { SERVICE_TAGS } from "../api/reserved-tags.js";
import type { DryRunView, KeyPairView } from "../api/schemas.js";
import { ServiceError } from "./errors.js";
import { deleteEscrowedKey, escrowAfterUnknownDelete } from "./escrow.js";
import { keyPairEvent } from "./events.js";
import type { DeleteDeps } from "./ports.js";
import { orDryRun } from "./views.js";

/** Who deletes, and why: a caller's request (deleted), or the sweep acting on the key's expiry (expired); forced past its usage. */
export interface Deletion {
  caller: string;
  change?: "deleted" | "expired";
  dryRun?: boolean;
  force?: boolean;
  /**
   * When the request must have answered (ms since the epoch, on the deps' clock): the function's
   * time limit. None: each call has only its own budget.
   */
  deadline?: number;
}

/** The least a delete is started with: one EC2 attempt (EC2_REQUEST_TIMEOUT_MS's default). */
export const DELETE_MIN_MS = 3000;
/** Kept after the delete for a look-up by id, should its answer be lost: the answer then says whether the key is gone. */
export const LOOKUP_MS = 2000;
/** Kept after EC2 confirmed a deletion for the escrow clean-up and the event (one call each, usually tens of ms). */
export const AFTER_DELETE_MS = 1000;

/** The time left before `deadline` less what later phases keep (no deadline: all the time there is). */
export const left = (deps: Pick<DeleteDeps, "clock">, deadline: number | undefined, keptMs: number): number =>
  deadline === undefined ? Number.POSITIVE_INFINITY : deadline - deps.clock.now() - keptMs;

/** That, capped by a call's own budget. */
export const budget = (deps: Pick<DeleteDeps, "clock" | "settings">, deadline: number | undefined, keptMs: number): number =>
  Math.min(deps.settings.timeBudgetMs, left(deps, deadline, keptMs));

export const outOfTime = (name: string): ServiceError =>
  new ServiceError(
    "upstream-timeout",
    `Too little of the function's time was left to check and delete key pair ${name} and report the outcome: nothing was deleted. ` +
      `Send the request again.`,
  );

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
  if (left(deps, options.deadline, LOOKUP_MS + AFTER_DELETE_MS) < DELETE_MIN_MS) throw outOfTime(keyPair.name);
  const deleteMs = budget(deps, options.deadline, LOOKUP_MS + AFTER_DELETE_MS);
  return orDryRun(async () => {
    const deleted = await confirmedDelete(deps, region, keyPair, {
      dryRun: options.dryRun ?? false,
      escrowed,
      deleteMs,
      deadline: options.deadline,
    });
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
  call: { dryRun: boolean; escrowed: boolean; deleteMs: number; deadline?: number },
): Promise<Deleted> {
  const { escrowed } = call;
  try {
    await deps.store.delete(region, keyPair, call.dryRun, call.deleteMs);
  } catch (error) {
    if (!(error instanceof ServiceError && error.outcomeUnknown)) throw error;
    // Without the time for a look-up, the answer says what the store's did: the key may be gone.
    const lookupMs = budget(deps, call.deadline, AFTER_DELETE_MS);
    const gone = lookupMs > 0 && (await goneNow(deps, region, keyPair, lookupMs));
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
const goneNow = (deps: Pick<DeleteDeps, "store">, region: string, keyPair: { keyPairId: string }, budgetMs: number): Promise<boolean> =>
  deps.store.describe(region, { keyPairId: keyPair.keyPairId }, false, budgetMs).then(
    (found) => found.length === 0,
    () => false,
  );
