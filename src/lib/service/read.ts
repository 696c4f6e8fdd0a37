/**
 * The composition root of the read function: the read rules over EC2's describe. The usage scan
 * (EC2's and Auto Scaling's describes) is loaded by the first request that asks what names a key
 * (includeUsage, unused): a plain read never loads it (decision 0029).
 */

import type { ListKeyPairsQuery } from "../api/schemas.js";
import { describeKeyPairs } from "../aws/ec2.js";
import { listKeyPairs } from "../keypairs/list.js";
import { listKeyPairsInAllRegions } from "../keypairs/list-all-regions.js";
import { type EstateListingRequest, listEstate } from "../keypairs/list-estate.js";
import type { ReadDeps } from "../keypairs/ports.js";
import { getKeyPair } from "../keypairs/read.js";
import { bind } from "../keypairs/rules.js";
import { estatePorts } from "./accounts.js";
import { loadedOnFirstCall } from "./on-first-call.js";
import { settings } from "./settings.js";

const deps: ReadDeps = {
  store: { describe: describeKeyPairs },
  usage: loadedOnFirstCall(() => import("../aws/key-usage.js").then((module) => module.awsKeyUsage), ["scan"]),
  settings,
};

export const keyPairReads = {
  getKeyPair: bind(deps, getKeyPair),
  listKeyPairs: bind(deps, listKeyPairs),
  listKeyPairsInAllRegions: bind(deps, listKeyPairsInAllRegions),
  /** An estate listing (accounts=...), its accounts reached from the invoked function's (its ARN names the API's own). */
  listEstate: (query: ListKeyPairsQuery, request: EstateListingRequest & { functionArn: string }) =>
    listEstate({ ...deps, estate: estatePorts(request.functionArn) }, query, request),
};
