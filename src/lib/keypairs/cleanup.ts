/**
 * Cleanup in bulk (POST /keypairs/cleanup): the managed keys that match the listing's filters, in
 * name order per region, each through the ordinary guarded delete (delete.ts: looked up by id,
 * usage checked just before, events, escrow), never forced. A dry run (the default) makes the same
 * calls with EC2's DryRun, so it selects exactly what a real run then deletes, given no change in
 * between. It stops, with a cursor, at the cap of deletions, before the request's deadline, and when
 * the service's EC2 share (or AWS) throttles: a key is never deleted on a guess.
 */
import type { CleanupRequest } from "../api/cleanup-schemas.js";
import type { CleanupCursorView, KeyUsageView } from "../api/schemas.js";
import { deleteKeyPair } from "./delete.js";
import { AFTER_DELETE_MS, DELETE_MIN_MS, LOOKUP_MS, left } from "./delete-found.js";
import { invalidFields, ServiceError } from "./errors.js";
import { matchesFilters } from "./list.js";
import type { CleanupDeps, KeyPairRecord, UsageGap } from "./ports.js";
import { isManaged } from "./views.js";

/** What starting one more key needs: its delete's phases, and a usage scan (a few pages of describes). */
export const KEY_MIN_MS = DELETE_MIN_MS + LOOKUP_MS + AFTER_DELETE_MS + 2000;

export type CleanupOutcome =
  | { outcome: "would-delete" | "deleted"; usage?: KeyUsageView }
  | { outcome: "kept-in-use" | "kept-unknown"; usage: KeyUsageView }
  | { outcome: "failed"; error: ServiceError };

export type CleanupEntry = { region: string; name: string; keyPairId: string } & CleanupOutcome;

export interface CleanupRun {
  dryRun: boolean;
  items: CleanupEntry[];
  unmanagedSkipped: number;
  stopped?: "cap" | "deadline" | "throttled" | "error";
  /** What stopped it (throttled, error). */
  error?: ServiceError;
  nextCursor?: CleanupCursorView;
}

export interface CleanupOptions {
  caller: string;
  /** When the request must have answered (ms since the epoch, on the deps' clock). */
  deadline: number;
}

const byName = (a: KeyPairRecord, b: KeyPairRecord) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The regions the request covers, from the cursor's on; a cursor for a region the request does not cover is refused. */
function regionsToDo(deps: CleanupDeps, region: string, request: CleanupRequest): string[] {
  const regions = request.allRegions ? [...deps.settings.allowedRegions] : [region];
  if (!request.cursor) return regions;
  const from = regions.indexOf(request.cursor.region);
  if (from < 0) throw invalidFields([{ field: "body.cursor.region", message: "is not a region this cleanup covers" }]);
  return regions.slice(from);
}

/** What one key's guarded delete came to; throttling (of the key's calls) is thrown: the run stops before this key. */
async function cleanOne(deps: CleanupDeps, region: string, key: KeyPairRecord, dryRun: boolean, options: CleanupOptions) {
  // The usage scan's gaps, seen on their way to the delete rule: a throttled scan stops the run (its view keeps no kind).
  let gaps: UsageGap[] = [];
  const observed: CleanupDeps = {
    ...deps,
    // A cleanup never deletes a key this service did not make, whatever the stage allows a single delete.
    settings: { ...deps.settings, allowUnmanagedDelete: false },
    usage: {
      scan: async (scanned, signal) => {
        const scan = await deps.usage.scan(scanned, signal);
        gaps = scan.incomplete;
        return scan;
      },
    },
  };
  try {
    const result = await deleteKeyPair(observed, region, { keyPairId: key.keyPairId }, { ...options, dryRun });
    return {
      outcome: { outcome: result ? "would-delete" : "deleted", ...(result?.usage ? { usage: result.usage } : {}) } as CleanupOutcome,
    };
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    if (error.kind === "throttled") throw error;
    if (error.kind === "key-in-use" && error.usage) return { outcome: { outcome: "kept-in-use", usage: error.usage } as CleanupOutcome };
    if (error.kind === "usage-unknown" && error.usage) {
      const throttled = gaps.find((gap) => gap.kind === "throttled");
      return {
        outcome: { outcome: "kept-unknown", usage: error.usage } as CleanupOutcome,
        ...(throttled ? { stop: new ServiceError("throttled", throttled.reason, { retryAfterSeconds: throttled.retryAfterSeconds }) } : {}),
      };
    }
    return { outcome: { outcome: "failed", error } as CleanupOutcome };
  }
}

export async function cleanUpKeyPairs(
  deps: CleanupDeps,
  region: string,
  request: CleanupRequest,
  options: CleanupOptions,
): Promise<CleanupRun> {
  const dryRun = request.dryRun;
  const cap = Math.min(deps.maxDeletions, request.limit ?? deps.maxDeletions);
  const run: CleanupRun = { dryRun, items: [], unmanagedSkipped: 0 };
  let deletions = 0;
  let after = request.cursor?.after;
  const stop = (why: NonNullable<CleanupRun["stopped"]>, at: string, error?: ServiceError): CleanupRun => ({
    ...run,
    stopped: why,
    ...(error ? { error } : {}),
    nextCursor: { region: at as CleanupCursorView["region"], ...(after !== undefined ? { after } : {}) },
  });
  for (const current of regionsToDo(deps, region, request)) {
    if (left(deps, options.deadline, KEY_MIN_MS) <= 0) return stop("deadline", current);
    let keys: KeyPairRecord[];
    try {
      keys = await deps.store.describe(
        current,
        undefined,
        false,
        Math.min(deps.settings.timeBudgetMs, left(deps, options.deadline, KEY_MIN_MS)),
      );
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      return stop(error.kind === "throttled" ? "throttled" : "error", current, error);
    }
    const selected = keys.filter((key) => matchesFilters(key, request) && (after === undefined || key.name > after)).sort(byName);
    for (const key of selected) {
      if (!isManaged(key.tags, deps.settings)) {
        run.unmanagedSkipped += 1;
        after = key.name;
        continue;
      }
      if (deletions >= cap) return stop("cap", current);
      if (left(deps, options.deadline, KEY_MIN_MS) <= 0) return stop("deadline", current);
      let done: Awaited<ReturnType<typeof cleanOne>>;
      try {
        done = await cleanOne(deps, current, key, dryRun, options);
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        return stop("throttled", current, error);
      }
      run.items.push({ region: current, name: key.name, keyPairId: key.keyPairId, ...done.outcome });
      // A throttled usage check: kept, and the next request checks this key again (the cursor stays before it).
      if (done.stop) return stop("throttled", current, done.stop);
      if (done.outcome.outcome === "deleted" || done.outcome.outcome === "would-delete") deletions += 1;
      after = key.name;
    }
    after = undefined;
  }
  return run;
}
