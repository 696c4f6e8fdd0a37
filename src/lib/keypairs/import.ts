import type { DryRunView, ImportKeyPairInput, KeyPairView } from "../api/schemas.js";
import { keyPairEvent } from "./events.js";
import { expiryTags } from "./expiry.js";
import { type Caller, conflictOrEarlier, madeBy, markRequest, once } from "./idempotency.js";
import type { StoreDeps } from "./ports.js";
import { parsePublicKey } from "./public-key.js";
import { serviceTags } from "./tags.js";
import { orDryRun, toView } from "./views.js";

/**
 * Imports a public key, then publishes its event. With an Idempotency-Key, at most once: a repeat
 * gets the same answer again (and publishes nothing: nothing changed).
 */
export async function importKeyPair(
  deps: StoreDeps,
  region: string,
  input: ImportKeyPairInput,
  caller: Caller,
): Promise<KeyPairView | DryRunView> {
  const publicKey = parsePublicKey(input.publicKey);
  const { dryRun, ...request } = input;
  const marks = markRequest(caller, { operation: "ImportKeyPair", region, ...request, publicKey: publicKey.openssh });
  const tags = { ...serviceTags(input.tags, marks.tags, deps.settings), ...expiryTags(input, deps.clock.now()) };
  return orDryRun(() =>
    once(deps, region, marks, dryRun ?? false, {
      make: async () => {
        const imported = await deps.store
          .import(region, { name: input.name, openssh: publicKey.openssh, tags, dryRun: dryRun ?? false }, madeBy(marks, deps))
          .catch(conflictOrEarlier(deps, region, marks, input.name));
        const view = toView({ ...imported, keyType: publicKey.keyType }, region, deps.settings);
        return {
          answer: view,
          outcome: { kind: "answer", view },
          announce: () => deps.events.publish(keyPairEvent("imported", view, caller.arn)),
        };
      },
      earlier: (keyPair) => ({ kind: "answer", view: toView(keyPair, region, deps.settings) }),
    }),
  );
}
