/**
 * GET /keypairs?accounts=...: every key of many accounts (and, with allRegions, every allowed region),
 * through the same describe and filters as a one-region list, run in each account's own scope. A
 * scope (account, region) that fails is reported with its status; the listing still answers. It
 * answers by a deadline (before API Gateway gives up) and within MAX_PAGE_BYTES: whatever it did not
 * finish or serve comes back as a cursor that resumes exactly those scopes, from the name they reached.
 */
import { type ListKeyPairsQuery, MAX_PAGE_SIZE } from "../api/list-query.js";
import type { KeyPairView, ScopeStatus } from "../api/schemas.js";
import { logger } from "../platform/logger.js";
import { invalidFields, ServiceError } from "./errors.js";
import { decodeEstateCursor, type EstateResume, encodeEstateCursor, type Scope } from "./estate-cursor.js";
import { listKeyPairs, MAX_PAGE_BYTES } from "./list.js";
import type { ReadDeps } from "./ports.js";

/** Reaching the accounts of an estate listing (service/accounts.ts; in tests, in memory). */
export interface EstatePorts {
  /** Scopes listed at once. */
  concurrency: number;
  /** The accounts a listing may name: the API's own and the allowed set. */
  allowedAccounts(): Promise<readonly string[]>;
  /** Makes `account` reachable (its member role assumed): once per account per listing. */
  reach(account: string): Promise<void>;
  /** Runs `work` in `account`'s scope: every adapter call of it uses that account's credentials. */
  inAccount<T>(account: string, work: () => Promise<T>): Promise<T>;
}

export interface EstateDeps extends ReadDeps {
  estate: EstatePorts;
}

export interface EstateListingRequest {
  /** When the answer must be on its way (ms since the epoch): scopes not finished by then are pending. */
  deadline: number;
  /** The regions: the request's one, or every allowed region (allRegions). */
  region: string;
}

export interface ScopeOutcome {
  status: ScopeStatus;
  count?: number;
  complete?: boolean;
  detail?: string;
}

export interface EstateListing {
  items: (KeyPairView & { account: string })[];
  scopes: Record<string, Record<string, ScopeOutcome>>;
  pendingScopes: number;
  nextCursor?: string;
}

/** The status of a scope whose listing failed, by the problem kind it met: the one table of it. */
const STATUS_OF_KIND: Partial<Record<string, ScopeStatus>> = {
  throttled: "throttled",
  "upstream-timeout": "timeout",
  // Per-caller authorization: the caller may not act in that account.
  "account-forbidden": "forbidden",
  "account-not-allowed": "forbidden",
  // EC2 refused the member role a call: the role is there but does not grant it.
  forbidden: "denied",
};
/** STS's codes for an AssumeRole refused (account-unreachable's cause): the role's trust, not the network. */
const DENIED_CODES = new Set(["AccessDenied", "AccessDeniedException"]);

/** A page's statuses and cursor take at most this much of MAX_PAGE_BYTES beyond what is counted per scope. */
const CURSOR_RESERVE_BYTES = 16 * 1024;
/** What one scope's status adds to the page, at most, before its detail. */
const STATUS_BYTES = 96;

function statusOf(error: unknown): ScopeOutcome {
  if (!(error instanceof ServiceError)) {
    logger.error("listing a scope failed", { error: error as Error });
    return { status: "unreachable", detail: "The service failed listing this scope." };
  }
  const cause = (error.cause as { name?: string } | undefined)?.name;
  const status =
    error.kind === "account-unreachable"
      ? DENIED_CODES.has(cause ?? "")
        ? "denied"
        : "unreachable"
      : error.ec2Code === "OptInRequired"
        ? "not-enabled"
        : (STATUS_OF_KIND[error.kind] ?? "unreachable");
  return { status, detail: error.message };
}

type Finished = { views: KeyPairView[] } | { failed: ScopeOutcome };

/** Splits `accounts=` into the ids it names (deduplicated), every one allowed (else 403, as for `account`). */
async function requestedAccounts(estate: EstatePorts, accounts: string): Promise<string[]> {
  const allowed = await estate.allowedAccounts();
  if (accounts === "all") return [...allowed].sort();
  const named = [...new Set(accounts.split(","))].sort();
  const outside = named.filter((account) => !allowed.includes(account));
  if (outside.length > 0)
    throw new ServiceError("account-not-allowed", `Accounts ${outside.join(", ")} are not ones this API may act in (ALLOWED_ACCOUNTS).`);
  return named;
}

function refuseOtherParameters(query: ListKeyPairsQuery): void {
  const refused = [
    ...(query.account !== undefined
      ? [{ field: "query.account", message: "cannot be combined with accounts (name them in accounts)" }]
      : []),
    ...(query.cursor !== undefined ? [{ field: "query.cursor", message: "an estate listing resumes with estateCursor" }] : []),
    ...(query.allRegions && query.region !== undefined
      ? [{ field: "query.region", message: "cannot be combined with allRegions=true" }]
      : []),
  ];
  if (refused.length > 0) throw invalidFields(refused);
}

/** The scopes in the listing's order (accounts, then regions), from where a cursor resumes them. */
function orderedWork(accounts: string[], regions: string[], resume: EstateResume | undefined): Scope[] {
  const all = accounts.flatMap((account) => regions.map((region) => ({ account, region })));
  if (!resume) return all;
  const next = resume.next;
  const from = next ? all.findIndex((scope) => scope.account === next.account && scope.region === next.region) : all.length;
  return [...resume.open, ...all.slice(from)];
}

const viewBytes = (view: KeyPairView) => Buffer.byteLength(JSON.stringify(view)) + 1;

export async function listEstate(deps: EstateDeps, query: ListKeyPairsQuery, request: EstateListingRequest): Promise<EstateListing> {
  refuseOtherParameters(query);
  const { estate } = deps;
  const accounts = await requestedAccounts(estate, query.accounts!);
  const regions = query.allRegions ? [...deps.settings.allowedRegions] : [request.region];
  const resume =
    query.estateCursor === undefined
      ? undefined
      : decodeEstateCursor(query.estateCursor, (account, region) => accounts.includes(account) && regions.includes(region));
  const work = orderedWork(accounts, regions, resume);
  const limit = query.limit ?? MAX_PAGE_SIZE;

  // ---- the fan-out: scopes in order, `concurrency` at a time, none started once the page is full or the deadline near ----
  const finished = new Map<number, Finished>();
  const reached = new Map<string, Promise<void>>();
  let started = 0;
  let collectedKeys = 0;
  let collectedBytes = 0;
  const full = () => collectedKeys >= limit || collectedBytes >= MAX_PAGE_BYTES - CURSOR_RESERVE_BYTES;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, request.deadline - Date.now()));
  });
  const scopeQuery = { ...query, limit: Number.MAX_SAFE_INTEGER };
  const listScope = async (index: number) => {
    const { account, region, after } = work[index]!;
    try {
      if (!reached.has(account)) reached.set(account, estate.reach(account));
      await reached.get(account);
      const page = await estate.inAccount(account, () => listKeyPairs(deps, region, { ...scopeQuery, cursor: after }));
      finished.set(index, { views: page.items });
      collectedKeys += page.items.length;
      collectedBytes += STATUS_BYTES + page.items.reduce((sum, view) => sum + viewBytes(view), 0);
    } catch (error) {
      const failed = statusOf(error);
      finished.set(index, { failed });
      collectedBytes += STATUS_BYTES + Buffer.byteLength(failed.detail ?? "");
    }
  };
  const worker = async () => {
    while (started < work.length && !full() && Date.now() < request.deadline) await listScope(started++);
  };
  const workers = Array.from({ length: Math.min(estate.concurrency, work.length) }, worker);
  await Promise.race([Promise.all(workers), deadline]);
  clearTimeout(timer);

  // ---- the page: scopes in order, each served whole until the page is full; the rest (and the unfinished) resumable ----
  const items: EstateListing["items"] = [];
  const scopes: EstateListing["scopes"] = {};
  const open: Scope[] = [];
  let bytes = CURSOR_RESERVE_BYTES;
  for (let index = 0; index < started; index += 1) {
    const scope = work[index]!;
    const done = finished.get(index);
    let outcome: ScopeOutcome;
    if (!done) {
      outcome = { status: "pending" };
      open.push(scope);
    } else if ("failed" in done) {
      outcome = done.failed;
    } else {
      let count = 0;
      for (const view of done.views) {
        const size = viewBytes({ ...view, account: scope.account }) + STATUS_BYTES;
        if (items.length >= limit || bytes + size > MAX_PAGE_BYTES) break;
        items.push({ ...view, account: scope.account });
        bytes += size;
        count += 1;
      }
      const complete = count === done.views.length;
      outcome = { status: "ok", count, complete };
      if (!complete) open.push({ ...scope, after: count > 0 ? done.views[count - 1]!.name : scope.after });
    }
    bytes += STATUS_BYTES + Buffer.byteLength(outcome.detail ?? "");
    scopes[scope.account] ??= {};
    scopes[scope.account]![scope.region] = outcome;
  }
  // A cursor's open scopes not started stay open; the listing's order resumes at its first scope not started.
  const openedBefore = resume?.open.length ?? 0;
  const stillOpen = resume ? resume.open.slice(started) : [];
  const next = started < openedBefore ? resume!.next : work[started];
  const left: EstateResume = { open: [...open, ...stillOpen], ...(next ? { next: { account: next.account, region: next.region } } : {}) };
  const more = left.open.length > 0 || left.next !== undefined;
  if (more) logger.info("estate listing answers with a cursor", { open: left.open.length, notStarted: work.length - started });
  return { items, scopes, pendingScopes: work.length - started, ...(more ? { nextCursor: encodeEstateCursor(left) } : {}) };
}
