/**
 * Tags and expiry changed after creation. Over HTTP (serverless-offline, moto): set and remove,
 * the reserved tags refused by name, the guard, EC2's 50, dry runs, expiry set, extended and
 * cleared, 405 on the sub-paths. In this process with EventBridge in moto (as events.test.ts):
 * the two events, and the sweep leaving a key whose expiry was cleared.
 */
import { CreateKeyPairCommand, CreateTagsCommand, DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { SERVICE_TAGS } from "../../src/lib/api/reserved-tags.js";
import { apiClient, assertEventMatchesSpec, created, type KeyPair, problemOf } from "../support/contract.js";
import { type EventQueue, eventQueue } from "../support/event-queue.js";
import { type Handler, invoke, lambdaContext } from "../support/lambda.js";

const api = apiClient();
const region = "sa-east-1"; // used by no other test file
const run = `te${process.pid}${Math.random().toString(36).slice(2, 6)}`;
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
const ec2 = new EC2Client({ region, endpoint: process.env.MOTO_URL, credentials });

afterAll(() => ec2.destroy());

/** The key's tags as EC2 holds them (every tag, the service's bookkeeping included). */
async function tagsInEc2(keyPairId: string): Promise<Record<string, string>> {
  const { KeyPairs } = await ec2.send(new DescribeKeyPairsCommand({ Filters: [{ Name: "key-pair-id", Values: [keyPairId] }] }));
  return Object.fromEntries((KeyPairs?.[0]?.Tags ?? []).map((tag) => [tag.Key!, tag.Value!]));
}

async function createKey(name: string, body: Record<string, unknown> = {}): Promise<KeyPair> {
  const answer = await api.POST("/keypairs", { body: { name, region, keyType: "ed25519", ...body } });
  expect(answer.response.status).toBe(201);
  return created<KeyPair>(answer.data);
}

describe("PATCH /keypairs/{name}/tags over HTTP", () => {
  test("sets and removes tags, by name and by id; the answer is the key as GET shows it", async () => {
    const key = await createKey(`${run}-tags`, { tags: { team: "x", temp: "1" } });
    const patched = await api.PATCH("/keypairs/{name}/tags", {
      params: { path: { name: key.name } },
      body: { set: { owner: "alice", team: "y" }, remove: ["temp"], region },
    });
    expect(patched.response.status).toBe(200);
    const got = await api.GET("/keypairs/{name}", { params: { path: { name: key.name }, query: { region } } });
    expect(patched.data).toMatchObject({ keyPairId: key.keyPairId, tags: got.data!.tags });
    expect(got.data!.tags).toEqual({ ...key.tags, team: "y", owner: "alice", temp: undefined });
    expect(Object.keys(got.data!.tags)).not.toContain("temp");
    const byId = await api.PATCH("/keypairs/by-id/{keyPairId}/tags", {
      params: { path: { keyPairId: key.keyPairId } },
      body: { remove: ["owner"], region },
    });
    expect(byId.response.status).toBe(200);
    expect(await tagsInEc2(key.keyPairId)).not.toHaveProperty("owner");
    // The service's bookkeeping stays on the key.
    expect(await tagsInEc2(key.keyPairId)).toHaveProperty([SERVICE_TAGS.requestToken]);
  });

  test.each([
    [{ set: { [SERVICE_TAGS.expiresAt]: "2030-01-01T00:00:00Z" } }, SERVICE_TAGS.expiresAt],
    [{ remove: ["managed-by"] }, "managed-by"],
    [{ remove: [SERVICE_TAGS.createdBy] }, SERVICE_TAGS.createdBy],
  ])("a reserved tag is a 400 naming it, and nothing changes: %j", async (change, named) => {
    const key = await createKey(`${run}-res-${Math.random().toString(36).slice(2, 6)}`);
    const before = await tagsInEc2(key.keyPairId);
    const refused = await api.PATCH("/keypairs/{name}/tags", { params: { path: { name: key.name } }, body: { ...change, region } });
    expect(refused.response.status).toBe(400);
    expect(problemOf(refused.error).detail).toContain(named);
    expect(await tagsInEc2(key.keyPairId)).toEqual(before);
  });

  test("a key made outside the service is refused (403 unmanaged-key), untouched", async () => {
    const name = `${run}-console`;
    const made = await ec2.send(new CreateKeyPairCommand({ KeyName: name }));
    for (const [path, params, body] of [
      ["/keypairs/{name}/tags", { name }, { set: { owner: "a" }, region }],
      ["/keypairs/{name}/expiry", { name }, { ttlSeconds: 3600, region }],
    ] as const) {
      const refused =
        path === "/keypairs/{name}/tags"
          ? await api.PATCH(path, { params: { path: params }, body })
          : await api.PUT(path, { params: { path: params }, body: body as { ttlSeconds: number } });
      expect(refused.response.status).toBe(403);
      expect(problemOf(refused.error).type).toMatch(/unmanaged-key$/);
    }
    expect(await tagsInEc2(made.KeyPairId!)).toEqual({});
  });

  test("EC2's 50 tags: a change that would pass them is a 400, one that reaches 50 is made", async () => {
    const initial = Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`t${index}`, "v"]));
    const key = await createKey(`${run}-fifty`, { tags: initial });
    const count = Object.keys(await tagsInEc2(key.keyPairId)).length;
    const room = 50 - count;
    const more = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, index) => [`n${index}`, "v"]));
    const refused = await api.PATCH("/keypairs/{name}/tags", {
      params: { path: { name: key.name } },
      body: { set: more(room + 1), region },
    });
    expect(refused.response.status).toBe(400);
    expect(problemOf(refused.error).detail).toContain("EC2 allows 50");
    const made = await api.PATCH("/keypairs/{name}/tags", { params: { path: { name: key.name } }, body: { set: more(room), region } });
    expect(made.response.status).toBe(200);
    expect(Object.keys(await tagsInEc2(key.keyPairId))).toHaveLength(50);
  });

  test("dryRun changes nothing and answers the key as it would be", async () => {
    const key = await createKey(`${run}-dry`, { tags: { team: "x" } });
    const before = await tagsInEc2(key.keyPairId);
    const dry = await api.PATCH("/keypairs/{name}/tags", {
      params: { path: { name: key.name } },
      body: { set: { owner: "alice" }, remove: ["team"], dryRun: true, region },
    });
    expect(dry.response.status).toBe(200);
    expect(dry.data).toMatchObject({ dryRun: true, wouldSucceed: true, keyPair: { tags: { owner: "alice" } } });
    const expiry = await api.PUT("/keypairs/{name}/expiry", {
      params: { path: { name: key.name } },
      body: { ttlSeconds: 3600, dryRun: true, region },
    });
    expect(expiry.data).toMatchObject({ dryRun: true, keyPair: { expiresAt: expect.any(String) } });
    expect(await tagsInEc2(key.keyPairId)).toEqual(before);
  });

  test("a key both set and removed, or no change at all, is a 400", async () => {
    const key = await createKey(`${run}-both`);
    const both = await api.PATCH("/keypairs/{name}/tags", {
      params: { path: { name: key.name } },
      body: { set: { a: "1" }, remove: ["a"], region },
    });
    expect(both.response.status).toBe(400);
    const none = await api.PATCH("/keypairs/{name}/tags", { params: { path: { name: key.name } }, body: { region } });
    expect(none.response.status).toBe(400);
  });

  test("other methods on the sub-paths answer 405 with the path's Allow", async () => {
    const answer = await fetch(`${process.env.API_URL}/keypairs/${run}-x/tags`, { method: "POST" });
    expect(answer.status).toBe(405);
    expect(answer.headers.get("allow")).toBe("PATCH");
    const expiry = await fetch(`${process.env.API_URL}/keypairs/${run}-x/expiry`, { method: "GET" });
    expect(expiry.status).toBe(405);
    expect(expiry.headers.get("allow")).toBe("PUT, DELETE");
  });
});

describe("PUT and DELETE /keypairs/{name}/expiry over HTTP", () => {
  test("sets, extends and clears the expiry; out-of-bounds and both fields are 400s", async () => {
    const key = await createKey(`${run}-exp`);
    const set = await api.PUT("/keypairs/{name}/expiry", { params: { path: { name: key.name } }, body: { ttlSeconds: 3600, region } });
    expect(set.response.status).toBe(200);
    const first = Date.parse((set.data as KeyPair).expiresAt!);
    expect(first).toBeGreaterThan(Date.now() + 3500_000);
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const extended = await api.PUT("/keypairs/by-id/{keyPairId}/expiry", {
      params: { path: { keyPairId: key.keyPairId } },
      body: { expiresAt: later, region },
    });
    expect((extended.data as KeyPair).expiresAt).toBe(later);
    expect((await tagsInEc2(key.keyPairId))[SERVICE_TAGS.expiresAt]).toBe(later);
    for (const body of [{ ttlSeconds: 5 }, { ttlSeconds: 3600, expiresAt: later }, {}]) {
      const refused = await api.PUT("/keypairs/{name}/expiry", {
        params: { path: { name: key.name } },
        body: { ...body, region } as unknown as { ttlSeconds: number },
      });
      expect(refused.response.status).toBe(400);
    }
    const cleared = await api.DELETE("/keypairs/{name}/expiry", { params: { path: { name: key.name }, query: { region } } });
    expect(cleared.response.status).toBe(200);
    expect(cleared.data).not.toHaveProperty("expiresAt");
    expect(await tagsInEc2(key.keyPairId)).not.toHaveProperty([SERVICE_TAGS.expiresAt]);
  });
});

describe("events and the sweep, in this process", () => {
  const eventsRegion = "ap-southeast-2"; // used by no other test file
  const CALLER = "arn:aws:iam::123456789012:user/alice";
  let handlers: Record<"create" | "tags" | "setExpiry" | "clearExpiry" | "sweep", Handler>;
  let queue: EventQueue;

  beforeAll(async () => {
    queue = await eventQueue(eventsRegion, run);
    // Imported only now: the configuration is read once, at import.
    handlers = {
      create: (await import("../../src/handlers/create-key-pair.js")).handler,
      tags: (await import("../../src/handlers/change-key-pair-tags.js")).handler,
      setExpiry: (await import("../../src/handlers/set-key-pair-expiry.js")).handler,
      clearExpiry: (await import("../../src/handlers/clear-key-pair-expiry.js")).handler,
      sweep: (await import("../../src/functions/sweep-key-pairs.js")).handler as Handler,
    };
  });

  afterAll(() => queue.destroy());

  const call = (handler: Handler, method: string, name: string, sub: string, body?: object) =>
    invoke(handler, {
      method,
      path: `/keypairs/${name}/${sub}`,
      routeKey: `${method} /keypairs/{name}/${sub}`,
      pathParameters: { name },
      ...(body ? { body } : {}),
      iamUserArn: CALLER,
    });

  test("tags and expiry changes publish their events with before and after; a cleared key outlives the sweep", async () => {
    const made = await invoke(handlers.create, {
      method: "POST",
      path: "/keypairs",
      body: { name: `${run}-ev`, keyType: "ed25519" },
      iamUserArn: CALLER,
    });
    const doomed = await invoke(handlers.create, {
      method: "POST",
      path: "/keypairs",
      body: { name: `${run}-doomed`, keyType: "ed25519", ttlSeconds: 60 },
      iamUserArn: CALLER,
    });
    expect([made.status, doomed.status]).toEqual([201, 201]);
    const name = `${run}-ev`;
    expect((await call(handlers.tags, "PATCH", name, "tags", { set: { owner: "alice" } })).status).toBe(200);
    const set = await call(handlers.setExpiry, "PUT", name, "expiry", { ttlSeconds: 60 });
    expect(set.status).toBe(200);
    const cleared = await call(handlers.clearExpiry, "DELETE", name, "expiry");
    expect(cleared.status).toBe(200);
    // Both keys' expiry brought into the past, as if their minute had passed; the cleared key has none to bring.
    const past = new Date(Date.now() - 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
    const ec2Here = new EC2Client({ region: eventsRegion, endpoint: process.env.MOTO_URL, credentials });
    await ec2Here.send(new CreateTagsCommand({ Resources: [doomed.body.keyPairId], Tags: [{ Key: SERVICE_TAGS.expiresAt, Value: past }] }));
    const sweep = (await handlers.sweep({}, { ...lambdaContext(300_000), functionName: "sweep" })) as {
      accounts: { regions: { expiredKeysDeleted: { keyPairId: string }[] }[] }[];
    };
    expect(sweep.accounts[0]!.regions[0]!.expiredKeysDeleted.map((key) => key.keyPairId)).toEqual([doomed.body.keyPairId]);
    const left = await ec2Here.send(new DescribeKeyPairsCommand({ KeyNames: [name] }));
    expect(left.KeyPairs?.map((key) => key.KeyPairId)).toEqual([made.body.keyPairId]);
    ec2Here.destroy();

    const messages = (await queue.received(6)).filter((message) =>
      ["Key Pair Tags Changed", "Key Pair Expiry Changed"].includes(message["detail-type"] as string),
    );
    const detail = (type: string) =>
      messages.filter((message) => message["detail-type"] === type).map((message) => message.detail as Record<string, unknown>);
    const [tagsChanged] = detail("Key Pair Tags Changed");
    expect(tagsChanged).toMatchObject({
      keyPairId: made.body.keyPairId,
      caller: CALLER,
      before: { tags: { "managed-by": "ec2-keypairs-api" } },
      after: { tags: { "managed-by": "ec2-keypairs-api", owner: "alice" } },
    });
    const expiryChanges = detail("Key Pair Expiry Changed").sort((a) => ("expiresAt" in (a.before as object) ? 1 : -1));
    expect(expiryChanges).toEqual([
      expect.objectContaining({ before: {}, after: { expiresAt: set.body.expiresAt } }),
      expect.objectContaining({ before: { expiresAt: set.body.expiresAt }, after: {} }),
    ]);
    for (const message of messages) assertEventMatchesSpec(message["detail-type"] as string, message.detail);
    const text = JSON.stringify(messages);
    expect(text).not.toMatch(/PRIVATE KEY|keyMaterial/);
    expect(text).not.toContain(SERVICE_TAGS.requestToken);
  });
});
