/**
 * Who may act where (ACCOUNT_ACCESS, stage parameter accountAccess; decision 0032): a JSON object
 * whose keys name principals and whose values list the accounts they may use, beyond their own.
 *
 *   {"111111111111": ["222222222222"],                          every caller of account 1111…: also 2222…
 *    "arn:aws:iam::111111111111:role/ci-*": ["ou-ab12-cdef3456"], its roles named ci-…: the accounts under the OU
 *    "arn:aws:iam::111111111111:role/admin": ["*"]}               its role admin: every account
 *
 * A principal is a 12-digit account id, an IAM role or user ARN (`*` in the path or name: any run
 * of characters, the only wildcard; nothing else in it is a pattern), or `unauthenticated` (the
 * caller without an IAM identity, which only the local stack has: every deployed key-pair route is
 * behind the IAM authorizer). An assumed role's identity carries its name but not its path
 * (API Gateway's userArn is arn:aws:sts::<account>:assumed-role/<name>/<session>), so a role
 * pattern's path must be `*` or none: a literal path could never be checked and is refused here.
 * Pure: no AWS. OU ids are resolved by the service (service/accounts.ts).
 */
import * as z from "./zod.js";

/** The caller without an IAM identity (http/caller.ts names it so too). */
export const UNAUTHENTICATED = "unauthenticated";

const ACCOUNT_ID = /^\d{12}$/;
const OU_ID = /^ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}$/;
/** An IAM role or user ARN pattern: partition, literal account, then the path and name (IAM's characters and `*`). */
const PRINCIPAL_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):(role|user)\/([\w+=,.@/*-]{1,512})$/;

export interface Grant {
  /** What the caller must be: an account, a role (matched on its name), a user (its path and name), or no identity. */
  principal:
    | { kind: "account"; account: string }
    | { kind: "role"; account: string; name: string }
    | { kind: "user"; account: string; pathAndName: string }
    | { kind: "unauthenticated" };
  /** Where it may act: every account, or these ids and the accounts under these OUs. */
  accounts: "*" | { ids: readonly string[]; ous: readonly string[] };
}

/** Whether `text` is `pattern`, where `*` stands for any run of characters and every other character for itself. */
export function wildcardMatches(pattern: string, text: string): boolean {
  const parts = pattern.split("*");
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (parts.length === 1) return pattern === text;
  if (!text.startsWith(first) || !text.endsWith(last) || text.length < first.length + last.length) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (const part of parts.slice(1, -1)) {
    const found = text.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}

/** A principal key, or why it is not one. */
function parsePrincipal(key: string): Grant["principal"] | string {
  if (key === UNAUTHENTICATED) return { kind: "unauthenticated" };
  if (ACCOUNT_ID.test(key)) return { kind: "account", account: key };
  const arn = PRINCIPAL_ARN.exec(key);
  if (!arn) return "must be a 12-digit account id, an IAM role or user ARN, or unauthenticated";
  const [, , account, type, rest] = arn as unknown as [string, string, string, "role" | "user", string];
  if (rest.split("/").some((segment) => segment === "")) return "must not have an empty path segment";
  if (type === "user") return { kind: "user", account, pathAndName: rest };
  const slash = rest.lastIndexOf("/");
  const path = rest.slice(0, Math.max(slash, 0));
  if (path !== "" && path !== "*")
    return "a role's path is not in the caller's identity (only its name is): write role/NAME or role/*/NAME";
  return { kind: "role", account, name: rest.slice(slash + 1) };
}

const isTarget = (value: unknown) => typeof value === "string" && (value === "*" || ACCOUNT_ID.test(value) || OU_ID.test(value));
const MAX_TARGETS = 1000;

/** ACCOUNT_ACCESS's text as grants, or what is wrong with it (each principal named). */
function parseGrants(text: string): { grants: Grant[]; problems: string[] } {
  const grants: Grant[] = [];
  const problems: string[] = [];
  if (text.trim() === "") return { grants, problems };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { grants, problems: ["must be a JSON object"] };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { grants, problems: ["must be a JSON object"] };
  for (const [key, targets] of Object.entries(value)) {
    const named = JSON.stringify(key.slice(0, 200));
    const principal = parsePrincipal(key);
    if (typeof principal === "string") problems.push(`${named} ${principal}`);
    else if (!Array.isArray(targets) || targets.length > MAX_TARGETS || !targets.every(isTarget))
      problems.push(`${named}: must list at most ${MAX_TARGETS} 12-digit account ids, OU ids (ou-…) or *`);
    else
      grants.push({
        principal,
        accounts: targets.includes("*")
          ? "*"
          : { ids: targets.filter((t: string) => ACCOUNT_ID.test(t)), ous: targets.filter((t: string) => OU_ID.test(t)) },
      });
  }
  return { grants, problems };
}

/**
 * ACCOUNT_ACCESS's text, parsed and checked once; empty: no grants (every caller acts in its own
 * account only). Checked by hand inside one transform: zod's record and array schemas would be
 * loaded at INIT by every function for this one setting (the 300 KB INIT cap).
 */
export const accountAccessSchema = z.pipe(
  z.string().check(z.maxLength(65_536)),
  z.transform((text: string, context): Grant[] => {
    const { grants, problems } = parseGrants(text);
    for (const message of problems) context.issues.push({ code: "custom", message, input: text });
    return problems.length > 0 ? z.NEVER : grants;
  }),
);

/** The caller's identity as grants read it: its account, and its role's name or user's path and name. */
export interface CallerIdentity {
  account: string | undefined;
  role?: string;
  user?: string;
}

/** Reads a caller ARN (http/caller.ts's form: an assumed role without its session); anything else names its account at most. */
export function callerIdentity(caller: string): CallerIdentity {
  const arn = /^arn:[\w-]+:(iam|sts)::(\d{12}):(.*)$/.exec(caller);
  if (!arn) return { account: undefined };
  const [, , account, resource] = arn as unknown as [string, string, string, string];
  const role = /^assumed-role\/([^/]+)$/.exec(resource)?.[1];
  if (role) return { account, role };
  const user = /^user\/(.+)$/.exec(resource)?.[1];
  return user ? { account, user } : { account };
}

/** Whether `grant` names this caller. */
export function grantNames(grant: Grant, caller: string, identity: CallerIdentity): boolean {
  const principal = grant.principal;
  switch (principal.kind) {
    case "unauthenticated":
      return caller === UNAUTHENTICATED;
    case "account":
      return identity.account === principal.account;
    case "role":
      return identity.account === principal.account && identity.role !== undefined && wildcardMatches(principal.name, identity.role);
    case "user":
      return identity.account === principal.account && identity.user !== undefined && wildcardMatches(principal.pathAndName, identity.user);
  }
}
