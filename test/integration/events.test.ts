/**
 * Every change is an event on EventBridge: the real handlers and the sweep function in
 * this process, EC2, SSM and EventBridge in moto. A rule on the test's own bus delivers to an SQS
 * queue; the four events are read back from it, every field checked, no private key text in any.
 */
import { CreateTagsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { CreateEventBusCommand, EventBridgeClient, PutRuleCommand, PutTargetsCommand } from "@aws-sdk/client-eventbridge";
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { LOCAL_IDEMPOTENCY_TABLE } from "../../scripts/local-stack.js";
import { assertEventMatchesSpec } from "../support/contract.js";
import { ed25519PublicKey } from "../support/keys.js";
import { type Handler, invoke, lambdaContext } from "../support/lambda.js";

const region = "eu-north-1"; // used by no other test file
const run = `ev${process.pid}${Math.random().toString(36).slice(2, 6)}`;
const BUS = `keypair-events-${run}`;
const CALLER = "arn:aws:iam::123456789012:user/alice";
const IDEMPOTENCY_KEY = `idem-${run}-do-not-publish`;
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };

let handlers: Record<"create" | "import" | "remove" | "sweep", Handler>;
let sqs: SQSClient;
let queueUrl: string;

beforeAll(async () => {
  const endpoint = process.env.MOTO_URL!;
  const events = new EventBridgeClient({ region, endpoint, credentials });
  sqs = new SQSClient({ region, endpoint, credentials });
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: run }))).QueueUrl!;
  const queue = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }));
  await events.send(new CreateEventBusCommand({ Name: BUS }));
  await events.send(new PutRuleCommand({ Name: run, EventBusName: BUS, EventPattern: JSON.stringify({ source: ["ec2-keypairs-api"] }) }));
  await events.send(new PutTargetsCommand({ Rule: run, EventBusName: BUS, Targets: [{ Id: "queue", Arn: queue.Attributes!.QueueArn! }] }));
  events.destroy();
  Object.assign(process.env, {
    EC2_ENDPOINT: endpoint,
    SSM_ENDPOINT: endpoint,
    EVENTS_ENDPOINT: endpoint,
    AUTOSCALING_ENDPOINT: endpoint,
    // The Idempotency-Key ledger, where the local stack made it.
    DYNAMODB_ENDPOINT: process.env.MOTO_TRUTH_URL!,
    IDEMPOTENCY_TABLE: LOCAL_IDEMPOTENCY_TABLE,
    EVENTS_REGION: region,
    EVENT_BUS_NAME: BUS,
    DEFAULT_REGION: region,
    ALLOWED_REGIONS: region,
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
    LOG_LEVEL: "SILENT",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  });
  // Imported only now: the configuration is read once, at import.
  handlers = {
    create: (await import("../../src/handlers/create-key-pair.js")).handler,
    import: (await import("../../src/handlers/import-key-pair.js")).handler,
    remove: (await import("../../src/handlers/delete-key-pair.js")).handler,
    sweep: (await import("../../src/functions/sweep-key-pairs.js")).handler as Handler,
  };
});

afterAll(() => sqs.destroy());

/** Every message the queue holds, until `count` arrived (bounded: moto delivers as PutEvents answers). */
async function received(count: number): Promise<Record<string, unknown>[]> {
  const messages: Record<string, unknown>[] = [];
  for (let attempt = 0; attempt < 10 && messages.length < count; attempt++) {
    const page = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    messages.push(...(page.Messages ?? []).map((message) => JSON.parse(message.Body!) as Record<string, unknown>));
  }
  return messages;
}

test("create, import, delete and expiry each publish one event with every field, and none carries a private key", async () => {
  const created = await invoke(handlers.create, {
    method: "POST",
    path: "/keypairs",
    body: { name: `${run}-made`, keyType: "ed25519", escrow: true, ttlSeconds: 3600 },
    headers: { "content-type": "application/json", "idempotency-key": IDEMPOTENCY_KEY },
    iamUserArn: CALLER,
  });
  expect(created.status).toBe(201);
  const publicKey = ed25519PublicKey();
  const imported = await invoke(handlers.import, {
    method: "POST",
    path: "/keypairs/import",
    body: { name: `${run}-imported`, publicKey, ttlSeconds: 60 },
    iamUserArn: CALLER,
  });
  expect(imported.status).toBe(201);
  const deleted = await invoke(handlers.remove, {
    method: "DELETE",
    path: `/keypairs/${run}-made`,
    pathParameters: { name: `${run}-made` },
    iamUserArn: "arn:aws:iam::123456789012:user/bob",
  });
  expect(deleted.status).toBe(204);
  // The imported key's expiry, brought forward (as if its minute had passed), then one sweep run as its schedule invokes it.
  const past = new Date(Date.now() - 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  const ec2 = new EC2Client({ region, endpoint: process.env.MOTO_URL, credentials });
  await ec2.send(
    new CreateTagsCommand({ Resources: [imported.body.keyPairId], Tags: [{ Key: "ec2-keypairs-api:expires-at", Value: past }] }),
  );
  ec2.destroy();
  const sweep = (await handlers.sweep({}, { ...lambdaContext(300_000), functionName: "sweep" })) as {
    accounts: { account: string; regions: { expiredKeysDeleted: { keyPairId: string }[]; failures: string[] }[] }[];
  };
  // The API's own account (its function's), the only one this in-process stage allows.
  expect(sweep.accounts).toEqual([
    {
      account: "123456789012",
      regions: [
        expect.objectContaining({ expiredKeysDeleted: [expect.objectContaining({ keyPairId: imported.body.keyPairId })], failures: [] }),
      ],
    },
  ]);

  // In the order of the changes (a standard queue promises no order).
  const ORDER = ["Key Pair Created", "Key Pair Imported", "Key Pair Deleted", "Key Pair Expired"];
  const messages = (await received(4)).sort(
    (a, b) => ORDER.indexOf(a["detail-type"] as string) - ORDER.indexOf(b["detail-type"] as string),
  );
  const common = { source: "ec2-keypairs-api", region };
  const made = {
    keyPairId: created.body.keyPairId,
    name: `${run}-made`,
    region,
    // The API's own account: the invoked function's (test/support/lambda.ts).
    account: "123456789012",
    keyType: "ed25519",
    fingerprint: created.body.fingerprint,
  };
  const other = {
    keyPairId: imported.body.keyPairId,
    name: `${run}-imported`,
    region,
    account: "123456789012",
    keyType: "ed25519",
    fingerprint: imported.body.fingerprint,
  };
  expect(messages.map(({ source, region, "detail-type": type, detail }) => ({ source, region, type, detail }))).toEqual([
    { ...common, type: "Key Pair Created", detail: { ...made, caller: CALLER, expiresAt: created.body.expiresAt, escrowed: true } },
    { ...common, type: "Key Pair Imported", detail: { ...other, caller: CALLER, expiresAt: imported.body.expiresAt, escrowed: false } },
    {
      ...common,
      type: "Key Pair Deleted",
      detail: { ...made, caller: "arn:aws:iam::123456789012:user/bob", expiresAt: created.body.expiresAt, escrowed: true, forced: false },
    },
    { ...common, type: "Key Pair Expired", detail: { ...other, caller: "sweeper", expiresAt: past, escrowed: false, forced: true } },
  ]);
  for (const message of messages) assertEventMatchesSpec(message["detail-type"] as string, message.detail);
  const text = JSON.stringify(messages);
  expect(text).not.toMatch(/PRIVATE KEY|keyMaterial/);
  expect(text).not.toContain(IDEMPOTENCY_KEY);
});
