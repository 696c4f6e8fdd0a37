/** The composition root of the sweep function: EC2's describe and delete, and the escrow vault's list and delete. */
import { deleteKeyPair, describeKeyPairs } from "../aws/ec2.js";
import { waitingForShareUntil } from "../aws/own-share.js";
import { deletePrivateKey, listPrivateKeys } from "../aws/ssm.js";
import { ServiceError } from "../keypairs/errors.js";
import { type RegionSweep, sweep } from "../keypairs/sweep.js";
import { systemClock } from "../platform/clock.js";
import { config } from "../platform/config.js";
import { inRequestedAccount, ownAccount } from "./accounts.js";
import { keyPairEvents } from "./events.js";
import { settings } from "./settings.js";

const deps = {
  store: { describe: describeKeyPairs, delete: deleteKeyPair },
  vault: { list: listPrivateKeys, delete: deletePrivateKey },
  events: keyPairEvents,
  settings,
  clock: systemClock,
};

/** One account's pass (the scope's: account-scope.ts), its calls waiting for the rate share until `deadline`. */
export const sweepKeyPairs = (deadline: number) => waitingForShareUntil(deadline, () => sweep(deps));

export interface AccountSweep {
  /** The account's id ("own" where this API's own is not known: no ACCOUNT_ID, no function ARN). */
  account: string;
  regions: RegionSweep[];
  /** Why the account was not swept (not reached, not listed), if it was not. */
  failure?: string;
}

const problemOf = (error: unknown): string => (error instanceof ServiceError ? `${error.kind}: ${error.message}` : "unexpected error");

/** The member accounts to sweep besides the API's own: the allowed set (decision 0032), none if there is none. */
async function memberAccounts(own: string | undefined): Promise<string[]> {
  if (config.ALLOWED_ACCOUNTS !== "organization" && config.ALLOWED_ACCOUNTS.length === 0) return [];
  const { allowedAccountIds } = await import("../aws/member-accounts.js");
  return (await allowedAccountIds()).filter((account) => account !== own);
}

/**
 * One pass over the API's own account, then every allowed member account (through its member role),
 * each in every allowed region. Until `deadline` (ms since the epoch) its AWS calls wait for the
 * service's rate share rather than fail: the sweep keeps to its share at its own pace. An account
 * that cannot be reached, or is not reached in time, is reported and never stops the others.
 */
export async function sweepEveryAccount(invokedFunctionArn: string | undefined, deadline: number): Promise<AccountSweep[]> {
  const own = ownAccount(invokedFunctionArn);
  const sweeps: AccountSweep[] = [];
  let members: string[] = [];
  try {
    members = await memberAccounts(own);
  } catch (error) {
    sweeps.push({ account: "organization", regions: [], failure: `the allowed accounts could not be listed: ${problemOf(error)}` });
  }
  for (const account of [undefined, ...members]) {
    const id = account ?? own ?? "own";
    if (Date.now() >= deadline) {
      sweeps.push({ account: id, regions: [], failure: "not reached before the run's time was up: left for the next run" });
      continue;
    }
    try {
      const { regions } = await inRequestedAccount(account, invokedFunctionArn, () => sweepKeyPairs(deadline));
      sweeps.push({ account: id, regions });
    } catch (error) {
      sweeps.push({ account: id, regions: [], failure: problemOf(error) });
    }
  }
  return sweeps;
}
