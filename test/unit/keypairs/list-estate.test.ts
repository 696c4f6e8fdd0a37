/**
 * The estate listing over in-memory accounts: each account its own in-memory store, reached through the
 * real account scope (aws/account-scope.ts), so a describe answers from the store of the scope it runs in.
 */

import { type ListKeyPairsQuery, ListQuery, MAX_ESTATE_CURSOR_CHARS } from "../../../src/lib/api/list-query.js";
import { accountScope, inAccountScope } from "../../../src/lib/aws/account-scope.js";
import { type ProblemKind, ServiceError } from "../../../src/lib/keypairs/errors.js";
import { MAX_PAGE_BYTES } from "../../../src/lib/keypairs/list.js";
import { type EstateListing, type EstatePorts, listEstate } from "../../../src/lib/keypairs/list-estate.js";
import { MAX_ESTATE_CONCURRENCY } from "../../../src/lib/platform/estate-limits.js";
import { InMemoryKeyPairStore, inMemoryDeps, TestClock } from "../../support/in-memory-ports.js";

const [OWN, A, B, C] = ["111111111111", "222222222222", "333333333333", "444444444444"];
const REGIONS = ["eu-west-1", "us-east-1"];
const query = (overrides: Partial<ListKeyPairsQuery> = {}): ListKeyPairsQuery =>
  ({ limit: 1000, accounts: "all", allRegions: true, ...overrides }) as ListKeyPairsQuery;
const later = () => Date.now() + 60_000;

interface Estate {
  stores: Map<string, InMemoryKeyPairStore>;
  unreachable: Map<string, Error>;
  reached: string[];
  /** Per account: how long its describes wait (ms), to interleave the branches. */
  delays: Map<string, number>;
  /** Describes of these accounts wait until released. */
  held: Set<string>;
  release?: () => void;
  deps: ReturnType<typeof inMemoryDeps> & { estate: EstatePorts };
}

function estate(accounts: string[], concurrency = 4): Estate {
  const base = inMemoryDeps({ allowedRegions: REGIONS });
  const stores = new Map(accounts.map((account) => [account, new InMemoryKeyPairStore(new TestClock())]));
  const world: Omit<Estate, "deps"> = { stores, unreachable: new Map(), reached: [], delays: new Map(), held: new Set() };
  const released = new Promise<void>((resolve) => {
    world.release = resolve;
  });
  const describe: InMemoryKeyPairStore["describe"] = async (region, lookup, includePublicKey) => {
    const account = accountScope()!.id!;
    await new Promise((resolve) => setTimeout(resolve, world.delays.get(account) ?? 0));
    if (world.held.has(account)) await released;
    // Read after the waits: the scope must still be this branch's.
    return stores.get(accountScope()!.id!)!.describe(region, lookup, includePublicKey);
  };
  const ports: EstatePorts = {
    concurrency,
    allowedAccounts: async () => accounts,
    reach: async (account) => {
      world.reached.push(account);
      const error = world.unreachable.get(account);
      if (error) throw error;
    },
    inAccount: (account, work) => inAccountScope({ id: account }, work),
  };
  return { ...world, deps: { ...base, store: { ...base.store, describe } as InMemoryKeyPairStore, estate: ports } };
}

const seed = (world: Estate, account: string, region: string, names: string[], tags: Record<string, string> = {}) => {
  for (const name of names) world.stores.get(account)!.seed(region, { name, tags });
};
const listed = (page: EstateListing) => page.items.map((item) => `${item.account}/${item.region}/${item.name}`);

/** Follows cursors to the end: every page, and every item in order. */
async function allPages(world: Estate, q: ListKeyPairsQuery) {
  const pages: EstateListing[] = [];
  let cursor: string | undefined;
  do {
    const page = await listEstate(world.deps, query({ ...q, ...(cursor ? { estateCursor: cursor } : {}) }), {
      deadline: later(),
      region: "eu-west-1",
    });
    pages.push(page);
    cursor = page.nextCursor;
    expect(pages.length).toBeLessThan(100);
  } while (cursor);
  return { pages, items: pages.flatMap(listed) };
}

test("every key of every account and region, each saying its account and region; filters apply", async () => {
  const world = estate([OWN, A]);
  seed(world, OWN, "eu-west-1", ["own-1"], { team: "x" });
  seed(world, A, "us-east-1", ["a-1", "a-2"], { team: "x" });
  seed(world, A, "eu-west-1", ["a-3"]);
  const page = await listEstate(world.deps, query(), { deadline: later(), region: "eu-west-1" });
  expect(listed(page)).toEqual([`${OWN}/eu-west-1/own-1`, `${A}/eu-west-1/a-3`, `${A}/us-east-1/a-1`, `${A}/us-east-1/a-2`]);
  expect(page.scopes[A]!["us-east-1"]).toEqual({ status: "ok", count: 2, complete: true });
  expect(page.nextCursor).toBeUndefined();
  const tagged = await listEstate(world.deps, query({ tag: "team=x", accounts: A }), { deadline: later(), region: "eu-west-1" });
  expect(listed(tagged)).toEqual([`${A}/us-east-1/a-1`, `${A}/us-east-1/a-2`]);
  const oneRegion = await listEstate(world.deps, query({ allRegions: undefined }), { deadline: later(), region: "us-east-1" });
  expect(Object.keys(oneRegion.scopes[OWN]!)).toEqual(["us-east-1"]);
});

test("a failing account or region is a status, by the problem it met; the others are listed", async () => {
  const accounts = ["100000000001", "100000000002", "100000000003", "100000000004", "100000000005", "100000000006", "100000000007"];
  const [ok, denied, unreachable, throttled, timeout, notEnabled, forbidden] = accounts as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const world = estate(accounts);
  seed(world, ok, "eu-west-1", ["k"]);
  const failure = (kind: string, cause?: string, ec2Code?: string) =>
    new ServiceError(kind as ProblemKind, `${kind} ${cause ?? ""}`, { ...(cause ? { cause: { name: cause } } : {}), ec2Code });
  world.unreachable.set(denied, failure("account-unreachable", "AccessDenied"));
  world.unreachable.set(unreachable, failure("account-unreachable", "RegionDisabledException"));
  world.unreachable.set(forbidden, failure("account-forbidden"));
  world.stores.get(throttled)!.failNext("describe", failure("throttled"));
  world.stores.get(timeout)!.failNext("describe", failure("upstream-timeout"));
  world.stores.get(notEnabled)!.failNext("describe", failure("validation", undefined, "OptInRequired"));
  const page = await listEstate(world.deps, query({ allRegions: undefined }), { deadline: later(), region: "eu-west-1" });
  const status = (account: string) => page.scopes[account]!["eu-west-1"]!.status;
  expect(accounts.map(status)).toEqual(["ok", "denied", "unreachable", "throttled", "timeout", "not-enabled", "forbidden"]);
  expect(page.scopes[denied]!["eu-west-1"]!.detail).toBe("account-unreachable AccessDenied");
  expect(listed(page)).toEqual([`${ok}/eu-west-1/k`]);
  // A failed status is the answer for this listing: it is not resumed.
  expect(page.nextCursor).toBeUndefined();
});

test("an account that cannot be reached is tried once per listing, whatever its number of regions", async () => {
  const world = estate([A]);
  world.unreachable.set(A, new ServiceError("account-unreachable", "denied", { cause: { name: "AccessDenied" } }));
  const page = await listEstate(world.deps, query(), { deadline: later(), region: "eu-west-1" });
  expect(Object.values(page.scopes[A]!).map((scope) => scope.status)).toEqual(["denied", "denied"]);
  expect(world.reached).toEqual([A]);
});

test("concurrent branches never see another's account, however their calls interleave", async () => {
  const accounts = Array.from({ length: 12 }, (_, index) => `2000000000${String(index).padStart(2, "0")}`);
  const world = estate(accounts, 5);
  accounts.forEach((account, index) => {
    world.delays.set(account, (index * 7) % 5);
    for (const region of REGIONS) seed(world, account, region, [`${account}-${region}`]);
  });
  const page = await listEstate(world.deps, query(), { deadline: later(), region: "eu-west-1" });
  expect(page.items).toHaveLength(24);
  for (const item of page.items) expect(item.name).toBe(`${item.account}-${item.region}`);
});

test("a cursor resumes exactly the scopes and pages left: every key once, in order, whatever the page size", async () => {
  const world = estate([OWN, A, B, C], 3);
  seed(world, OWN, "eu-west-1", ["o1", "o2", "o3"]);
  seed(world, A, "us-east-1", ["a1"]);
  seed(world, B, "eu-west-1", ["b1", "b2", "b3", "b4", "b5"]);
  seed(world, C, "us-east-1", ["c1", "c2"]);
  const whole = listed(await listEstate(world.deps, query(), { deadline: later(), region: "eu-west-1" }));
  expect(whole).toHaveLength(11);
  for (const limit of [1, 2, 4]) {
    const { pages, items } = await allPages(world, query({ limit }));
    expect(items).toEqual(whole);
    expect(pages.every((page) => page.items.length <= limit)).toBe(true);
  }
});

test("a hostile cursor cannot reach an account outside the listing: refused, nothing asked", async () => {
  const world = estate([OWN, A]);
  const forged = Buffer.from(JSON.stringify({ v: 1, open: [["999999999999", "eu-west-1"]] })).toString("base64url");
  for (const estateCursor of [forged, "bm90IGpzb24", Buffer.from('{"v":1,"open":[],"x":1}').toString("base64url")])
    await expect(listEstate(world.deps, query({ estateCursor }), { deadline: later(), region: "eu-west-1" })).rejects.toMatchObject({
      kind: "validation",
      errors: [expect.objectContaining({ field: "query.estateCursor" })],
    });
  // A cursor of a listing of A does not list OWN's scopes for a listing of A alone, nor A's for a listing of OWN.
  const ofBoth = Buffer.from(JSON.stringify({ v: 1, open: [[A, "eu-west-1"]] })).toString("base64url");
  await expect(
    listEstate(world.deps, query({ accounts: OWN, estateCursor: ofBoth }), { deadline: later(), region: "eu-west-1" }),
  ).rejects.toMatchObject({ kind: "validation" });
  expect(world.reached).toEqual([]);
});

test("accounts with account or cursor is a 400; an account named outside the allowed set is 403 account-not-allowed", async () => {
  const world = estate([OWN, A]);
  await expect(listEstate(world.deps, query({ account: A }), { deadline: later(), region: "eu-west-1" })).rejects.toMatchObject({
    kind: "validation",
    errors: [expect.objectContaining({ field: "query.account" })],
  });
  await expect(listEstate(world.deps, query({ cursor: "x" }), { deadline: later(), region: "eu-west-1" })).rejects.toMatchObject({
    kind: "validation",
  });
  await expect(listEstate(world.deps, query({ accounts: `${A},${C}` }), { deadline: later(), region: "eu-west-1" })).rejects.toMatchObject({
    kind: "account-not-allowed",
  });
  // Named twice, listed once.
  seed(world, A, "eu-west-1", ["a"]);
  const page = await listEstate(world.deps, query({ accounts: `${A},${A}` }), { deadline: later(), region: "eu-west-1" });
  expect(listed(page)).toEqual([`${A}/eu-west-1/a`]);
});

test("a page never passes MAX_PAGE_BYTES; the cursor serves the rest", async () => {
  const world = estate([OWN, A]);
  const tags = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`tag-${index}`, "v".repeat(250)]));
  const names = Array.from({ length: 300 }, (_, index) => `k${String(index).padStart(3, "0")}`);
  seed(world, OWN, "eu-west-1", names, tags);
  seed(world, A, "us-east-1", names, tags);
  const { pages, items } = await allPages(world, query());
  expect(pages.length).toBeGreaterThan(1);
  for (const page of pages) expect(Buffer.byteLength(JSON.stringify(page))).toBeLessThanOrEqual(MAX_PAGE_BYTES);
  expect(items).toHaveLength(600);
  expect(new Set(items).size).toBe(600);
});

test("what is not finished by the deadline is pending, and the cursor lists it", async () => {
  const world = estate([OWN, A, B], 2);
  seed(world, OWN, "eu-west-1", ["o"]);
  seed(world, A, "eu-west-1", ["a"]);
  seed(world, B, "eu-west-1", ["b"]);
  world.held.add(A);
  const first = await listEstate(world.deps, query({ allRegions: undefined }), { deadline: Date.now() + 50, region: "eu-west-1" });
  expect(first.scopes[OWN]!["eu-west-1"]!.status).toBe("ok");
  expect(first.scopes[A]!["eu-west-1"]!.status).toBe("pending");
  expect(listed(first)).not.toContain(`${A}/eu-west-1/a`);
  expect(first.nextCursor).toBeDefined();
  world.held.delete(A);
  world.release!();
  const rest = await listEstate(world.deps, query({ allRegions: undefined, estateCursor: first.nextCursor }), {
    deadline: later(),
    region: "eu-west-1",
  });
  expect([...listed(first), ...listed(rest)].sort()).toEqual([`${OWN}/eu-west-1/o`, `${A}/eu-west-1/a`, `${B}/eu-west-1/b`].sort());
  expect(rest.nextCursor).toBeUndefined();
});

test("at the largest concurrency, a page cut by the deadline with every scope running still gets a cursor the API accepts", async () => {
  const accounts = Array.from({ length: 70 }, (_, index) => String(500000000000 + index));
  const world = estate(accounts, MAX_ESTATE_CONCURRENCY);
  for (const account of accounts) {
    seed(world, account, "eu-west-1", ["k"]);
    world.held.add(account);
  }
  const first = await listEstate(world.deps, query(), { deadline: Date.now() + 50, region: "eu-west-1" });
  expect(first.items).toEqual([]);
  expect(first.nextCursor!.length).toBeLessThanOrEqual(MAX_ESTATE_CURSOR_CHARS);
  expect(ListQuery.safeParse({ accounts: "all", estateCursor: first.nextCursor }).success).toBe(true);
  world.held.clear();
  world.release!();
  const { items } = await allPages(world, query({ estateCursor: first.nextCursor }));
  expect(items.sort()).toEqual(accounts.map((account) => `${account}/eu-west-1/k`).sort());
});
