/**
 * GET /keypairs?accounts=...&allRegions=true over HTTP, against moto: the API's own account, the
 * local organisation's members (MEMBER holds this test's keys) and WITHOUT_ROLE (reported denied) in
 * one listing that never fails whole.
 */
import { apiClient, type Problem } from "../support/contract.js";
import { clientsIn, DENIED, MEMBERS } from "../support/member-accounts.js";

const api = apiClient();
// The local organisation of global-setup: members with the member role, and one account without it.
const MEMBER = MEMBERS[0]!;
const WITHOUT_ROLE = DENIED;
const run = `e${process.pid}${Math.random().toString(36).slice(2, 6)}`;
const OWN_KEY = { name: `${run}-own`, region: "ca-central-1" as const };
const MEMBER_KEYS = [
  { name: `${run}-m1`, region: "sa-east-1" as const, account: MEMBER },
  { name: `${run}-m2`, region: "sa-east-1" as const, account: MEMBER },
];
const estate = { accounts: "all", allRegions: true, tag: `run=${run}` };

beforeAll(async () => {
  // clientsIn builds each member's state in moto, for every allowed region (moto builds each apart); one region at a
  // time, so that moto keeps answering the other test files' calls in time.
  const regions = Object.keys((await api.GET("/keypairs", { params: { query: { allRegions: true, limit: 1 } } })).data!.regions!);
  for (const member of MEMBERS)
    for (const region of regions) {
      const { ec2, autoScaling } = await clientsIn(member, region);
      ec2.destroy();
      autoScaling.destroy();
    }
  for (const key of [OWN_KEY, ...MEMBER_KEYS]) {
    const answer = await api.POST("/keypairs", { body: { ...key, keyType: "ed25519", tags: { run } } });
    expect(answer.response.status).toBe(201);
  }
}, 120_000);

afterAll(async () => {
  for (const { name, region, ...rest } of [OWN_KEY, ...MEMBER_KEYS])
    await api.DELETE("/keypairs/{name}", { params: { path: { name }, query: { region, ...rest } } });
});

const listed = (items: { account?: string; region: string; name: string }[]) =>
  items.map((item) => `${item.account}/${item.region}/${item.name}`);

test("accounts=all&allRegions=true: 200, the keys of the API's own account and of MEMBER; WITHOUT_ROLE denied in every region", async () => {
  const answer = await api.GET("/keypairs", { params: { query: estate } });
  expect(answer.response.status).toBe(200);
  const scopes = answer.data!.scopes!;
  const own = Object.keys(scopes).find((account) => !MEMBERS.includes(account) && account !== WITHOUT_ROLE)!;
  expect(Object.keys(scopes).sort()).toEqual([own, ...MEMBERS, WITHOUT_ROLE].sort());
  for (const member of MEMBERS.slice(1))
    expect([member, ...new Set(Object.values(scopes[member]!).map(({ status }) => status))]).toEqual([member, "ok"]);
  expect(listed(answer.data!.items)).toEqual([
    `${own}/ca-central-1/${OWN_KEY.name}`,
    `${MEMBER}/sa-east-1/${MEMBER_KEYS[0]!.name}`,
    `${MEMBER}/sa-east-1/${MEMBER_KEYS[1]!.name}`,
  ]);
  const statuses = (account: string) => [...new Set(Object.values(scopes[account]!).map((scope) => scope.status))];
  expect(statuses(own)).toEqual(["ok"]);
  expect(statuses(MEMBER)).toEqual(["ok"]);
  expect(statuses(WITHOUT_ROLE)).toEqual(["denied"]);
  expect(Object.values(scopes[WITHOUT_ROLE]!)[0]!.detail).toContain(WITHOUT_ROLE);
  expect(scopes[MEMBER]!["sa-east-1"]).toEqual({ status: "ok", count: 2, complete: true });
  expect(answer.data!.nextCursor).toBeUndefined();
});

test("a page of one key leaves a cursor; following it serves exactly the rest, each key once", async () => {
  const whole = listed((await api.GET("/keypairs", { params: { query: estate } })).data!.items);
  const served: string[] = [];
  let estateCursor: string | undefined;
  let pages = 0;
  do {
    const page = await api.GET("/keypairs", { params: { query: { ...estate, limit: 1, ...(estateCursor ? { estateCursor } : {}) } } });
    expect(page.response.status).toBe(200);
    expect(page.data!.items.length).toBeLessThanOrEqual(1);
    served.push(...listed(page.data!.items));
    estateCursor = page.data!.nextCursor;
    pages += 1;
  } while (estateCursor && pages < 10);
  expect(served).toEqual(whole);
  expect(pages).toBeGreaterThanOrEqual(3);
});

test.each([
  [{ accounts: "all", account: MEMBER }, 400, "query.account"],
  [{ accounts: "12345" }, 400, "query.accounts"],
  [{ accounts: "all", estateCursor: "bm90IGpzb24" }, 400, "query.estateCursor"],
  [{ accounts: "444444444444" }, 403, undefined],
])("%j answers %i", async (query, status, field) => {
  const answer = await api.GET("/keypairs", { params: { query } });
  expect(answer.response.status).toBe(status);
  if (field) expect((answer.error as Problem).errors?.map((error) => error.field)).toEqual([field]);
  else expect((answer.error as Problem).type).toMatch(/\/account-not-allowed$/);
});
