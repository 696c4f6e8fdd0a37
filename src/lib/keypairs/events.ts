/** The event of a change EC2 confirmed, from the key's view: its identity, who made the change, nothing secret. */
import type { KeyPairChange, KeyPairEvent } from "../api/events.js";
import { SERVICE_TAGS } from "../api/reserved-tags.js";
import type { KeyPairView } from "../api/schemas.js";

export function keyPairEvent(
  change: KeyPairChange,
  keyPair: Pick<KeyPairView, "keyPairId" | "name" | "region" | "keyType" | "fingerprint" | "tags" | "expiresAt">,
  caller: string,
  detail?: { forced: boolean } | Pick<KeyPairEvent, "before" | "after">,
): KeyPairEvent {
  return {
    change,
    keyPairId: keyPair.keyPairId,
    name: keyPair.name,
    region: keyPair.region,
    keyType: keyPair.keyType,
    fingerprint: keyPair.fingerprint,
    caller,
    ...(keyPair.expiresAt ? { expiresAt: keyPair.expiresAt } : {}),
    escrowed: keyPair.tags[SERVICE_TAGS.escrow] !== undefined,
    ...detail,
  };
}
