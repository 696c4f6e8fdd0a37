/**
 * The account a request acts in: the one it names (`account`), else this API's own. Another account
 * must be in the allowed set and is reached through its member role; the request's work then runs in
 * that account's scope (aws/account-scope.ts), so every adapter call of it, and only of it, uses
 * that account's credentials. The member-account code (and STS, Organizations) is loaded by the
 * first request for another account (decision 0029): a function never asked for one never loads it.
 */
import { inAccountScope } from "../aws/account-scope.js";
import type { EstatePorts } from "../keypairs/list-estate.js";
import { config } from "../platform/config.js";
import { logger } from "../platform/logger.js";

/** The account of a Lambda function's ARN (arn:aws:lambda:<region>:<account>:function:<name>); locally there is none. */
const accountOfArn = (arn: string | undefined) => /^arn:[^:]+:lambda:[^:]*:(\d{12}):/.exec(arn ?? "")?.[1];

/** This API's own account: ACCOUNT_ID, else the invoked function's. */
export const ownAccount = (invokedFunctionArn: string | undefined): string | undefined =>
  config.ACCOUNT_ID ?? accountOfArn(invokedFunctionArn);

/** Runs `work` in the account `requested` names (or this API's own); every log line of the request names it. */
export async function inRequestedAccount<T>(
  requested: string | undefined,
  invokedFunctionArn: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  const own = ownAccount(invokedFunctionArn);
  const account = requested ?? own;
  logger.appendKeys({ account });
  if (requested === undefined || requested === own) return inAccountScope({ id: own }, work);
  const { assertAccountAllowed, memberCredentials } = await import("../aws/member-accounts.js");
  await assertAccountAllowed(requested);
  // Reached before any work: a role that cannot be assumed is the answer, before anything is changed.
  await memberCredentials(requested);
  return inAccountScope({ id: requested, credentials: () => memberCredentials(requested) }, work);
}

/**
 * An estate listing's accounts: this API's own (when known) and the allowed set, each reached through
 * its member role (credentials cached per account by member-accounts.ts) and listed in its own scope.
 */
export function estatePorts(invokedFunctionArn: string | undefined): EstatePorts {
  const own = ownAccount(invokedFunctionArn);
  const members = () => import("../aws/member-accounts.js");
  return {
    concurrency: config.ESTATE_CONCURRENCY,
    allowedAccounts: async () => [...new Set([...(own ? [own] : []), ...(await (await members()).allowedAccountIds())])],
    reach: async (account) => {
      if (account !== own) await (await members()).memberCredentials(account);
    },
    inAccount: async (account, work) => {
      if (account === own) return inAccountScope({ id: own }, work);
      const { memberCredentials } = await members();
      return inAccountScope({ id: account, credentials: () => memberCredentials(account) }, work);
    },
  };
}
