/** Listing by age and missing tag (decided after describe, before the page is cut), and the report's counts. */

import { CleanupBody, ReportQuery, type ReportQueryInput } from "../../../src/lib/api/cleanup-schemas.js";
import { type ListKeyPairsQuery, ListQuery } from "../../../src/lib/api/list-query.js";
import { SERVICE_TAGS } from "../../../src/lib/api/reserved-tags.js";
import { listKeyPairs } from "../../../src/lib/keypairs/list.js";
import { listKeyPairsInAllRegions } from "../../../src/lib/keypairs/list-all-regions.js";
import { ageBucket, reportKeyPairs } from "../../../src/lib/keypairs/report.js";
import { inMemoryDeps } from "../../support/in-memory-ports.js";

const REGION = "eu-west-1";
const DAY = 86_400_000;
const MANAGED = { "managed-by": "ec2-keypairs-api" };
const query = (overrides: Partial<ListKeyPairsQuery> = {}): ListKeyPairsQuery => ({ limit: 100, ...overrides }) as ListKeyPairsQuery;
const names = (page: { items: { name: string }[] }) => page.items.map((item) => item.name);
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

function estate() {
  const deps = inMemoryDeps();
  deps.store.seed(REGION, { name: "a-old-owned", createdAt: daysAgo(400), tags: { ...MANAGED, owner: "ann" } });
  deps.store.seed(REGION, { name: "b-old", createdAt: daysAgo(120), tags: MANAGED });
  deps.store.seed(REGION, { name: "c-old", createdAt: daysAgo(100), tags: {}, keyType: "ed25519" });
  deps.store.seed(REGION, { name: "d-new", createdAt: daysAgo(5), tags: MANAGED });
  deps.store.seed(REGION, { name: "e-undated", tags: MANAGED, createdAt: undefined });
  return deps;
}

test("createdBefore / createdAfter compare instants; a key without a creation time matches neither", async () => {
  const deps = estate();
  const ninetyDaysAgo = daysAgo(90).toISOString();
  expect(names(await listKeyPairs(deps, REGION, query({ createdBefore: ninetyDaysAgo })))).toEqual(["a-old-owned", "b-old", "c-old"]);
  expect(names(await listKeyPairs(deps, REGION, query({ createdAfter: ninetyDaysAgo })))).toEqual(["d-new"]);
  // An offset is an instant like any other: 90 days ago, written in +02:00.
  const withOffset = new Date(Date.parse(ninetyDaysAgo) + 2 * 3600_000).toISOString().replace("Z", "+02:00");
  expect(names(await listKeyPairs(deps, REGION, query({ createdBefore: withOffset })))).toEqual(["a-old-owned", "b-old", "c-old"]);
});

test("missingTag sees the tags answers show, and combines with the other filters and with unused", async () => {
  const deps = estate();
  expect(names(await listKeyPairs(deps, REGION, query({ missingTag: "owner" })))).toEqual(["b-old", "c-old", "d-new", "e-undated"]);
  // The managed-key tag is one answers show: the keys this service did not make lack it.
  expect(names(await listKeyPairs(deps, REGION, query({ missingTag: "managed-by" })))).toEqual(["c-old"]);
  deps.usage.set(REGION, { instances: [{ instanceId: "i-0123456789abcdef0", state: "running", keyName: "b-old" }] });
  const combined = query({ missingTag: "owner", createdBefore: daysAgo(90).toISOString(), keyType: "rsa", unused: true });
  expect(names(await listKeyPairs(deps, REGION, combined))).toEqual([]);
  expect(names(await listKeyPairs(deps, REGION, { ...combined, unused: undefined }))).toEqual(["b-old"]);
});

test("pages count only matching keys: the cursor walks the filtered list, one region and all regions", async () => {
  const deps = estate();
  const filtered = query({ missingTag: "owner", limit: 2 });
  const first = await listKeyPairs(deps, REGION, filtered);
  expect([names(first), first.nextCursor]).toEqual([["b-old", "c-old"], "c-old"]);
  const second = await listKeyPairs(deps, REGION, { ...filtered, cursor: first.nextCursor });
  expect([names(second), second.nextCursor]).toEqual([["d-new", "e-undated"], undefined]);
  deps.store.seed("us-east-1", { name: "z-old", createdAt: daysAgo(200), tags: MANAGED });
  const everywhere = await listKeyPairsInAllRegions(deps, query({ createdBefore: daysAgo(90).toISOString(), missingTag: "owner" }));
  expect(everywhere.items.map((item) => `${item.region}/${item.name}`)).toEqual(["eu-west-1/b-old", "eu-west-1/c-old", "us-east-1/z-old"]);
});

test("the shared zod helpers validate the new fields strictly", () => {
  expect(ListQuery.safeParse({ createdBefore: "2026-01-01" }).success).toBe(false);
  expect(ListQuery.safeParse({ createdAfter: "2026-01-01T00:00:00+01:00" }).success).toBe(true);
  expect(ListQuery.safeParse({ missingTag: "aws:cloudformation:stack-name" }).success).toBe(false);
  expect(ListQuery.safeParse({ missingTag: "" }).success).toBe(false);
  expect(CleanupBody.safeParse({ unused: false }).success).toBe(false);
  expect(CleanupBody.safeParse({}).success).toBe(false);
  expect(CleanupBody.parse({ unused: true })).toEqual({ unused: true, dryRun: true });
  expect(CleanupBody.safeParse({ unused: true, allRegions: true, region: REGION }).success).toBe(false);
  expect(CleanupBody.safeParse({ unused: true, cursor: { region: "mars-1", after: "a" } }).success).toBe(false);
  expect(ReportQuery.safeParse({ expiringWithinDays: "0" }).success).toBe(false);
  expect(ReportQuery.parse({ expiringWithinDays: "30", includeUnused: "true" })).toEqual({ expiringWithinDays: 30, includeUnused: true });
});

test("age buckets: under 30 days, 30-90, 90-365, over 365, unknown", () => {
  const now = Date.parse("2026-12-07T00:00:00Z");
  const at = (days: number) => new Date(now - days * DAY);
  expect([at(29.9), at(30), at(89.9), at(90), at(364.9), at(365), undefined].map((created) => ageBucket(created, now))).toEqual([
    "under30d",
    "30to90d",
    "30to90d",
    "90to365d",
    "90to365d",
    "over365d",
    "unknown",
  ]);
});

test("the report counts per region and key type; unused, missing tag and expiring only when asked", async () => {
  const deps = estate();
  deps.store.seed(REGION, {
    name: "f-expiring",
    createdAt: daysAgo(1),
    tags: { ...MANAGED, [SERVICE_TAGS.expiresAt]: new Date(Date.now() + 3 * DAY).toISOString() },
  });
  deps.usage.set(REGION, { instances: [{ instanceId: "i-0123456789abcdef0", state: "running", keyName: "b-old" }] });
  const plain = await reportKeyPairs(deps, REGION, {} as ReportQueryInput);
  expect(plain.rows).toEqual([
    { region: REGION, keyType: "rsa", total: 5, managed: 5, age: { under30d: 2, "30to90d": 0, "90to365d": 1, over365d: 1, unknown: 1 } },
    {
      region: REGION,
      keyType: "ed25519",
      total: 1,
      managed: 0,
      age: { under30d: 0, "30to90d": 0, "90to365d": 1, over365d: 0, unknown: 0 },
    },
  ]);
  expect(deps.usage.calls).toEqual([]);
  const asked = await reportKeyPairs(deps, REGION, { missingTag: "owner", expiringWithinDays: 7, includeUnused: true } as ReportQueryInput);
  expect(
    asked.rows.map(({ keyType, unused, usageUnknown, missingTag, expiringSoon }) => ({
      keyType,
      unused,
      usageUnknown,
      missingTag,
      expiringSoon,
    })),
  ).toEqual([
    { keyType: "rsa", unused: 4, usageUnknown: 0, missingTag: 4, expiringSoon: 1 },
    { keyType: "ed25519", unused: 1, usageUnknown: 0, missingTag: 1, expiringSoon: 0 },
  ]);
  expect(deps.usage.calls).toEqual([REGION]);
  expect(asked.regions).toEqual({ [REGION]: { status: "ok", count: 6, complete: true } });
});

test("the report across regions: a region that fails says so, the others are counted", async () => {
  const deps = estate();
  deps.store.seed("us-east-1", { name: "x", createdAt: daysAgo(40), tags: MANAGED });
  const describe: typeof deps.store.describe = (region, ...rest) =>
    region === "us-east-1" ? Promise.reject(new Error("boom")) : deps.store.describe(region, ...rest);
  const failing = { ...deps, store: { describe } };
  const report = await reportKeyPairs(failing, REGION, { allRegions: true } as ReportQueryInput);
  expect(report.rows.map((row) => row.region)).toEqual([REGION, REGION]);
  expect(report.regions["us-east-1"]).toMatchObject({ status: "error", error: { kind: "internal" } });
  const both = await reportKeyPairs(deps, REGION, { allRegions: true } as ReportQueryInput);
  expect(both.rows.map((row) => `${row.region}/${row.keyType}/${row.total}`)).toEqual([
    "eu-west-1/rsa/4",
    "eu-west-1/ed25519/1",
    "us-east-1/rsa/1",
  ]);
});
