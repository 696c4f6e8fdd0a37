import type { ListKeyPairsQuery } from "../api/list-query.js";
import type { KeyPairView } from "../api/schemas.js";
import { logger } from "../platform/logger.js";
import { invalidFields, ServiceError, unexpectedError } from "./errors.js";
import { listKeyPairs, takePage } from "./list.js";
import type { ReadDeps } from "./ports.js";

/** How many regions an allRegions list asks EC2 about at once. */
export const ALL_REGIONS_CONCURRENCY = 4;

/** How listing one region went: what it served of its keys, or the error a one-region list would have met. */
export type RegionOutcome =
  | { status: "ok"; count: number; complete: boolean; nextCursor?: string }
  | { status: "error"; error: ServiceError };

export interface AllRegionsListing {
  items: KeyPairView[];
  regions: Record<string, RegionOutcome>;
}

type Listed = { views: KeyPairView[]; more: boolean } | { error: unknown };

function refuseOneRegionParameters(query: ListKeyPairsQuery): void {
  for (const field of ["region", "cursor"] as const) {
    if (query[field] !== undefined) throw invalidFields([{ field: `query.${field}`, message: "cannot be combined with allRegions=true" }]);
  }
}

/** Lists every region, `ALL_REGIONS_CONCURRENCY` at a time, all within one time budget. */
async function listEachRegion(deps: ReadDeps, regions: string[], query: ListKeyPairsQuery): Promise<Map<string, Listed>> {
  const outcomes = new Map<string, Listed>();
  const deadline = AbortSignal.timeout(deps.settings.timeBudgetMs);
  const timedOut = new Promise<never>((_, reject) =>
    deadline.addEventListener("abort", () => reject(new ServiceError("upstream-timeout", "EC2 did not answer in time.")), { once: true }),
  );
  timedOut.catch(() => undefined);
  let next = 0;
  const worker = async () => {
    while (next < regions.length) {
      const region = regions[next++]!;
      try {
        const page = await Promise.race([listKeyPairs(deps, region, { ...query, limit: Number.MAX_SAFE_INTEGER }, deadline), timedOut]);
        outcomes.set(region, { views: page.items, more: page.nextCursor !== undefined });
      } catch (error) {
        outcomes.set(region, { error });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(ALL_REGIONS_CONCURRENCY, regions.length) }, worker));
  return outcomes;
}

/** What a region's listing says: how much of it the page served, or its error (an unexpected one logged, and a bare 500). */
function regionOutcome(region: string, listed: Listed, items: KeyPairView[]): RegionOutcome {
  if ("error" in listed) {
    if (listed.error instanceof ServiceError) {
      logger.warn("listing a region failed", { region, problem: listed.error.kind });
      return { status: "error", error: listed.error };
    }
    logger.error("listing a region failed", { region, error: listed.error as Error });
    return { status: "error", error: unexpectedError() };
  }
  const served = items.filter((view) => view.region === region);
  const complete = served.length === listed.views.length && !listed.more;
  const last = served.at(-1);
  return { status: "ok", count: served.length, complete, ...(!complete && last ? { nextCursor: last.name } : {}) };
}

/**
 * GET /keypairs?allRegions=true: every allowed region through the same describe and filters as a
 * one-region list. A region that fails is reported with its error; the others are still listed.
 * Items are ordered by region (in allowedRegions order), then name, and the page is cut as a
 * one-region page is (`limit`, MAX_PAGE_BYTES); a region cut short says so (complete: false,
 * nextCursor) and continues as a one-region list.
 */
export async function listKeyPairsInAllRegions(deps: ReadDeps, query: ListKeyPairsQuery): Promise<AllRegionsListing> {
  refuseOneRegionParameters(query);
  const regions = [...deps.settings.allowedRegions];
  const outcomes = await listEachRegion(deps, regions, query);
  const all = regions.flatMap((region) => {
    const listed = outcomes.get(region);
    return listed && "views" in listed ? listed.views : [];
  });
  const items = takePage(all, query.limit);
  return { items, regions: Object.fromEntries(regions.map((region) => [region, regionOutcome(region, outcomes.get(region)!, items)])) };
}
