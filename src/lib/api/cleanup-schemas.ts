/**
 * The request schemas of `POST /keypairs/cleanup` and `GET /keypairs/report`, a part of schemas.ts's
 * single source of truth: apart because only those routes read them, and each is loaded on its first
 * request (decision 0029); in schemas.ts they would be built at every cold start.
 */
import * as z from "../platform/zod.js";
import { CreatedAfter, CreatedBefore, decimalQuery, MissingTag, TagFilter } from "./filter-schemas.js";
import { Account, booleanQuery, CleanupCursor, described, KeyType, Region } from "./schemas.js";

/** The most deletions one cleanup request may ask for; the stage's cap (cleanupMaxDeletions) may be lower. */
export const MAX_CLEANUP_LIMIT = 1000;

export const CleanupBody = /* @__PURE__ */ z
  .strictObject({
    unused: z.literal(true).register(z.globalRegistry, {
      description:
        "Required, and must be true: a cleanup only ever deletes keys that nothing names, each checked again just before its delete.",
    }),
    createdBefore: CreatedBefore,
    createdAfter: CreatedAfter,
    missingTag: MissingTag,
    tag: TagFilter,
    keyType: z.optional(KeyType),
    region: z.optional(Region),
    account: z.optional(Account),
    allRegions: described(z.boolean(), "Every allowed region, one after the other (not with `region`)."),
    dryRun: z._default(z.boolean(), true).register(z.globalRegistry, {
      default: true,
      description: "True unless false is sent: nothing is deleted; each selected key answers what its delete would do (would-delete...).",
    }),
    limit: described(
      z.number().check(z.int(), z.minimum(1), z.maximum(MAX_CLEANUP_LIMIT)),
      "Most deletions (would-delete in a dry run) in this request; the stage's cap (100 by default) applies whatever is asked.",
    ),
    cursor: z.optional(CleanupCursor),
  })
  .check(
    z.refine((body: { region?: string; allRegions?: boolean }) => !(body.allRegions && body.region !== undefined), {
      message: "cannot be combined with allRegions=true",
      path: ["region"],
    }),
  )
  .register(z.globalRegistry, {
    description: "Which keys to clean up: the listing's filters by the same names.",
    example: { unused: true, createdBefore: "2026-09-01T00:00:00Z", missingTag: "owner", dryRun: true },
  });

export const EXPIRING_WITHIN_DAYS_MAX = 3650;

export const ReportQuery = /* @__PURE__ */ z.strictObject({
  region: /* @__PURE__ */ z.optional(Region),
  account: /* @__PURE__ */ z.optional(Account),
  allRegions: described(booleanQuery, "Every allowed region (in parallel, a few at a time); a region that fails says so."),
  missingTag: MissingTag,
  expiringWithinDays: described(
    decimalQuery(EXPIRING_WITHIN_DAYS_MAX),
    "Also count the keys whose expiry falls within this many days from now.",
  ),
  includeUnused: described(
    booleanQuery,
    "Also count the unused keys (nothing names them): costs one usage scan of each region, as GET /keypairs?unused=true.",
  ),
});

export type CleanupRequest = z.output<typeof CleanupBody>;
export type ReportQueryInput = z.output<typeof ReportQuery>;
