/**
 * The key-pair rules bound to their ports and settings, in the groups the functions serve (a
 * function bundles only its own rules and adapters): what handlers call.
 */
import { createKeyPair } from "./create.js";
import { deleteKeyPair } from "./delete.js";
import { importKeyPair } from "./import.js";
import { listKeyPairs } from "./list.js";
import { listKeyPairsInAllRegions } from "./list-all-regions.js";
import type { DeleteDeps, KeyPairDeps, ReadDeps } from "./ports.js";
import { getKeyPair } from "./read.js";

type Bound<F> = F extends (deps: never, ...args: infer A) => infer R ? (...args: A) => R : never;
const bind = <D, F extends (deps: D, ...args: never[]) => unknown>(deps: D, rule: F): Bound<F> =>
  ((...args: never[]) => rule(deps, ...args)) as Bound<F>;

export const readRules = (deps: ReadDeps) => ({
  getKeyPair: bind(deps, getKeyPair),
  listKeyPairs: bind(deps, listKeyPairs),
  listKeyPairsInAllRegions: bind(deps, listKeyPairsInAllRegions),
});

export const createRules = (deps: KeyPairDeps) => ({
  createKeyPair: bind(deps, createKeyPair),
  importKeyPair: bind(deps, importKeyPair),
});

export const deleteRules = (deps: DeleteDeps) => ({ deleteKeyPair: bind(deps, deleteKeyPair) });
