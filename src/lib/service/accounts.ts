/**
 * The account a request acts in: the one it names (`account`), else this API's own. The caller must
 * be one who may act there (its own account, or one ACCOUNT_ACCESS grants it): checked first, before
 * anything is asked of that account. Another account must then be in the allowed set and is reached
 * through its member role; the request's work then runs in that account's scope
 * (aws/account-scope.ts), so every adapter call of it, and only of it, uses that account's
 * credentials. The member-account code (and STS, Organizations) is loaded by the first request for
 * another account, or a grant's OU (decision 0029): a function never asked for one never loads it.
 */
import { inAccountScope } from "../aws/account-scope.js";
import { ServiceError } from "../keypairs/errors.js";
import { callerIdentity, grantNames, UNAUTHENTICATED } from "../platform/account-access.js";
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
 * Whether `caller` (http/caller.ts's ARN) may act in `account`: its own (its identity's account; a
 * caller without one, which only the local stack has, counts as of the API's own), or one a grant
 * naming it lists, directly, as `*`, or under a listed OU (Organizations, loaded only then). No AWS
 * call is made for `account` itself. The estate listing asks it per account.
 */
export async function mayActIn(caller: string, account: string | undefined, own: string | undefined): Promise<boolean> {
  const identity = callerIdentity(caller);
  const home = caller === UNAUTHENTICATED ? own : identity.account;
  if (account === home) return true;
  const grants = config.ACCOUNT_ACCESS.filter((grant) => grantNames(grant, caller, identity));
  // The API's own account with no id known (no ACCOUNT_ID, no function ARN: never on Lambda) can only be named by no grant.
  if (account === undefined) return false;
  const ous: string[] = [];
  for (const { accounts } of grants) {
    if (accounts === "*" || accounts.ids.includes(account)) return true;
    ous.push(...accounts.ous);
  }
  if (ous.length === 0) return false;
  const { organizationAccounts } = await import("../aws/member-accounts.js");
  return (await organizationAccounts(ous)).has(account);
}

/** Refuses (403 account-forbidden, naming both) a caller outside its grant for `account`. */
export async function assertCallerMayAct(caller: string, account: string | undefined, own: string | undefined): Promise<void> {
  if (await mayActIn(caller, account, own)) return;
  throw new ServiceError(
    "account-forbidden",
    `The caller ${caller} may not act in account ${account ?? "(this API's own)"}: it may act in its own account and in those the deployment's accountAccess grants it.`,
  );
}

/** inRequestedAccount, for a caller: refused before anything else when the account is outside its grant. */
export async function inCallersAccount<T>(
  caller: string,
  requested: string | undefined,
  invokedFunctionArn: string | undefined,
  work: () => Promise<T>,
): Promise<T> {
  const own = ownAccount(invokedFunctionArn);
  logger.appendKeys({ account: requested ?? own });
  await assertCallerMayAct(caller, requested ?? own, own);
  return inRequestedAccount(requested, invokedFunctionArn, work);
}
