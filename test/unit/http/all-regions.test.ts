/**
 * GET /keypairs?allRegions=true with EC2 mocked: every allowed region listed in parallel (at most
 * ALL_REGIONS_CONCURRENCY at once), a failing region reported on its own, the others still listed.
 */

import { setTimeout as delay } from "node:timers/promises";
import { DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { type Handler, invoke } from "../../support/lambda.js";

// Six regions for this file (config is read at import, so the handler is imported after this).
const REGIONS = ["eu-west-1", "us-east-1", "us-west-2", "eu-central-1", "ap-southeast-2", "sa-east-1"];
process.env.ALLOWED_REGIONS = REGIONS.join(",");

const ec2 = mockClient(EC2Client);
let listHandler: Handler;
let concurrency: number;
beforeAll(async () => {
  listHandler = (await import("../../../src/handlers/list-key-pairs.js")).handler;
  concurrency = (await import("../../../src/lib/keypairs/list-all-regions.js")).ALL_REGIONS_CONCURRENCY;
});
beforeEach(() => ec2.reset());

const managedTag = { Key: "managed-by", Value: "ec2-keypairs-api" };
const keyInfo = (name: string, keyType: "rsa" | "ed25519" = "rsa") => ({
  KeyPairId: `key-${Buffer.from(name).toString("hex").padEnd(17, "0").slice(0, 17)}`,
  KeyName: name,
  KeyFingerprint: "ab:cd",
  KeyType: keyType,
  Tags: [managedTag],
});
const ec2Error = (code: string, fault: "client" | "server", httpStatusCode: number) =>
  Object.assign(new Error(`EC2 says ${code}`), { name: code, Code: code, $fault: fault, $metadata: { httpStatusCode } });

/** Answers DescribeKeyPairs per region (the region of the client the command was sent with). */
function perRegion(answer: (region: string) => Promise<object> | object) {
  ec2.on(DescribeKeyPairsCommand).callsFake(async (_input, getClient) => answer(await getClient().config.region()));
}

const list = (query: Record<string, string>) => invoke(listHandler, { method: "GET", path: "/keypairs", query });

test("lists every allowed region; one failing region is reported as its problem, the others are listed", async () => {
  perRegion((region) => {
    if (region === "us-west-2") throw ec2Error("InternalError", "server", 500);
    return { KeyPairs: [keyInfo(`b-${region}`), keyInfo(`a-${region}`)] };
  });
  const answer = await list({ allRegions: "true" });
  expect(answer.status).toBe(200);
  const ok = REGIONS.filter((region) => region !== "us-west-2");
  expect(answer.body.items.map((item: { region: string; name: string }) => `${item.region}/${item.name}`)).toEqual(
    ok.flatMap((region) => [`${region}/a-${region}`, `${region}/b-${region}`]),
  );
  for (const region of ok) expect(answer.body.regions[region]).toEqual({ status: "ok", count: 2, complete: true });
  expect(answer.body.regions["us-west-2"]).toEqual({
    status: "error",
    problem: expect.objectContaining({
      type: expect.stringMatching(/upstream-error$/),
      status: 502,
      title: expect.any(String),
      detail: "EC2 reported an internal error.",
    }),
  });
  expect(Object.keys(answer.body.regions).sort()).toEqual([...REGIONS].sort());
  expect(ec2.commandCalls(DescribeKeyPairsCommand)).toHaveLength(REGIONS.length);
});

test("a throttled region and a refused region are each their own problem", async () => {
  perRegion((region) => {
    if (region === "eu-central-1") throw ec2Error("RequestLimitExceeded", "client", 503);
    if (region === "sa-east-1") throw ec2Error("OptInRequired", "client", 401);
    return { KeyPairs: [keyInfo(`k-${region}`)] };
  });
  const answer = await list({ allRegions: "true" });
  expect(answer.status).toBe(200);
  expect(answer.body.regions["eu-central-1"].problem.status).toBe(429);
  expect(answer.body.regions["sa-east-1"].problem.status).toBe(400);
  expect(answer.body.items).toHaveLength(REGIONS.length - 2);
});

test("asks at most ALL_REGIONS_CONCURRENCY regions at once, and does ask several at once", async () => {
  let inFlight = 0;
  let most = 0;
  perRegion(async () => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    await delay(50);
    inFlight -= 1;
    return { KeyPairs: [] };
  });
  const answer = await list({ allRegions: "true" });
  expect(answer.status).toBe(200);
  expect(most).toBe(Math.min(concurrency, REGIONS.length));
  expect(concurrency).toBeLessThan(REGIONS.length);
});

test("a region that does not answer within the shared budget is a 504 problem of its own", async () => {
  perRegion((region) => (region === "ap-southeast-2" ? new Promise(() => undefined) : { KeyPairs: [keyInfo(`k-${region}`)] }));
  const started = Date.now();
  const answer = await list({ allRegions: "true" });
  expect(Date.now() - started).toBeLessThan(5000);
  expect(answer.status).toBe(200);
  expect(answer.body.regions["ap-southeast-2"]).toMatchObject({ status: "error", problem: { status: 504 } });
  expect(answer.body.items).toHaveLength(REGIONS.length - 1);
});

test("filters apply in each region; limit cuts across regions and says where each region goes on", async () => {
  perRegion((region) => ({
    KeyPairs: [keyInfo(`a-${region}`, "ed25519"), keyInfo(`b-${region}`, "ed25519"), keyInfo(`c-${region}`, "rsa")],
  }));
  const filtered = await list({ allRegions: "true", keyType: "ed25519" });
  expect(filtered.body.items).toHaveLength(REGIONS.length * 2);
  expect(filtered.body.items.every((item: { keyType: string }) => item.keyType === "ed25519")).toBe(true);

  const page = await list({ allRegions: "true", limit: "3" });
  expect(page.body.items.map((item: { name: string }) => item.name)).toEqual(["a-eu-west-1", "b-eu-west-1", "c-eu-west-1"]);
  expect(page.body.regions["eu-west-1"]).toEqual({ status: "ok", count: 3, complete: true });
  expect(page.body.regions["us-east-1"]).toEqual({ status: "ok", count: 0, complete: false });
  const four = await list({ allRegions: "true", limit: "4" });
  expect(four.body.regions["us-east-1"]).toEqual({ status: "ok", count: 1, complete: false, nextCursor: "a-us-east-1" });
  expect(four.body.nextCursor).toBeUndefined();
});

test.each([
  [{ region: "eu-west-1" }, "query.region"],
  [{ cursor: "k" }, "query.cursor"],
])("allRegions with %j is a 400 naming %s; EC2 is not called", async (extra, field) => {
  const answer = await list({ allRegions: "true", ...extra });
  expect(answer.status).toBe(400);
  expect(answer.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
  expect(ec2.calls()).toHaveLength(0);
});

test.each(["1", "TRUE", "yes", ""])("allRegions=%j is a 400", async (flag) => {
  const answer = await list({ allRegions: flag });
  expect(answer.status).toBe(400);
  expect(answer.body.errors[0].field).toBe("query.allRegions");
});

test("allRegions=false is the one-region list", async () => {
  perRegion((region) => ({ KeyPairs: [keyInfo(`k-${region}`)] }));
  const answer = await list({ allRegions: "false" });
  expect(answer.body).toEqual({ items: [expect.objectContaining({ name: "k-eu-west-1", region: "eu-west-1" })] });
});
