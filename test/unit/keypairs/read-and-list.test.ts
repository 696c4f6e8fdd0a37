/** The read rules over an in-memory store: exact lookups, literal filters, pages, all regions. */
import type { ListKeyPairsQuery } from "../../../src/lib/api/list-query.js";
import { ServiceError } from "../../../src/lib/keypairs/errors.js";
import { listKeyPairs } from "../../../src/lib/keypairs/list.js";
import { ALL_REGIONS_CONCURRENCY, listKeyPairsInAllRegions } from "../../../src/lib/keypairs/list-all-regions.js";
import { getKeyPair } from "../../../src/lib/keypairs/read.js";
import { inMemoryDeps } from "../../support/in-memory-ports.js";

const REGION = "eu-west-1";
const query = (overrides: Partial<ListKeyPairsQuery> = {}): ListKeyPairsQuery => ({ limit: 100, ...overrides }) as ListKeyPairsQuery;
const names = (page: { items: { name: string }[] }) => page.items.map((item) => item.name);

test("get answers the one key named, as a view; the public key only when asked", async () => {
  const deps = inMemoryDeps();
  const key = deps.store.seed(REGION, { name: "a", publicKey: "ssh-ed25519 AAAA", tags: { "managed-by": "ec2-keypairs-api" } });
  expect(await getKeyPair(deps, REGION, { name: "a" }, {})).toEqual({
    keyPairId: key.keyPairId,
    name: "a",
    fingerprint: key.fingerprint,
    keyType: "rsa",
    region: REGION,
    tags: key.tags,
    managed: true,
    createdAt: key.createdAt!.toISOString(),
  });
  expect(await getKeyPair(deps, REGION, { keyPairId: key.keyPairId }, { includePublicKey: true })).toMatchObject({
    publicKey: "ssh-ed25519 AAAA",
  });
  await expect(getKeyPair(deps, "us-east-1", { name: "a" }, {})).rejects.toMatchObject({
    kind: "not-found",
    message: "No key pair named a in us-east-1.",
  });
});

test("filters are literal: * and ? are characters, not wildcards", async () => {
  const deps = inMemoryDeps();
  for (const name of ["a*", "ab", "a?", "b"]) deps.store.seed(REGION, { name, tags: { "team*": "x", team: name } });
  expect(names(await listKeyPairs(deps, REGION, query({ name: "a*" })))).toEqual(["a*"]);
  expect(names(await listKeyPairs(deps, REGION, query({ tag: "team=a?" })))).toEqual(["a?"]);
  expect(names(await listKeyPairs(deps, REGION, query({ tagKey: "team*" })))).toHaveLength(4);
  expect(names(await listKeyPairs(deps, REGION, query({ tagKey: "tea*" })))).toEqual([]);
});

test("pages by name: the cursor is the last name served, and the pages cover every key once", async () => {
  const deps = inMemoryDeps();
  for (const name of ["d", "b", "e", "a", "c"]) deps.store.seed(REGION, { name });
  const first = await listKeyPairs(deps, REGION, query({ limit: 2 }));
  expect([names(first), first.nextCursor]).toEqual([["a", "b"], "b"]);
  const second = await listKeyPairs(deps, REGION, query({ limit: 2, cursor: first.nextCursor }));
  const third = await listKeyPairs(deps, REGION, query({ limit: 2, cursor: second.nextCursor }));
  expect([names(second), names(third), third.nextCursor]).toEqual([["c", "d"], ["e"], undefined]);
});

describe("all regions", () => {
  test("lists each allowed region in order; a failing region carries its error, the others are listed", async () => {
    const deps = inMemoryDeps({ allowedRegions: ["eu-west-1", "us-east-1", "ap-south-1"] });
    deps.store.seed("us-east-1", { name: "u" });
    deps.store.seed("eu-west-1", { name: "e" });
    const describe = deps.store.describe.bind(deps.store);
    deps.store.describe = async (region, lookup, includePublicKey) => {
      if (region === "ap-south-1") throw new ServiceError("throttled", "EC2 is throttling requests.");
      return describe(region, lookup, includePublicKey);
    };
    const listing = await listKeyPairsInAllRegions(deps, query());
    expect(listing.items.map((item) => `${item.region}/${item.name}`)).toEqual(["eu-west-1/e", "us-east-1/u"]);
    expect(listing.regions["eu-west-1"]).toEqual({ status: "ok", count: 1, complete: true });
    expect(listing.regions["ap-south-1"]).toMatchObject({ status: "error", error: { kind: "throttled" } });
  });

  test("an error no rule expected is a bare internal error for that region", async () => {
    const deps = inMemoryDeps();
    deps.store.describe = async () => {
      throw new TypeError("secret detail");
    };
    const listing = await listKeyPairsInAllRegions(deps, query());
    expect(listing.regions["eu-west-1"]).toMatchObject({ status: "error", error: { kind: "internal" } });
    expect(JSON.stringify(listing)).not.toContain("secret detail");
  });

  test("asks at most ALL_REGIONS_CONCURRENCY regions at once; region or cursor with allRegions is refused", async () => {
    const regions = Array.from({ length: 9 }, (_, index) => `region-${index}`);
    const deps = inMemoryDeps({ allowedRegions: regions });
    let running = 0;
    let most = 0;
    deps.store.describe = async () => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      return [];
    };
    await listKeyPairsInAllRegions(deps, query());
    expect(most).toBe(ALL_REGIONS_CONCURRENCY);
    await expect(listKeyPairsInAllRegions(deps, query({ cursor: "a" }))).rejects.toMatchObject({ kind: "validation" });
  });
});
