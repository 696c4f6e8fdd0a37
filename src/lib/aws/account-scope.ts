/**
 * The account a request acts in, carried by its own async work (like the logger's keys): never
 * another request's, however requests of one instance interleave. Outside any scope (INIT's
 * priming, the sweep) and for requests that name no other account, the adapters act in this API's
 * own account with the functions' own role.
 */
import { AsyncLocalStorage } from "node:async_hooks";

/** Temporary credentials of a member role, as the SDK's credential providers answer them. */
export interface MemberCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export interface AccountScope {
  /** The 12-digit account id; undefined when this API's own account is not known (no ARN, no ACCOUNT_ID). */
  id: string | undefined;
  /** A member account's credentials (assumed role); none for this API's own account. */
  credentials?: () => Promise<MemberCredentials>;
}

const scopes = new AsyncLocalStorage<AccountScope>();

export const inAccountScope = <T>(scope: AccountScope, run: () => Promise<T>): Promise<T> => scopes.run(scope, run);

export const accountScope = (): AccountScope | undefined => scopes.getStore();

/**
 * The key of a client cache: one client per (account, region). A member account's clients sign with
 * its credentials alone; this API's own account's ("own") with the functions' role.
 */
export const clientKey = (region: string): string => `${scopedAccount()}/${region}`;

/** The account of the current scope: a member account's id, or "own" (this API's account). */
export function scopedAccount(): string {
  const scope = scopes.getStore();
  return scope?.credentials ? `${scope.id}` : "own";
}

/** The credentials option of a client made in the current scope: a member account's provider, or the default chain. */
export function scopedCredentials(): { credentials?: () => Promise<MemberCredentials> } {
  const credentials = scopes.getStore()?.credentials;
  return credentials ? { credentials } : {};
}
