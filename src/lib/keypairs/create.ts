import { SERVICE_TAGS } from "../api/reserved-tags.js";
import type { CreatedKeyPairView, CreateKeyPairInput, DryRunView, EscrowedKeyPairView } from "../api/schemas.js";
import { escrowedKeyPair, escrowPrivateKey } from "./escrow.js";
import { type Caller, concurrentSameKey, earlierRequest, madeBy, markRequest, undoIfRaceLost } from "./idempotency.js";
import type { KeyPairDeps } from "./ports.js";
import { serviceTags } from "./tags.js";
import { newKeyView, orDryRun } from "./views.js";

/**
 * Creates a key pair, and with `escrow` puts its private key in the vault instead of the answer.
 * With an Idempotency-Key, the key an earlier request with the same key made is the one to answer
 * for: an escrowed one is named again; otherwise its private key was never kept, so it is made anew.
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
    if (earlier && input.escrow) return escrowedKeyPair({ ...newKeyView(earlier, region, deps.settings), keyFormat: input.keyFormat });
    if (earlier) await deps.store.delete(region, earlier, false);
    const { keyMaterial, ...created } = await deps.store
      .create(
        region,
        { name: input.name, keyType: input.keyType, keyFormat: input.keyFormat, tags, dryRun: dryRun ?? false },
        madeBy(marks, deps),
      )
      .catch(concurrentSameKey(deps, region, marks));
    await undoIfRaceLost(deps, region, marks, created);
    const view = { ...newKeyView({ ...created, keyType: input.keyType }, region, deps.settings), keyFormat: input.keyFormat, keyMaterial };
    return input.escrow ? escrowPrivateKey(deps, region, view) : view;
  });
}
