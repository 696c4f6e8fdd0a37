import type { DryRunView } from "../api/schemas.js";
import { AFTER_DELETE_MS, budget, DELETE_MIN_MS, type Deletion, deleteFound, LOOKUP_MS, left, outOfTime } from "./delete-found.js";
import { refuseUnmanaged } from "./managed.js";
import type { DeleteDeps, KeyPairRef } from "./ports.js";
import { findKeyPair } from "./read.js";
import { refuseIfUsed, scanUsage, usageOf } from "./usage.js";
import { isDryRun } from "./views.js";

/** What a delete needs once its checks are done: no delete is started that could not be finished and reported in time. */
const DELETE_PHASE_MS = DELETE_MIN_MS + LOOKUP_MS + AFTER_DELETE_MS;

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
  // The look-up, like the check, leaves the delete and its report their time: nothing has changed if it runs out.
  if (left(deps, options.deadline, DELETE_PHASE_MS) <= 0) throw outOfTime("name" in ref ? ref.name : ref.keyPairId);
  const keyPair = await findKeyPair(deps, region, ref, false, budget(deps, options.deadline, DELETE_PHASE_MS));
  refuseUnmanaged(keyPair, deps.settings, { allowUnmanaged: deps.settings.allowUnmanagedDelete });
  // A forced delete answers 204 without a body: its check would be read by nobody, so only its dry run makes one.
  const checked = !options.force || options.dryRun;
  // The check gets what the delete and its report do not need: one cut short is incomplete, so refused (usage-unknown).
  if (checked && left(deps, options.deadline, DELETE_PHASE_MS) <= 0) throw outOfTime(keyPair.name);
  const checkMs = budget(deps, options.deadline, DELETE_PHASE_MS);
  const usage = checked ? usageOf(await scanUsage(deps.usage, region, checkMs), keyPair.name) : undefined;
  if (usage && !options.force) refuseIfUsed(keyPair.name, usage);
  const result = await deleteFound(deps, region, keyPair, options);
  if (isDryRun(result)) return usage ? { ...result, usage } : result;
  if (result.problem) throw result.problem;
  return undefined;
}
