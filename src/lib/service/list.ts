/**
 * The read function's list rules, over the same ports as its reads (read.ts): bound here so that
 * only the list route's first request loads them (decision 0029).
 */

import type { ListKeyPairsQuery } from "../api/list-query.js";
import { listKeyPairs } from "../keypairs/list.js";
import { listKeyPairsInAllRegions } from "../keypairs/list-all-regions.js";
import { type EstateListingRequest, listEstate } from "../keypairs/list-estate.js";
import { bind } from "../keypairs/rules.js";
import { estatePorts } from "./accounts.js";
import { readDeps } from "./read.js";

export const keyPairListings = {
  listKeyPairs: bind(readDeps, listKeyPairs),
  listKeyPairsInAllRegions: bind(readDeps, listKeyPairsInAllRegions),
  /** An estate listing (accounts=...), its accounts reached from the invoked function's (its ARN names the API's own), each within the caller's grant. */
  listEstate: (query: ListKeyPairsQuery, request: EstateListingRequest & { functionArn: string; caller: string }) =>
    listEstate({ ...readDeps, estate: estatePorts(request.functionArn, request.caller) }, query, request),
};
