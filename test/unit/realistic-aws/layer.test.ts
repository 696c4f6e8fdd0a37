/**
 * The realistic layer's rules over an in-memory emulator, on a clock the test steps: what describes
 * show after each kind of change, and when; throttling per bucket; seeded determinism.
 */
import { type AwsCall, readCall } from "../../../scripts/realistic-aws/calls.js";
import { DEFAULT_CONFIG, type RealisticAwsConfig } from "../../../scripts/realistic-aws/config.js";
import { describeKeyPairsAnswer, ec2Error } from "../../../scripts/realistic-aws/ec2-xml.js";
import { selectKeyPairs } from "../../../scripts/realistic-aws/key-pair-filters.js";
import type { KeyPairView } from "../../../scripts/realistic-aws/key-pair-views.js";
import { type ForwardedAnswer, RealisticLayer } from "../../../scripts/realistic-aws/layer.js";

const CONFIG: RealisticAwsConfig = {
  ...DEFAULT_CONFIG,
  seed: 5,
  consistencyWindowMs: { min: 1000, max: 2000 },
  latency: { kind: "fixed", ms: 0 },
};

/** moto, in memory: the truth. */
function emulator() {
  const keys: KeyPairView[] = [];
  let next = 1;
  const ok = (body: string): ForwardedAnswer => ({ status: 200, headers: {}, body });
  const forward = (call: AwsCall): ForwardedAnswer => {
    const params = call.params;
    if (call.action === "CreateKeyPair") {
      if (keys.some((key) => key.keyName === params.get("KeyName"))) return ec2Error(400, "InvalidKeyPair.Duplicate", "taken");
      const keyPairId = `key-${next++}`;
      keys.push({ keyPairId, keyName: params.get("KeyName")!, keyFingerprint: `fp-${keyPairId}`, tags: [] });
      return ok(`<CreateKeyPairResponse><keyPairId>${keyPairId}</keyPairId></CreateKeyPairResponse>`);
    }
    if (call.action === "DeleteKeyPair") {
      const index = keys.findIndex((key) => key.keyPairId === params.get("KeyPairId"));
      if (index < 0) return ec2Error(400, "InvalidKeyPair.NotFound", "gone");
      keys.splice(index, 1);
      return ok("<DeleteKeyPairResponse/>");
    }
    if (call.action === "CreateTags") {
      const key = keys.find((view) => view.keyPairId === params.get("ResourceId.1"))!;
      key.tags = [
        ...key.tags.filter((tag) => tag.key !== params.get("Tag.1.Key")),
        { key: params.get("Tag.1.Key")!, value: params.get("Tag.1.Value")! },
      ];
      return ok("<CreateTagsResponse/>");
    }
    if (call.action !== "DescribeKeyPairs") return ok("<Response/>");
    const selection = selectKeyPairs(params, keys);
    if (selection === "unsupported") throw new Error("unsupported");
    return "notFound" in selection ? ec2Error(400, "InvalidKeyPair.NotFound", "no") : describeKeyPairsAnswer(selection.items, false);
  };
  const copy = (view: KeyPairView) => ({ ...view, tags: [...view.tags] });
  const source = {
    all: async () => keys.map(copy),
    one: async (_account: string, _region: string, lookup: { keyName: string } | { keyPairId: string }) => {
      const found = keys.find((key) => ("keyName" in lookup ? key.keyName === lookup.keyName : key.keyPairId === lookup.keyPairId));
      return found && copy(found);
    },
  };
  return { forward, source, keys };
}

function setup(config = CONFIG) {
  const clock = { now: 0 };
  const slept: number[] = [];
  const moto = emulator();
  const forwarded: string[] = [];
  const layer = new RealisticLayer({
    config,
    source: moto.source,
    clock: () => clock.now,
    sleep: async (ms) => {
      slept.push(ms);
    },
  });
  const call = async (action: string, params: Record<string, string> = {}, service = "ec2", account = "AKIDA") => {
    const body = Buffer.from(new URLSearchParams({ Action: action, ...params }).toString());
    const headers = {
      authorization: `AWS4-HMAC-SHA256 Credential=${account}/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host`,
    };
    const answer = await layer.handle(readCall(headers, body), async () => {
      forwarded.push(action);
      return moto.forward(readCall(headers, body));
    });
    const body_ = answer.body.toString();
    return { status: answer.status, names: [...body_.matchAll(/<keyName>([^<]+)<\/keyName>/g)].map((m) => m[1]), body: body_ };
  };
  return { clock, slept, call, forwarded, layer };
}

test("a key just created is missing from describes (by name: NotFound) until its window passes; the create itself saw the truth", async () => {
  const { clock, call } = setup();
  expect((await call("CreateKeyPair", { KeyName: "a" })).status).toBe(200);
  expect((await call("CreateKeyPair", { KeyName: "b" })).status).toBe(200);
  const byName = await call("DescribeKeyPairs", { "KeyName.1": "a" });
  expect([byName.status, byName.body]).toEqual([400, expect.stringContaining("<Code>InvalidKeyPair.NotFound</Code>")]);
  expect((await call("DescribeKeyPairs")).names).toEqual([]);
  clock.now = 999; // every window is at least 1 s
  expect((await call("DescribeKeyPairs")).names).toEqual([]);
  clock.now = 2000; // and at most 2 s
  expect((await call("DescribeKeyPairs")).names).toEqual(["a", "b"]);
});

test("a key just deleted is still described, tags and all, and matches filters on what it was", async () => {
  const { clock, call } = setup();
  await call("CreateKeyPair", { KeyName: "a" });
  await call("CreateTags", { "ResourceId.1": "key-1", "Tag.1.Key": "team", "Tag.1.Value": "x" });
  clock.now = 10_000;
  expect((await call("DescribeKeyPairs", { "Filter.1.Name": "tag:team", "Filter.1.Value.1": "x" })).names).toEqual(["a"]);
  expect((await call("DeleteKeyPair", { KeyPairId: "key-1" })).status).toBe(200);
  expect((await call("DescribeKeyPairs", { "Filter.1.Name": "tag:team", "Filter.1.Value.1": "?" })).names).toEqual(["a"]);
  expect((await call("DescribeKeyPairs", { "KeyName.1": "a" })).body).toContain("<key>team</key><value>x</value>");
  // The delete saw the truth: a second one finds nothing.
  expect((await call("DeleteKeyPair", { KeyPairId: "key-1" })).status).toBe(400);
  clock.now = 12_000;
  expect((await call("DescribeKeyPairs")).names).toEqual([]);
});

test("a tag change shows the old tags until its window passes; a change within the window keeps the oldest view", async () => {
  const { clock, call } = setup();
  await call("CreateKeyPair", { KeyName: "a" });
  clock.now = 10_000;
  const tag = (value: string) => call("CreateTags", { "ResourceId.1": "key-1", "Tag.1.Key": "state", "Tag.1.Value": value });
  const tagged = async (value: string) =>
    (await call("DescribeKeyPairs", { "Filter.1.Name": "tag:state", "Filter.1.Value.1": value })).names;
  await tag("pending");
  clock.now = 10_500;
  await tag("complete");
  expect([await tagged("pending"), await tagged("complete"), (await call("DescribeKeyPairs")).names]).toEqual([[], [], ["a"]]);
  clock.now = 12_500; // past both windows
  expect([await tagged("pending"), await tagged("complete")]).toEqual([[], ["a"]]);
});

test("a failed change changes no view: a duplicate create hides nothing", async () => {
  const { clock, call } = setup();
  await call("CreateKeyPair", { KeyName: "a" });
  clock.now = 10_000;
  expect((await call("CreateKeyPair", { KeyName: "a" })).status).toBe(400);
  expect((await call("DeleteKeyPair", { KeyPairId: "key-9" })).status).toBe(400);
  expect((await call("DescribeKeyPairs")).names).toEqual(["a"]);
});

test("a burst empties the bucket: the 101st describe is EC2's 503 RequestLimitExceeded; 50 ms later one more goes through", async () => {
  const { clock, call, forwarded } = setup();
  const answers = [];
  for (let i = 0; i < 101; i += 1)
    answers.push(await call("DescribeInstances", { "Filter.1.Name": "instance-state-name", "Filter.1.Value.1": "running" }));
  expect(answers.slice(0, 100).every((answer) => answer.status === 200)).toBe(true);
  expect([answers[100]!.status, answers[100]!.body]).toEqual([503, expect.stringContaining("<Code>RequestLimitExceeded</Code>")]);
  expect(forwarded).toHaveLength(100); // a throttled call never reaches the emulator
  clock.now = 50;
  expect((await call("DescribeInstances", { "Filter.1.Name": "instance-state-name", "Filter.1.Value.1": "running" })).status).toBe(200);
  // Unfiltered DescribeInstances is its own, smaller bucket (50); other accounts have their own buckets.
  const unfiltered = [];
  for (let i = 0; i < 51; i += 1) unfiltered.push((await call("DescribeInstances")).status);
  expect([unfiltered.filter((status) => status === 200).length, unfiltered[50]]).toEqual([50, 503]);
  expect((await call("DescribeInstances", {}, "ec2", "AKIDB")).status).toBe(200);
});

test("SSM and Auto Scaling answer their own throttling errors, from their own buckets", async () => {
  const { call } = setup();
  const ssm = [];
  for (let i = 0; i < 41; i += 1) ssm.push(await call(i % 2 ? "PutParameter" : "GetParameter", {}, "ssm"));
  expect([ssm[39]!.status, ssm[40]!.status, JSON.parse(ssm[40]!.body)]).toEqual([
    200,
    400,
    { __type: "ThrottlingException", message: "Rate exceeded" },
  ]);
  const groups = [];
  for (let i = 0; i < 101; i += 1)
    groups.push(await call(i % 2 ? "DescribeAutoScalingGroups" : "DescribeLaunchConfigurations", {}, "autoscaling"));
  expect([groups[99]!.status, groups[100]!.status, groups[100]!.body]).toEqual([
    200,
    400,
    expect.stringContaining("<Code>Throttling</Code>"),
  ]);
});

test("one seed replays the same latencies and windows; another seed does not", async () => {
  const run = async (seed: number) => {
    const { clock, slept, call } = setup({ ...CONFIG, seed, latency: { kind: "uniform", minMs: 10, maxMs: 500 } });
    await call("CreateKeyPair", { KeyName: "a" });
    let visibleAt = 0;
    for (let ms = 0; ms <= 2000 && visibleAt === 0; ms += 10) {
      clock.now = ms;
      if ((await call("DescribeKeyPairs")).names.length === 1) visibleAt = ms;
    }
    return { visibleAt, slept: slept.slice(0, 20) };
  };
  const first = await run(11);
  expect(first.visibleAt).toBeGreaterThanOrEqual(1000);
  expect(new Set(first.slept).size).toBeGreaterThan(1);
  expect(await run(11)).toEqual(first);
  expect(await run(12)).not.toEqual(first);
});
