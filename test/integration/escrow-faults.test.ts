/**
 * No escrowed private key outlives its key pair, whatever stalls when: the real
 * handlers and SDK in this process, EC2 and SSM (moto) behind a stalling proxy, and the sweep
 * function invoked as its schedule would. SSM is read back here (the service itself may not).
 */
import { DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { GetParameterCommand, SSMClient } from "@aws-sdk/client-ssm";
import { configFromEnv, type RealisticAwsConfig } from "../../scripts/realistic-aws/config.js";
import { eventually } from "../support/eventually.js";
import { type Handler, inProcessEnvironment, invoke, lambdaContext } from "../support/lambda.js";
import { type StallingProxy, startStallingProxy } from "../support/stalling-proxy.js";

const region = "ap-northeast-2"; // used by no other test file
const run = `f${process.pid}${Math.random().toString(36).slice(2, 6)}`;
/**
 * Per attempt: 1 s against moto. Under REALISTIC_AWS=1 a call alone may take up to the latency's max, and a
 * lost-answer delete is looked up after its timeout: past the consistency window, describes show it gone.
 */
const REQUEST_TIMEOUT_MS = process.env.REALISTIC_AWS === "1" ? realisticTimeoutMs(configFromEnv()) : 1000;

function realisticTimeoutMs({ consistencyWindowMs, latency }: RealisticAwsConfig): number {
  const slowestCall = latency.kind === "fixed" ? latency.ms : latency.maxMs;
  return Math.max(1000, consistencyWindowMs.max + slowestCall);
}

let proxy: StallingProxy;
let createHandler: Handler;
let deleteHandler: Handler;
let sweepHandler: Handler;
let ssm: SSMClient;
let ec2: EC2Client;

beforeAll(async () => {
  proxy = await startStallingProxy(process.env.MOTO_URL!);
  inProcessEnvironment(region, {
    EC2_ENDPOINT: proxy.url,
    SSM_ENDPOINT: proxy.url,
    // The delete's usage check reads Auto Scaling too (moto serves it).
    AUTOSCALING_ENDPOINT: proxy.url,
    EC2_MAX_ATTEMPTS: "3",
    EC2_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    EC2_TOTAL_TIMEOUT_MS: "8000",
    // The sweep leaves private keys younger than this alone.
    REQUEST_MAX_SECONDS: "1",
  });
  // Imported only now: the configuration is read once, at import.
  ({ handler: createHandler } = await import("../../src/handlers/create-key-pair.js"));
  ({ handler: deleteHandler } = await import("../../src/handlers/delete-key-pair.js"));
  ({ handler: sweepHandler } = await import("../../src/functions/sweep-key-pairs.js"));
  ssm = new SSMClient({ region, endpoint: process.env.MOTO_URL, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
  ec2 = new EC2Client({ region, endpoint: process.env.MOTO_URL, credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
  // Every client's first call (providers, endpoint rules, connections) made before the tests: on a
  // loaded machine it alone can take most of the 1 s per attempt these tests keep.
  await createEscrowed(`${run}-warm`);
  expect((await remove(`${run}-warm`)).status).toBe(204);
});

afterAll(async () => {
  ssm.destroy();
  ec2.destroy();
  await proxy.close();
});

const parameterExists = (keyPairId: string) =>
  ssm.send(new GetParameterCommand({ Name: `/ec2/keypair/${keyPairId}` })).then(
    () => true,
    (error: { name?: string }) => (error.name === "ParameterNotFound" ? false : Promise.reject(error)),
  );

/** The key pair ids describes show (they lag a change under REALISTIC_AWS=1). */
const described = (keyPairId: string) =>
  ec2
    .send(new DescribeKeyPairsCommand({ Filters: [{ Name: "key-pair-id", Values: [keyPairId] }] }))
    .then((output) => output.KeyPairs ?? []);

async function createEscrowed(name: string) {
  const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body: { name, keyType: "ed25519", escrow: true } });
  expect(answer.status).toBe(201);
  const keyPairId = answer.body.keyPairId as string;
  expect(
    await eventually(
      () => described(keyPairId),
      (keys) => keys.length === 1,
    ),
  ).toHaveLength(1);
  return keyPairId;
}

const remove = (name: string) => invoke(deleteHandler, { method: "DELETE", path: `/keypairs/${name}`, pathParameters: { name } });

/** A sweep run (as its schedule invokes it) once the private key is older than REQUEST_MAX_SECONDS. */
async function sweepOnceSettled(keyPairId: string) {
  const stored = await ssm.send(new GetParameterCommand({ Name: `/ec2/keypair/${keyPairId}` })).catch(() => undefined);
  const storedAt = stored?.Parameter?.LastModifiedDate?.getTime() ?? 0;
  // Bounded wait for the grace period to pass (the sweep's rule, not a race with the emulator).
  while (Date.now() < storedAt + 1100) await new Promise((resolve) => setTimeout(resolve, 100));
  // And for describes to show the key pair gone: the sweep keeps a private key whose key pair they still show.
  expect(
    await eventually(
      () => described(keyPairId),
      (keys) => keys.length === 0,
    ),
  ).toEqual([]);
  // The API's own account: the only one this in-process stage allows.
  const { accounts } = (await sweepHandler({}, { ...lambdaContext(300_000), functionName: "sweep" })) as {
    accounts: { regions: { region: string; escrowedKeysDeleted: string[]; failures: string[] }[] }[];
  };
  expect(accounts).toHaveLength(1);
  return accounts[0]!;
}

test("DELETE whose answer EC2 holds past the timeout (it deleted the key): 504, and the private key is deleted at once", async () => {
  const name = `${run}-answer-lost`;
  const keyPairId = await createEscrowed(name);
  proxy.stall("DeleteKeyPair", REQUEST_TIMEOUT_MS * 10);
  const answer = await remove(name);
  expect(answer.status).toBe(504);
  expect(answer.body.detail).toContain(`It is gone now, and its escrowed private key /ec2/keypair/${keyPairId} was deleted.`);
  expect(await parameterExists(keyPairId)).toBe(false);
});

test("DELETE with too little of the function's time left to delete and report: 504 before any change, the key and its private key stay", async () => {
  const name = `${run}-late`;
  const keyPairId = await createEscrowed(name);
  // What this request sends (the proxy records every test's calls).
  const earlier = proxy.seen.length;
  // Less than the delete and its report keep (6 s), once the early-timeout margin is taken off.
  const answer = await invoke(
    deleteHandler,
    { method: "DELETE", path: `/keypairs/${name}`, pathParameters: { name } },
    lambdaContext(5000),
  );
  expect([answer.status, answer.body.type]).toEqual([504, expect.stringMatching(/upstream-timeout$/)]);
  expect(answer.body.detail).toContain("nothing was deleted");
  expect(proxy.seen.slice(earlier).filter((action) => action === "DeleteKeyPair")).toEqual([]);
  expect(await parameterExists(keyPairId)).toBe(true);
  expect((await remove(name)).status).toBe(204);
});

test("DELETE that EC2 receives only after the timeout: 504 says the sweep deletes the private key; EC2 deletes later; the sweep does", async () => {
  const name = `${run}-stalled`;
  const keyPairId = await createEscrowed(name);
  proxy.stall("DeleteKeyPair", 10_000, 1, "request");
  const answer = await remove(name);
  expect(answer.status).toBe(504);
  expect(answer.body.detail).toContain("the escrow sweep deletes it once its key pair is gone");
  expect(await parameterExists(keyPairId)).toBe(true);
  await proxy.idle(); // EC2 resumes and deletes the key pair
  expect((await remove(name)).status).toBe(404);
  expect(await parameterExists(keyPairId)).toBe(true);
  const summary = await sweepOnceSettled(keyPairId);
  expect(summary.regions).toEqual([{ region, expiredKeysDeleted: [], escrowedKeysDeleted: [keyPairId], failures: [] }]);
  expect(await parameterExists(keyPairId)).toBe(false);
});

test("escrow whose PutParameter SSM receives only after the service gave up: 502 never says 'nothing was kept'; the sweep removes it", async () => {
  const name = `${run}-put-stalled`;
  // Every attempt the SDK makes stalls; they reach SSM after the key pair (and the parameter) were deleted.
  proxy.stall("PutParameter", 9000, 3, "request");
  const answer = await invoke(createHandler, { method: "POST", path: "/keypairs", body: { name, keyType: "ed25519", escrow: true } });
  expect(answer.status).toBe(502);
  expect(answer.body.detail).not.toContain("nothing was kept");
  const keyPairId = /\/ec2\/keypair\/(key-[0-9a-f]+)/.exec(answer.body.detail)![1]!;
  expect(answer.body.detail).toContain("the escrow sweep deletes it once its key pair is gone");
  await proxy.idle(); // SSM resumes: the stalled put stores the private key of a key pair that is gone
  expect(await parameterExists(keyPairId)).toBe(true);
  const summary = await sweepOnceSettled(keyPairId);
  expect(summary.regions[0]!.escrowedKeysDeleted).toContain(keyPairId);
  expect(await parameterExists(keyPairId)).toBe(false);
});
