/**
 * The read function's list rules, over the same ports as its reads (read.ts), and the estate
 * listing's accounts: here so that only the list route's first request loads them (decision 0029).
 */

import type { ListKeyPairsQuery } from "../api/list-query.js";
import { inAccountScope } from "../aws/account-scope.js";
import { listKeyPairs } from "../keypairs/list.js";
import { listKeyPairsInAllRegions } from "../keypairs/list-all-regions.js";
import { type EstateListingRequest, type EstatePorts, listEstate } from "../keypairs/list-estate.js";
import { bind } from "../keypairs/rules.js";
import { config } from "../platform/config.js";
import { assertCallerMayAct, ownAccount } from "./accounts.js";
import { readDeps } from "./read.js";

/**
 * An estate listing's accounts: this API's own (when known) and the allowed set, each reached through
 * its member role (credentials cached per account by member-accounts.ts) and listed in its own scope.
 */
function estatePorts(invokedFunctionArn: string | undefined, caller: string): EstatePorts {
  const own = ownAccount(invokedFunctionArn);
  const members = () => import("../aws/member-accounts.js");
  return {
    concurrency: config.ESTATE_CONCURRENCY,
    allowedAccounts: async () => [...new Set([...(own ? [own] : []), ...(await (await members()).allowedAccountIds())])],
    // The caller's grant first (account-forbidden: the scope's status is forbidden), before anything is asked of the account.
    reach: async (account) => {
      await assertCallerMayAct(caller, account, own);
      if (account !== own) await (await members()).memberCredentials(account);
    },
    inAccount: async (account, work) => {
      if (account === own) return inAccountScope({ id: own }, work);
      const { memberCredentials } = await members();
      return inAccountScope({ id: account, credentials: () => memberCredentials(account) }, work);
    },
  };
}

export const keyPairListings = {
  listKeyPairs: bind(readDeps, listKeyPairs),
  listKeyPairsInAllRegions: bind(readDeps, listKeyPairsInAllRegions),
  /** An estate listing (accounts=...), its accounts reached from the invoked function's (its ARN names the API's own), each within the caller's grant. */
  listEstate: (query: ListKeyPairsQuery, request: EstateListingRequest & { functionArn: string; caller: string }) =>
    listEstate({ ...readDeps, estate: estatePorts(request.functionArn, request.caller) }, query, request),
};
