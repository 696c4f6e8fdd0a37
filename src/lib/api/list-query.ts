/**
 * The query of `GET /keypairs`, a part of schemas.ts's single source of truth built from its shared
 * pieces: apart because only the list route reads it, and the read function loads that route on its
 * first request (decision 0029). In schemas.ts it was built at every cold start of the read function.
 */
import { MAX_ESTATE_CONCURRENCY } from "../platform/estate-limits.js";
import * as z from "../platform/zod.js";
import { CreatedAfter, CreatedBefore, decimalQuery, MissingTag, TagFilter } from "./filter-schemas.js";
import { Account, booleanQuery, described, END, KeyName, KeyPairId, KeyType, Region, TagKey, text } from "./schemas.js";

/** Colon-separated hex (MD5, SHA-1) or base64 (SHA-256): no character EC2 would read as a wildcard. */
const Fingerprint = /* @__PURE__ */ text({
  pattern: new RegExp(`^(?:(?:[0-9a-fA-F]{2}:){15,31}[0-9a-fA-F]{2}|[A-Za-z0-9+/]{40,64}={0,2})${END}`),
  message: "must be a colon-separated hex or base64 fingerprint",
});

export const MAX_PAGE_SIZE = 1000;

/** The most accounts an estate listing may name one by one (`accounts=a,b,...`); `all` names the whole allowed set. */
export const MAX_LISTED_ACCOUNTS = 200;
/**
 * The longest estate cursor accepted: it names at most a page's unfinished scopes (about estateConcurrency of them,
 * ~46 characters each in base64url, and the one scope the page cut with its last name).
 */
export const MAX_ESTATE_CURSOR_CHARS = 8192;

export const ListQuery = /* @__PURE__ */ z.strictObject({
  region: /* @__PURE__ */ z.optional(Region),
  account: /* @__PURE__ */ z.optional(Account),
  name: described(KeyName, "Only the key with exactly this name (matched literally: `*` and `?` are ordinary characters)."),
  keyPairId: described(KeyPairId, "Only the key with this id."),
  fingerprint: described(Fingerprint, "Only keys with exactly this fingerprint."),
  keyType: /* @__PURE__ */ z.optional(KeyType),
  tagKey: described(TagKey, "Only keys that carry a tag with this key, among the tags answers show (KeyPairTags)."),
  tag: TagFilter,
  expiresBefore: described(
    /* @__PURE__ */ z.iso.datetime({ offset: true }),
    "Only keys that expire before this instant (RFC 3339 with an offset or Z; compared as instants, not as text or a tag pattern).",
  ),
  createdBefore: CreatedBefore,
  createdAfter: CreatedAfter,
  missingTag: MissingTag,
  includePublicKey: described(booleanQuery, "Include each key's public key (OpenSSH format)."),
  includeUsage: described(
    booleanQuery,
    "Give each item its `usage` (as GET /keypairs/{name}?includeUsage=true). One scan of the region serves every key of the page.",
  ),
  unused: described(
    booleanQuery,
    "Only keys that nothing names (no instance, launch template version, launch configuration or Auto Scaling group). One scan of " +
      "the region serves every key; if the scan cannot be completed the region answers its problem (never a guess).",
  ),
  limit: /* @__PURE__ */ z._default(decimalQuery(MAX_PAGE_SIZE), MAX_PAGE_SIZE).register(z.globalRegistry, {
    description:
      "Most keys in a page. A page also ends early rather than let its body pass 4 MiB (keys with many long tags); nextCursor then says " +
      "where to go on.",
  }),
  cursor: described(KeyName, "Start after this key name: the nextCursor of the previous page."),
  accounts: described(
    text({
      pattern: new RegExp(`^(all|[0-9]{12}(,[0-9]{12}){0,${MAX_LISTED_ACCOUNTS - 1}})${END}`),
      message: `must be all, or a comma list of at most ${MAX_LISTED_ACCOUNTS} 12-digit account ids`,
    }),
    "An estate listing: every key of these accounts (`all`: the API's own and every allowed one; or a comma list of allowed " +
      "account ids), in the request's region or, with allRegions=true, in every allowed region. Each item says its account and " +
      "region, and `scopes` says per account and region how listing it went (ok, denied, unreachable, throttled, timeout, " +
      "not-enabled, forbidden, pending): one failing account or region never fails the answer. What was not listed before the " +
      "deadline comes back as nextCursor: pass it as estateCursor with the same other parameters. Not combinable with `account`.",
  ),
  estateCursor: described(
    text({
      pattern: new RegExp(`^[A-Za-z0-9_-]{1,${MAX_ESTATE_CURSOR_CHARS}}${END}`),
      message: "must be the nextCursor of an estate listing",
    }),
    "Only with `accounts`: the nextCursor of the previous estate page; the listing resumes exactly the scopes and pages it left.",
  ),
  allRegions: described(
    booleanQuery,
    "List every allowed region at once (in parallel, a few regions at a time) instead of one: each item says its region, and `regions` " +
      "says per region whether it was listed or what went wrong, so one failing region does not fail the answer. Not combinable with " +
      "`region` or `cursor` (400). At most `limit` keys in all, ordered by region then name; a region with more keys than the page holds " +
      "has `complete: false` and continues with `GET /keypairs?region=<region>&cursor=<its nextCursor>` (same filters).",
  ),
});

export type ListKeyPairsQuery = z.output<typeof ListQuery>;

/**
 * An estate cursor's content once decoded (keypairs/estate-cursor.ts): the scopes a page left open (started,
 * or cut by the page; `after` the last name served) and the first scope it never started. Hostile like every
 * input: each account and region is checked here, and again against the listing's own set when resumed.
 */
export const EstateCursor = /* @__PURE__ */ z.strictObject({
  v: z.literal(1),
  open: z.array(z.tuple([Account, z.string(), z.optional(KeyName)])).check(z.maxLength(2 * MAX_ESTATE_CONCURRENCY)),
  next: z.optional(z.tuple([Account, z.string()])),
});
