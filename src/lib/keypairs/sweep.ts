/**
 * The sweep, run on a schedule: in every allowed region, deletes each managed key pair whose expiry
 * has passed (the API's own delete, after its checks: by id, its escrowed private key too), and each
 * escrowed private key whose key pair no longer exists (a delete or a failed escrow whose outcome
 * was unknown can leave one). A region that fails is reported and never stops the others; running
 * twice at once is harmless (a key or parameter the other run took is not an error).
 */
import { SWEEPER } from "../api/events.js";
import { deleteFound } from "./delete-found.js";
import { ServiceError } from "./errors.js";
import { expiryOf, hasExpired, logInvalidExpiry } from "./expiry.js";
import type { SweepDeps } from "./ports.js";
import { isManaged, toView } from "./views.js";

export interface RegionSweep {
  region: string;
  /** The expired key pairs deleted. */
  expiredKeysDeleted: { keyPairId: string; name: string }[];
  /** The key pair ids whose orphaned private keys were deleted. */
  escrowedKeysDeleted: string[];
  /** What failed, per key or for the whole region (its problem kind and detail; never a value). */
  failures: string[];
}

export interface SweepSummary {
  regions: RegionSweep[];
}

const problemOf = (error: unknown): string => (error instanceof ServiceError ? `${error.kind}: ${error.message}` : "unexpected error");

/**
 * One region. The vault is listed before the key pairs: a private key is stored only after its key
 * pair was made, so any key pair a listed private key belongs to is in the later listing unless it
 * was deleted. Keys stored less than requestMaxSeconds ago are left alone (a request may still be
 * writing them, and a describe may lag behind a create by moments).
 */
export async function sweepRegion(deps: SweepDeps, region: string): Promise<RegionSweep> {
  const result: RegionSweep = { region, expiredKeysDeleted: [], escrowedKeysDeleted: [], failures: [] };
  try {
    const escrowed = await deps.vault.list(region, deps.settings.managedTag);
    const keyPairs = await deps.store.describe(region, undefined, false);
    const now = deps.clock.now();
    for (const keyPair of keyPairs) {
      const expiry = isManaged(keyPair.tags, deps.settings) ? expiryOf(keyPair.tags) : undefined;
      if (expiry && "invalid" in expiry) logInvalidExpiry(keyPair, region, expiry.invalid);
    }
    const expired = keyPairs.filter((candidate) => isManaged(candidate.tags, deps.settings) && hasExpired(candidate, now));
    for (const [index, keyPair] of expired.entries()) {
      try {
        // Its owner set the expiry: forced, without the usage check (the sweep's role has no describes of instances or groups).
        const deleted = await deleteFound(deps, region, toView(keyPair, region, deps.settings), {
          caller: SWEEPER,
          change: "expired",
          force: true,
        });
        result.expiredKeysDeleted.push({ keyPairId: keyPair.keyPairId, name: keyPair.name });
        // Deleted (and published); its private key left in the vault is this run's failure, the next run's orphan.
        if ("escrowLeft" in deleted && deleted.escrowLeft) result.failures.push(`${keyPair.keyPairId}: ${problemOf(deleted.problem)}`);
      } catch (error) {
        // Throttled (by AWS, or the service's share, which the sweep waits for while its time lasts): the rest waits for the next run.
        if (error instanceof ServiceError && error.kind === "throttled") {
          result.failures.push(`${expired.length - index} expired key pairs left for the next run: ${problemOf(error)}`);
          break;
        }
        // Gone already: another sweep (or a caller) deleted it.
        if (!(error instanceof ServiceError && error.kind === "not-found"))
          result.failures.push(`${keyPair.keyPairId}: ${problemOf(error)}`);
      }
    }
    const deleted = new Set(result.expiredKeysDeleted.map((keyPair) => keyPair.keyPairId));
    const existing = new Set(keyPairs.map((keyPair) => keyPair.keyPairId).filter((keyPairId) => !deleted.has(keyPairId)));
    const settledBefore = deps.clock.now() - deps.settings.requestMaxSeconds * 1000;
    const orphans = escrowed.filter(
      (escrow) =>
        !existing.has(escrow.keyPairId) &&
        !deleted.has(escrow.keyPairId) &&
        (escrow.storedAt?.getTime() ?? Number.NEGATIVE_INFINITY) < settledBefore,
    );
    for (const orphan of orphans) {
      try {
        await deps.vault.delete(region, orphan.keyPairId);
        result.escrowedKeysDeleted.push(orphan.keyPairId);
      } catch (error) {
        result.failures.push(`${orphan.keyPairId}: ${problemOf(error)}`);
      }
    }
  } catch (error) {
    result.failures.push(problemOf(error));
  }
  return result;
}

/** Every allowed region, one after the other (the sweep is not in a hurry; EC2's request rates are shared). */
export async function sweep(deps: SweepDeps): Promise<SweepSummary> {
  const regions: RegionSweep[] = [];
  for (const region of deps.settings.allowedRegions) regions.push(await sweepRegion(deps, region));
  return { regions };
}
