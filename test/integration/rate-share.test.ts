/**
 * The service's own share of AWS's buckets (decision 0030), against the realistic local AWS (its
 * buckets, latency), across the functions' instances (the share lives in DynamoDB, in moto): bursts
 * beyond the share answer 429 with a Retry-After from the bucket before any AWS call, the account's
 * other callers keep the rest of the bucket, and nothing is half-done: no key without its 201, no
 * escrowed private key without its key, no delete after a usage check the share cut short.
 */
import { DynamoDBClient, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { DescribeParametersCommand, SSMClient } from "@aws-sdk/client-ssm";
import { LOCAL_RATE_SHARE_TABLE, type LocalStack, startLocalStack } from "../../scripts/local-stack.js";
import { DEFAULT_CONFIG } from "../../scripts/realistic-aws/config.js";

const region = "ap-south-1";
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
const prefix = `share-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({
    // No consistency window: what is asserted here is the share, not describes that lag.
    realisticAws: {
      ...DEFAULT_CONFIG,
      seed: 30,
      consistencyWindowMs: { min: 0, max: 0 },
      latency: { kind: "uniform", minMs: 5, maxMs: 20 },
    },
    // A share of 2 %, so that no burst outlasts the refill on a slow machine: DescribeKeyPairs 2 at
    // once then 0.4/s, CreateKeyPair 1 then 0.1/s.
    env: { ALLOWED_REGIONS: `us-east-1,${region}`, RATE_SHARE_PERCENT: "2" },
    output: () => undefined,
  });
}, 180_000);
afterAll(() => stack?.stop());

const api = (path: string, init?: RequestInit) => fetch(`${stack.apiUrl}${path}`, init);

/** The request, sent again after each 429's Retry-After (at most 5 times): what a well-behaved caller does. */
async function honouringRetryAfter(path: string, init?: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await api(path, init);
    if (response.status !== 429 || attempt === 5) return response;
    await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after")) * 1000 + 200));
  }
}

/** `count` requests at once: their answers, and how long the burst took (s). */
async function burst(count: number, request: (index: number) => Promise<Response>) {
  const started = Date.now();
  const answers = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const response = await request(index);
      return { index, status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.json() };
    }),
  );
  return { answers, seconds: (Date.now() - started) / 1000 };
}

/** A 429 as the share answers it: the throttled problem, a Retry-After of whole seconds, nothing sent to AWS. */
function expectShareRefusal(
  answer: { status: number; retryAfter: string | null; body: { type: string; detail: string } },
  maxSeconds: number,
) {
  expect(answer.status).toBe(429);
  expect(answer.body.type).toMatch(/throttled$/);
  expect(answer.body.detail).toMatch(/share of .* nothing was sent/);
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(answer.retryAfter)).toBeLessThanOrEqual(maxSeconds);
}

test("a burst of lists beyond the share of DescribeKeyPairs (2 of 100, 0.4/s): 429s with Retry-After; the account keeps the rest", async () => {
  const { answers, seconds } = await burst(60, () => api(`/keypairs?region=${region}`));
  const ok = answers.filter((answer) => answer.status === 200).length;
  const refused = answers.filter((answer) => answer.status !== 200);
  expect(ok + refused.length).toBe(60);
  expect(refused.length).toBeGreaterThan(0);
  for (const answer of refused) expectShareRefusal(answer, 3);
  // The share's burst, and what refilled at its rate while the burst lasted.
  expect(ok).toBeLessThanOrEqual(2 + Math.ceil(seconds * 0.4) + 1);
  // Another caller of the account still finds most of AWS's bucket: 60 describes at once all pass.
  const other = new EC2Client({ region, endpoint: stack.awsUrl, credentials, maxAttempts: 1 });
  const results = await Promise.allSettled(Array.from({ length: 60 }, () => other.send(new DescribeKeyPairsCommand({}))));
  other.destroy();
  expect(results.filter((result) => result.status === "rejected")).toEqual([]);
}, 120_000);

test("a burst of escrowed creates beyond the share of CreateKeyPair (1, 0.1/s): every 201 has its key and escrow, every 429 made nothing", async () => {
  const { answers, seconds } = await burst(30, (index) =>
    api(`/keypairs?region=${region}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: `${prefix}-${index}`, keyType: "ed25519", escrow: true }),
    }),
  );
  const created = answers.filter((answer) => answer.status === 201);
  const refused = answers.filter((answer) => answer.status !== 201);
  expect(created.length).toBeGreaterThan(0);
  expect(refused.length).toBeGreaterThan(0);
  expect(created.length).toBeLessThanOrEqual(1 + Math.ceil(seconds * 0.1) + 1);
  // One token's interval at 0.1/s is 10 s; Retry-After rounds the wait up to whole seconds.
  for (const answer of refused) expectShareRefusal(answer, 11);
  // The truth, in moto: exactly the 201s' keys exist, and exactly their private keys are escrowed.
  const moto = new EC2Client({ region, endpoint: stack.motoUrl, credentials });
  const keys = (await moto.send(new DescribeKeyPairsCommand({}))).KeyPairs!.filter((key) => key.KeyName!.startsWith(prefix));
  moto.destroy();
  expect(keys.map((key) => key.KeyPairId).sort()).toEqual(created.map((answer) => answer.body.keyPairId).sort());
  const ssm = new SSMClient({ region, endpoint: stack.motoUrl, credentials });
  const names: string[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ssm.send(
      new DescribeParametersCommand({ ParameterFilters: [{ Key: "Path", Option: "OneLevel", Values: ["/ec2/keypair"] }], NextToken }),
    );
    names.push(...page.Parameters!.map((parameter) => parameter.Name!));
    NextToken = page.NextToken;
  } while (NextToken);
  ssm.destroy();
  expect(names.sort()).toEqual(created.map((answer) => `/ec2/keypair/${answer.body.keyPairId}`).sort());
}, 120_000);

test("a delete whose usage check the share cuts short deletes nothing (409 usage-unknown); unused=true answers 429 with the bucket's wait", async () => {
  // The create bucket is likely still spent by the test above: its Retry-After says when to come back.
  const created = await honouringRetryAfter(`/keypairs?region=${region}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: `${prefix}-guarded`, keyType: "ed25519" }),
  });
  expect(created.status).toBe(201);
  // Another instance spent the share of DescribeInstances for the next minute: its ledger item says so
  // (its key: service, account — "own", the API's —, region, bucket).
  const dynamodb = new DynamoDBClient({ region: "us-east-1", endpoint: stack.motoUrl, credentials });
  const bucket = { bucket: { S: `ec2#own/${region}#DescribeInstances` } };
  await dynamodb.send(
    new UpdateItemCommand({
      TableName: LOCAL_RATE_SHARE_TABLE,
      Key: bucket,
      UpdateExpression: "SET tat = :tat",
      ExpressionAttributeValues: { ":tat": { N: String(Date.now() + 60_000 + 5_000) } },
    }),
  );
  const refused = await api(`/keypairs/${prefix}-guarded?region=${region}`, { method: "DELETE" });
  expect(refused.status).toBe(409);
  const problem = await refused.json();
  expect(problem.type).toMatch(/usage-unknown$/);
  expect(problem.detail).toMatch(/instances: DescribeInstances: The service has used its share/);
  const moto = new EC2Client({ region, endpoint: stack.motoUrl, credentials });
  expect((await moto.send(new DescribeKeyPairsCommand({ KeyNames: [`${prefix}-guarded`] }))).KeyPairs).toHaveLength(1);
  moto.destroy();

  const unused = await api(`/keypairs?region=${region}&unused=true`);
  expectShareRefusal({ status: unused.status, retryAfter: unused.headers.get("retry-after"), body: await unused.json() }, 65);
  // The spent minute, less the time since it was set.
  expect(Number(unused.headers.get("retry-after"))).toBeGreaterThanOrEqual(40);
  dynamodb.destroy();
  // A forced delete checks nothing: it goes through (DescribeKeyPairs and DeleteKeyPair have their share).
  expect((await honouringRetryAfter(`/keypairs/${prefix}-guarded?region=${region}&force=true`, { method: "DELETE" })).status).toBe(204);
}, 120_000);
