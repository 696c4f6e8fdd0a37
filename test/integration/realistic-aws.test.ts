/**
 * REALISTIC_AWS's layer, wired by the local stack in front of moto, seen through the real SDK and
 * the API: a key just created is missing from describes until its window passes (the create itself
 * saw the truth), a key just deleted is still described, and a burst empties a bucket so the SDK
 * meets each service's own throttling error and classifies it as throttling.
 * Windows are long (6-7 s) so that "not yet visible" never depends on how fast this machine is.
 */
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from "@aws-sdk/client-auto-scaling";
import { DeleteKeyPairCommand, DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { isThrottlingError } from "@smithy/core/retry";
import { type LocalStack, startLocalStack } from "../../scripts/local-stack.js";
import { DEFAULT_CONFIG } from "../../scripts/realistic-aws/config.js";

const WINDOW = { min: 6000, max: 7000 };
const region = "eu-west-3";
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
const name = `real-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({
    realisticAws: { ...DEFAULT_CONFIG, seed: 34, consistencyWindowMs: WINDOW, latency: { kind: "uniform", minMs: 5, maxMs: 20 } },
    env: { ALLOWED_REGIONS: `us-east-1,${region}` },
    output: () => undefined,
  });
}, 180_000);
afterAll(() => stack?.stop());

/** The realistic endpoint (what the functions use), or moto itself (the truth). */
const ec2 = (endpoint: string, clientRegion = region) => new EC2Client({ region: clientRegion, endpoint, credentials, maxAttempts: 1 });
const describeByName = (client: EC2Client) =>
  client.send(new DescribeKeyPairsCommand({ KeyNames: [name] })).then(
    (output) => output.KeyPairs!.map((key) => key.KeyPairId),
    (error: Error) => error.name,
  );

test("a key created through the API is missing from describes (SDK and API) for its window, then visible; moto has it at once", async () => {
  const sentAt = Date.now(); // the window starts after this
  const created = await fetch(`${stack.apiUrl}/keypairs?region=${region}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, keyType: "ed25519" }),
  });
  expect(created.status).toBe(201);
  const { keyPairId } = await created.json();
  const realistic = ec2(stack.awsUrl);
  const moto = ec2(stack.motoUrl);
  expect(await describeByName(moto)).toEqual([keyPairId]);
  expect(await describeByName(realistic)).toBe("InvalidKeyPair.NotFound");
  expect((await fetch(`${stack.apiUrl}/keypairs/${name}?region=${region}`)).status).toBe(404);
  // Bounded wait: the window ends within 7 s of the create.
  let seen = await describeByName(realistic);
  for (let polls = 0; polls < 60 && !Array.isArray(seen); polls += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    seen = await describeByName(realistic);
  }
  expect(seen).toEqual([keyPairId]);
  expect(Date.now() - sentAt).toBeGreaterThanOrEqual(WINDOW.min);
  expect((await fetch(`${stack.apiUrl}/keypairs/${name}?region=${region}`)).status).toBe(200);

  // A delete: moto no longer has it, describes still show it.
  await realistic.send(new DeleteKeyPairCommand({ KeyPairId: keyPairId }));
  expect([await describeByName(moto), await describeByName(realistic)]).toEqual(["InvalidKeyPair.NotFound", [keyPairId]]);
  realistic.destroy();
  moto.destroy();
}, 60_000);

/** `count` calls at once with no SDK retry; the failures, each with its name and whether the SDK calls it throttling. */
async function burst<C extends { destroy(): void }>(count: number, client: C, call: (client: C) => Promise<unknown>) {
  const results = await Promise.all(
    Array.from({ length: count }, () =>
      call(client).then(
        () => "ok",
        (error: Error) => error,
      ),
    ),
  );
  client.destroy();
  const failures = results.filter((result): result is Error => result !== "ok");
  return {
    succeeded: count - failures.length,
    failures: [
      ...new Set(failures.map((error) => `${error.name} ${(error as any).$metadata?.httpStatusCode} ${isThrottlingError(error as any)}`)),
    ],
  };
}

const burstRegion = "ca-central-1"; // its buckets are untouched by the test above

test.each([
  [
    "EC2 DescribeKeyPairs (100, 20/s)",
    100,
    20,
    "RequestLimitExceeded 503 true",
    () => burst(300, ec2(stack.awsUrl, burstRegion), (client) => client.send(new DescribeKeyPairsCommand({}))),
  ],
  [
    "SSM GetParameter (40/s)",
    40,
    40,
    "ThrottlingException 400 true",
    () =>
      burst(300, new SSMClient({ region: burstRegion, endpoint: stack.awsUrl, credentials, maxAttempts: 1 }), (client) =>
        client
          .send(new GetParameterCommand({ Name: "/nothing-here" }))
          .catch((error: Error) => (error.name === "ParameterNotFound" ? undefined : Promise.reject(error))),
      ),
  ],
  [
    "Auto Scaling (one shared bucket)",
    100,
    20,
    "Throttling 400 true",
    () =>
      burst(400, new AutoScalingClient({ region: burstRegion, endpoint: stack.awsUrl, credentials, maxAttempts: 1 }), (client) =>
        client.send(new DescribeAutoScalingGroupsCommand({})),
      ),
  ],
] as const)(
  "a burst of %s empties its bucket: the SDK gets the service's throttling error",
  async (_what, capacity, refill, failure, run) => {
    const started = Date.now();
    const { succeeded, failures } = await run();
    const seconds = (Date.now() - started) / 1000;
    expect(failures).toEqual([failure]);
    expect(succeeded).toBeGreaterThanOrEqual(capacity);
    // At most the full bucket plus what refilled meanwhile.
    expect(succeeded).toBeLessThanOrEqual(capacity + Math.ceil(seconds * refill) + 1);
  },
);
