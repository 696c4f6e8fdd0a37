/**
 * The report (GET /keypairs/report): what a compliance review reads, counted per region and key
 * type from one describe per region (and, if asked, one usage scan per region, as an unused listing
 * makes): ages, managed keys, and if asked the unused ones, those without a given tag, and those
 * expiring soon. Regions are read as an all-regions listing reads them; one that fails says so.
 */
import type { ReportQueryInput } from "../api/cleanup-schemas.js";
import { AGE_BUCKETS, type AgeBucket, KEY_TYPES, type ReportRowView } from "../api/schemas.js";
import { invalidFields } from "./errors.js";
import { expiresAt } from "./expiry.js";
import { matchesFilters } from "./list.js";
import { eachRegion, type RegionOutcome, regionError } from "./list-all-regions.js";
import type { KeyPairRecord, ReadDeps, UsageScan } from "./ports.js";
import { isManaged } from "./views.js";

const DAY_MS = 86_400_000;

export interface KeyPairReportRun {
  generatedAt: string;
  rows: ReportRowView[];
  regions: Record<string, RegionOutcome>;
}

/** Which age bucket a key falls in, by its creation time (none: unknown). */
export function ageBucket(createdAt: Date | undefined, now: number): AgeBucket {
  if (createdAt === undefined) return "unknown";
  const days = (now - createdAt.getTime()) / DAY_MS;
  return days < 30 ? "under30d" : days < 90 ? "30to90d" : days < 365 ? "90to365d" : "over365d";
}

/** One region's rows: a row per key type that has keys. */
export async function reportRows(
  records: KeyPairRecord[],
  region: string,
  context: { query: ReportQueryInput; now: number; settings: ReadDeps["settings"]; scan?: UsageScan },
): Promise<ReportRowView[]> {
  const { query, now, scan } = context;
  const usage = scan ? await import("./usage.js") : undefined;
  return KEY_TYPES.flatMap((keyType) => {
    const keys = records.filter((record) => record.keyType === keyType);
    if (keys.length === 0) return [];
    const age = Object.fromEntries(AGE_BUCKETS.map((bucket) => [bucket, 0])) as Record<AgeBucket, number>;
    for (const key of keys) age[ageBucket(key.createdAt, now)] += 1;
    const row: ReportRowView = {
      region,
      keyType,
      total: keys.length,
      managed: keys.filter((key) => isManaged(key.tags, context.settings)).length,
      age,
    };
    if (scan && usage) {
      const usages = keys.map((key) => usage.usageOf(scan, key.name)).filter((found) => !usage.inUse(found));
      row.unused = usages.filter((found) => found.complete).length;
      row.usageUnknown = usages.length - row.unused;
    }
    if (query.missingTag !== undefined) row.missingTag = keys.filter((key) => matchesFilters(key, { missingTag: query.missingTag })).length;
    if (query.expiringWithinDays !== undefined) {
      const until = now + query.expiringWithinDays * DAY_MS;
      row.expiringSoon = keys.filter((key) => (expiresAt(key.tags) ?? Number.POSITIVE_INFINITY) <= until).length;
    }
    return [row];
  });
}

export async function reportKeyPairs(deps: ReadDeps, region: string, query: ReportQueryInput): Promise<KeyPairReportRun> {
  if (query.allRegions && query.region !== undefined)
    throw invalidFields([{ field: "query.region", message: "cannot be combined with allRegions=true" }]);
  const regions = query.allRegions ? [...deps.settings.allowedRegions] : [region];
  const now = Date.now();
  const per = await eachRegion(deps, regions, async (current, deadline) => {
    const records = await deps.store.describe(current, undefined, false);
    let scan: UsageScan | undefined;
    if (query.includeUnused && records.length > 0) {
      // Loaded by the first report that asks (decision 0029), as an unused listing loads it.
      const { scanUsage } = await import("./usage.js");
      scan = await scanUsage(deps.usage, current, deps.settings.timeBudgetMs, deadline);
    }
    return { count: records.length, rows: await reportRows(records, current, { query, now, settings: deps.settings, scan }) };
  });
  const rows: ReportRowView[] = [];
  const outcomes: Record<string, RegionOutcome> = {};
  for (const current of regions) {
    const outcome = per.get(current)!;
    if ("error" in outcome) {
      outcomes[current] = regionError(current, outcome.error);
      continue;
    }
    rows.push(...outcome.value.rows);
    outcomes[current] = { status: "ok", count: outcome.value.count, complete: true };
  }
  return { generatedAt: new Date(now).toISOString(), rows, regions: outcomes };
}
