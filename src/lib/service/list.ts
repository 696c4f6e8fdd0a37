/**
 * The read function's list rules, over the same ports as its reads (read.ts): bound here so that
 * only the list route's first request loads them (decision 0029).
 */
import { listKeyPairs } from "../keypairs/list.js";
import { listKeyPairsInAllRegions } from "../keypairs/list-all-regions.js";
import { bind } from "../keypairs/rules.js";
import { readDeps } from "./read.js";

export const keyPairListings = {
  listKeyPairs: bind(readDeps, listKeyPairs),
  listKeyPairsInAllRegions: bind(readDeps, listKeyPairsInAllRegions),
};
