/** GET /keypairs?allRegions=true over HTTP, against moto: every allowed region in one answer. */
import { apiClient } from "../support/contract.js";

const api = apiClient();
const run = `${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
// Regions no other integration test file uses for its own keys.
const keys = [
  { name: `all-${run}-b`, region: "sa-east-1" as const },
  { name: `all-${run}-a`, region: "ca-central-1" as const },
  { name: `all-${run}-c`, region: "ca-central-1" as const },
];

beforeAll(async () => {
  for (const key of keys) {
    const answer = await api.POST("/keypairs", { body: { ...key, keyType: "ed25519", tags: { run } } });
    expect(answer.response.status).toBe(201);
  }
});

afterAll(async () => {
  for (const key of keys) await api.DELETE("/keypairs/{name}", { params: { path: { name: key.name }, query: { region: key.region } } });
});

test("lists every allowed region at once, each item with its region, each region reported", async () => {
  const answer = await api.GET("/keypairs", { params: { query: { allRegions: true, tag: `run=${run}` } } });
  expect(answer.response.status).toBe(200);
  expect(answer.data!.items.map((item) => `${item.region}/${item.name}`)).toEqual([
    `ca-central-1/all-${run}-a`,
    `ca-central-1/all-${run}-c`,
    `sa-east-1/all-${run}-b`,
  ]);
  const regions = answer.data!.regions!;
  expect(Object.keys(regions)).toContain("us-east-1");
  expect(Object.keys(regions).length).toBeGreaterThanOrEqual(3);
  for (const [region, outcome] of Object.entries(regions)) {
    const expected = region === "ca-central-1" ? 2 : region === "sa-east-1" ? 1 : 0;
    expect([region, outcome]).toEqual([region, { status: "ok", count: expected, complete: true }]);
  }
  expect(answer.data!.nextCursor).toBeUndefined();
});

test("a page too small for every region says where each region goes on", async () => {
  const answer = await api.GET("/keypairs", { params: { query: { allRegions: true, tag: `run=${run}`, limit: 1 } } });
  expect(answer.data!.items.map((item) => item.name)).toEqual([`all-${run}-a`]);
  expect(answer.data!.regions!["ca-central-1"]).toEqual({ status: "ok", count: 1, complete: false, nextCursor: `all-${run}-a` });
  expect(answer.data!.regions!["sa-east-1"]).toEqual({ status: "ok", count: 0, complete: false });
  const rest = await api.GET("/keypairs", { params: { query: { region: "ca-central-1", tag: `run=${run}`, cursor: `all-${run}-a` } } });
  expect(rest.data!.items.map((item) => item.name)).toEqual([`all-${run}-c`]);
});

test.each([{ region: "eu-west-1" as const }, { cursor: "k" }])("allRegions with %j is a 400", async (extra) => {
  const answer = await api.GET("/keypairs", { params: { query: { allRegions: true, ...extra } } });
  expect(answer.response.status).toBe(400);
});
