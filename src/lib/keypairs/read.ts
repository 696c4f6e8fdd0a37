import type { KeyPairView } from "../api/schemas.js";
import { ServiceError } from "./errors.js";
import type { KeyPairRecord, KeyPairRef, ReadDeps } from "./ports.js";
import { toView } from "./views.js";

/** The one key pair `ref` names, exactly, as the store holds it (every tag): a 404 when there is none. */
export async function findRecord(
  deps: Pick<ReadDeps, "store">,
  region: string,
  ref: KeyPairRef,
  includePublicKey: boolean,
  budgetMs?: number,
): Promise<KeyPairRecord> {
  const [found] = await deps.store.describe(region, ref, includePublicKey, budgetMs);
  if (!found) {
    const which = "name" in ref ? `named ${ref.name}` : `with id ${ref.keyPairId}`;
    throw new ServiceError("not-found", `No key pair ${which} in ${region}.`);
  }
  return found;
}

/** The one key pair `ref` names, exactly, as answers show it: a 404 when there is none. */
export async function findKeyPair(
  deps: Pick<ReadDeps, "store" | "settings">,
  region: string,
  ref: KeyPairRef,
  includePublicKey: boolean,
  budgetMs?: number,
): Promise<KeyPairView> {
  return toView(await findRecord(deps, region, ref, includePublicKey, budgetMs), region, deps.settings);
}

/** A key pair; with includeUsage, what in its region names it (one scan, within the request's time budget). */
export async function getKeyPair(
  deps: ReadDeps,
  region: string,
  ref: KeyPairRef,
  options: { includePublicKey?: boolean; includeUsage?: boolean },
): Promise<KeyPairView> {
  const view = await findKeyPair(deps, region, ref, options.includePublicKey ?? false);
  if (!options.includeUsage) return view;
  // Loaded by the first request that asks (decision 0029): a plain read never needs the usage rules.
  const { scanUsage, usageOf } = await import("./usage.js");
  return { ...view, usage: usageOf(await scanUsage(deps.usage, region, deps.settings.timeBudgetMs), view.name) };
}
