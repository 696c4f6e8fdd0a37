import { SERVICE_TAGS } from "../api/reserved-tags.js";
import type { CreatedKeyPairView, CreateKeyPairInput, DryRunView, EscrowedKeyPairView } from "../api/schemas.js";
import { escrowPrivateKey } from "./escrow.js";
import { keyPairEvent } from "./events.js";
import { expiryTags } from "./expiry.js";
import { type Caller, conflictOrEarlier, madeBy, markRequest, once } from "./idempotency.js";
import type { KeyPairDeps, RecordedOutcome } from "./ports.js";
import { serviceTags } from "./tags.js";
import { newKeyView, orDryRun } from "./views.js";

/**
 * Creates a key pair, and with `escrow` puts its private key in the vault instead of the answer,
 * then publishes its event. With an Idempotency-Key, at most once: a repeat of an escrowed create
 * gets the same answer again; a repeat of any other gets 409 private-key-delivered naming the key
 * pair, since its private key is given out once, to the first answer, and kept nowhere.
 */
export async function createKeyPair(
  deps: KeyPairDeps,
  region: string,
  input: CreateKeyPairInput,
  caller: Caller,
): Promise<CreatedKeyPairView | EscrowedKeyPairView | DryRunView> {
  const { dryRun, ...request } = input;
  const marks = markRequest(caller, { operation: "CreateKeyPair", region, ...request });
  const tags = {
    ...serviceTags(input.tags, marks.tags, deps.settings),
    ...(input.escrow ? { [SERVICE_TAGS.escrow]: "ssm" } : {}),
    ...expiryTags(input, deps.clock.now()),
  };
  const delivered = (view: Omit<CreatedKeyPairView, "keyMaterial">): RecordedOutcome => ({ kind: "private-key-delivered", view });
  return orDryRun(() =>
    once(deps, region, marks, dryRun ?? false, {
      make: async () => {
        const { keyMaterial, ...created } = await deps.store
          .create(
            region,
            { name: input.name, keyType: input.keyType, keyFormat: input.keyFormat, tags, dryRun: dryRun ?? false },
            madeBy(marks, deps),
          )
          .catch(conflictOrEarlier(deps, region, marks, input.name));
        const shown = { ...newKeyView({ ...created, keyType: input.keyType }, region, deps.settings), keyFormat: input.keyFormat };
        const view = { ...shown, keyMaterial };
        const answer = input.escrow ? await escrowPrivateKey(deps, region, view) : view;
        const outcome: RecordedOutcome = "privateKeyParameter" in answer ? { kind: "answer", view: answer } : delivered(shown);
        return { answer, outcome, announce: () => deps.events.publish(keyPairEvent("created", view, caller.arn)) };
      },
      earlier: (keyPair) => delivered({ ...newKeyView(keyPair, region, deps.settings), keyFormat: input.keyFormat }),
    }),
  );
}
