/**
 * Other accounts of the organization: which ones requests may name (ALLOWED_ACCOUNTS), and their
 * member role's credentials (STS AssumeRole). The only module that knows @aws-sdk/client-sts and
 * @aws-sdk/client-organizations, both loaded on first use: a function never asked for another
 * account never loads them. Both caches are per instance and keyed by account: a request reads the
 * credentials of the account it names, never another's.
 */

import type { OrganizationsClient } from "@aws-sdk/client-organizations";
import type { AssumeRoleCommandOutput, STSClient } from "@aws-sdk/client-sts";
import { ServiceError } from "../keypairs/errors.js";
import { config } from "../platform/config.js";
import { logger } from "../platform/logger.js";
import type { MemberCredentials } from "./account-scope.js";
import { clientOptions } from "./clients.js";

/** Credentials are renewed this long before they expire: no call starts with credentials about to lapse. */
const RENEW_BEFORE_MS = 5 * 60_000;
const SESSION_SECONDS = 3600;

// ---- the allowed set, and the accounts under an OU ----

const errorName = (error: unknown) => (error as { name?: string } | undefined)?.name ?? "Unknown";

const listings = new Map<string, { accounts: Promise<ReadonlySet<string>>; until: number }>();
let organizationsClient: OrganizationsClient | undefined;

/** The organization's active accounts (only those under `parents`, and their OUs, if any are given). */
async function listOrganization(parents: readonly string[]): Promise<ReadonlySet<string>> {
  const organizations = await import("@aws-sdk/client-organizations");
  // Organizations has one endpoint, in us-east-1.
  organizationsClient ??= new organizations.OrganizationsClient(
    clientOptions("us-east-1", config.ORGANIZATIONS_ENDPOINT, config.EC2_MAX_ATTEMPTS),
  );
  const client = organizationsClient;
  const active = new Set<string>();
  const add = (accounts: { Id?: string; Status?: string }[] | undefined) => {
    for (const account of accounts ?? []) if (account.Id && account.Status === "ACTIVE") active.add(account.Id);
  };
  if (parents.length === 0) {
    for await (const page of organizations.paginateListAccounts({ client }, {})) add(page.Accounts);
    return active;
  }
  const pending = [...parents];
  for (let parent = pending.pop(); parent; parent = pending.pop()) {
    for await (const page of organizations.paginateListAccountsForParent({ client }, { ParentId: parent })) add(page.Accounts);
    for await (const page of organizations.paginateListOrganizationalUnitsForParent({ client }, { ParentId: parent }))
      pending.push(...(page.OrganizationalUnits ?? []).flatMap((unit) => (unit.Id ? [unit.Id] : [])));
  }
  return active;
}

/**
 * The active accounts under `parents` (the whole organization: none), listed once per
 * ALLOWED_ACCOUNTS_TTL_SECONDS per instance and set of parents; a failed listing is not kept.
 */
export async function organizationAccounts(parents: readonly string[]): Promise<ReadonlySet<string>> {
  const key = [...parents].sort().join(",");
  let listing = listings.get(key);
  if (!listing || listing.until <= Date.now()) {
    const accounts = listOrganization(parents);
    listing = { accounts, until: Date.now() + config.ALLOWED_ACCOUNTS_TTL_SECONDS * 1000 };
    listings.set(key, listing);
    accounts.catch(() => {
      if (listings.get(key)?.accounts === accounts) listings.delete(key);
    });
  }
  try {
    return await listing.accounts;
  } catch (error) {
    throw new ServiceError("upstream-error", `The organization's accounts could not be listed (${errorName(error)}).`, { cause: error });
  }
}

const allowedAccounts = async (): Promise<ReadonlySet<string>> =>
  config.ALLOWED_ACCOUNTS === "organization" ? organizationAccounts(config.ALLOWED_OUS) : new Set(config.ALLOWED_ACCOUNTS);

/** The allowed accounts, in order (the sweep visits each). */
export const allowedAccountIds = async (): Promise<string[]> => [...(await allowedAccounts())].sort();

/** Refuses an account outside the allowed set (403 account-not-allowed). */
export async function assertAccountAllowed(account: string): Promise<void> {
  if ((await allowedAccounts()).has(account)) return;
  const set = config.ALLOWED_ACCOUNTS === "organization" ? "the organization's active accounts" : "the deployment's ALLOWED_ACCOUNTS";
  throw new ServiceError("account-not-allowed", `Account ${account} is not one this API may act in (${set}).`);
}

// ---- reaching an account ----

const credentialsByAccount = new Map<string, Promise<MemberCredentials>>();
let stsClient: STSClient | undefined;

/** Why AssumeRole failed, in the caller's words: the problem names the account and the reason. */
export function assumeRoleFailure(account: string, error: unknown): ServiceError {
  const code = errorName(error);
  const role = `role ${config.MEMBER_ROLE_NAME} in account ${account}`;
  if (code === "AccessDenied" || code === "AccessDeniedException")
    return new ServiceError(
      "account-unreachable",
      `Account ${account} could not be reached: denied assuming the ${role} (it does not exist, or does not trust this API, or the external id differs) (${code}).`,
      { cause: error },
    );
  if (code === "RegionDisabledException")
    return new ServiceError(
      "account-unreachable",
      `Account ${account} could not be reached: STS is not enabled in this region for it (${code}).`,
      { cause: error },
    );
  if (code === "Throttling" || code === "ThrottlingException")
    return new ServiceError("throttled", `STS is throttling requests for account ${account} (${code}).`, {
      retryAfterSeconds: config.THROTTLE_RETRY_AFTER_SECONDS,
    });
  if (code === "TimeoutError" || code === "AbortError")
    return new ServiceError("upstream-timeout", `STS did not answer in time assuming the ${role} (${code}).`);
  return new ServiceError("upstream-error", `STS failed assuming the ${role} (${code}).`, { cause: error });
}

async function assumeMemberRole(account: string): Promise<MemberCredentials> {
  const sts = await import("@aws-sdk/client-sts");
  // The regional endpoint of the function's own region (the SDK's default for a client with a region).
  stsClient ??= new sts.STSClient(clientOptions(config.AWS_REGION ?? config.DEFAULT_REGION, config.STS_ENDPOINT, config.EC2_MAX_ATTEMPTS));
  let answer: AssumeRoleCommandOutput;
  try {
    answer = await stsClient.send(
      new sts.AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${account}:role/${config.MEMBER_ROLE_NAME}`,
        RoleSessionName: "ec2-keypairs-api",
        ExternalId: config.MEMBER_EXTERNAL_ID,
        DurationSeconds: SESSION_SECONDS,
      }),
      { abortSignal: AbortSignal.timeout(config.EC2_TOTAL_TIMEOUT_MS) },
    );
  } catch (error) {
    throw assumeRoleFailure(account, error);
  }
  const credentials = answer.Credentials;
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken || !credentials.Expiration)
    throw new ServiceError("upstream-error", `STS answered no credentials for the role ${config.MEMBER_ROLE_NAME} in account ${account}.`);
  // One line per AssumeRole (at most one per account per credential lifetime per instance): who reached which account, when.
  logger.info("member role assumed", { assumedAccount: account, expiration: credentials.Expiration.toISOString() });
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
    expiration: credentials.Expiration,
  };
}

/**
 * A member account's credentials: the instance's cached ones while they have more than a few
 * minutes left, else new ones (concurrent requests share one AssumeRole). A failure is not kept.
 */
export async function memberCredentials(account: string): Promise<MemberCredentials> {
  const cached = credentialsByAccount.get(account);
  if (cached) {
    // A pending AssumeRole's failure is this request's too.
    const credentials = await cached;
    if (credentials.expiration.getTime() - RENEW_BEFORE_MS > Date.now()) return credentials;
    if (credentialsByAccount.get(account) !== cached) return memberCredentials(account);
  }
  const fresh = assumeMemberRole(account);
  credentialsByAccount.set(account, fresh);
  fresh.catch(() => {
    if (credentialsByAccount.get(account) === fresh) credentialsByAccount.delete(account);
  });
  return fresh;
}
