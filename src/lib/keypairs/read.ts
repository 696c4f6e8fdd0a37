import type { KeyPairView } from "../api/schemas.js";
import { ServiceError } from "./errors.js";
import type { KeyPairRef, ReadDeps } from "./ports.js";
import { toView } from "./views.js";

/** The one key pair `ref` names, exactly: a 404 when there is none. */
export async function findKeyPair(deps: ReadDeps, region: string, ref: KeyPairRef, includePublicKey: boolean): Promise<KeyPairView> {
  const [found] = await deps.store.describe(region, ref, includePublicKey);
  if (!found) {
    const which = "name" in ref ? `named ${ref.name}` : `with id ${ref.keyPairId}`;
    throw new ServiceError("not-found", `No key pair ${which} in ${region}.`);
  }
  return toView(found, region, deps.settings);
}

export function getKeyPair(deps: ReadDeps, region: string, ref: KeyPairRef, options: { includePublicKey?: boolean }): Promise<KeyPairView> {
  return findKeyPair(deps, region, ref, options.includePublicKey ?? false);
}
