import { ServiceError } from "./errors.js";
import type { KeyPairStore } from "./ports.js";

/**
 * Removes a key pair the service itself is undoing (a lost race, a failed escrow, a retry's
 * predecessor): one that is already gone is done, not an error. DELETE answers that case 404.
 * Whether this call deleted it (false: someone else had).
 */
export async function removeKeyPair(
  store: Pick<KeyPairStore, "delete">,
  region: string,
  keyPair: { name: string; keyPairId: string },
): Promise<boolean> {
  try {
    await store.delete(region, keyPair, false);
    return true;
  } catch (error) {
    if (!(error instanceof ServiceError && error.kind === "not-found")) throw error;
    return false;
  }
}
