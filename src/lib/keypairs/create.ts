import { SERVICE_TAGS } from "../api/reserved-tags.js";
import type { CreatedKeyPairView, CreateKeyPairInput, DryRunView, EscrowedKeyPairView } from "../api/schemas.js";
import { deleteEscrowedKey, escrowedKeyPair, escrowPrivateKey } from "./escrow.js";
import { keyPairEvent } from "./events.js";
import { expiresAt, expiryTags, utc } from "./expiry.js";
import {
  type Caller,
  concurrentSameKey,
  earlierRequest,
  isComplete,
  madeBy,
  markComplete,
  markRequest,
  undoIfRaceLost,
} from "./idempotency.js";
import type { KeyPairDeps, KeyPairRecord } from "./ports.js";
import { removeKeyPair } from "./remove.js";
import { serviceTags } from "./tags.js";
import { newKeyView, orDryRun } from "./views.js";

/**
 * Creates a key pair, and with `escrow` puts its private key in the vault instead of the answer.
 * With an Idempotency-Key, the key an earlier request with the same key made is the one to answer
 * for: an escrowed one whose request completed is named again; otherwise its private key was never
 * kept, so it is made anew. The request marks its key complete as its last step, then publishes
 * its event (a repeat that answers with the earlier key publishes none: nothing changed).
 */
export async function createKeyPair(
  deps: KeyPairDeps,
  region: string,
  input: CreateKeyPairInput,
  caller: Caller,
): Promise<CreatedKeyPairView | EscrowedKeyPairView | DryRunView> {
  const { dryRun, ...request } = input;
  const marks = markRequest(caller, { operation: "CreateKeyPair", region, ...request });
  const tags = { ...serviceTags(input.tags, marks.tags, deps.settings), ...(input.escrow ? { [SERVICE_TAGS.escrow]: "ssm" } : {}) };
  return orDryRun(async () => {
    const earlier = dryRun ? undefined : await earlierRequest(deps, region, marks, "refuse");
    if (earlier && input.escrow && isComplete(earlier))
      return escrowedKeyPair({ ...newKeyView(earlier, region, deps.settings), keyFormat: input.keyFormat });
    if (earlier) await removeEarlier(deps, region, earlier, caller);
    // A repeat keeps the first request's expiry (a tag the service did not write is not one).
    Object.assign(tags, earlier ? keptExpiry(earlier.tags) : expiryTags(input, deps.clock.now()));
    const { keyMaterial, ...created } = await deps.store
      .create(
        region,
        { name: input.name, keyType: input.keyType, keyFormat: input.keyFormat, tags, dryRun: dryRun ?? false },
        madeBy(marks, deps),
      )
      .catch(concurrentSameKey(deps, region, marks, input.name));
    await undoIfRaceLost(deps, region, marks, created);
    const view = { ...newKeyView({ ...created, keyType: input.keyType }, region, deps.settings), keyFormat: input.keyFormat, keyMaterial };
    const answer = input.escrow ? await escrowPrivateKey(deps, region, view) : view;
    // Its mark is bookkeeping: the answer shows the tags GET will (HIDDEN_TAG_KEYS).
    await markComplete(deps, region, marks, created);
    await deps.events.publish(keyPairEvent("created", view, caller.arn));
    return answer;
  });
}

const keptExpiry = (tags: Record<string, string>): Record<string, string> => {
  const at = expiresAt(tags);
  return at === undefined ? {} : { [SERVICE_TAGS.expiresAt]: utc(at) };
};

/**
 * The key of an earlier request with this Idempotency-Key that is to be made anew: its private key
 * went to a caller who lost it, or (not complete, and too old to be running) its request never
 * finished. An escrowed one may have left its private key in the vault: that goes too. Its
 * deletion is an event like any other (its creation may have been announced), published once EC2
 * deleted it whatever the vault answers, and forced: nothing checked what names it.
 */
async function removeEarlier(deps: KeyPairDeps, region: string, earlier: KeyPairRecord, caller: Caller): Promise<void> {
  // Gone already: whoever deleted it published that.
  if (!(await removeKeyPair(deps.store, region, earlier))) return deleteEscrowed(deps, region, earlier);
  try {
    await deleteEscrowed(deps, region, earlier);
  } finally {
    await deps.events.publish(keyPairEvent("deleted", newKeyView(earlier, region, deps.settings), caller.arn, { forced: true }));
  }
}

const deleteEscrowed = async (deps: KeyPairDeps, region: string, earlier: KeyPairRecord): Promise<void> => {
  if (earlier.tags[SERVICE_TAGS.escrow]) await deleteEscrowedKey(deps, region, earlier.keyPairId);
};
