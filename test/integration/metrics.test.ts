/**
 * The business metrics move when their events happen, read back from the log lines (EMF records)
 * the real handlers write: EC2 in moto; SSM and EventBridge unreachable (escrow fails, events go
 * unpublished, the sweep fails); Auto Scaling answering only "throttled" (the usage check is
 * incomplete, each attempt is counted). The runbook's first query of each failure matches its lines.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DescribeImagesCommand, EC2Client, RunInstancesCommand } from "@aws-sdk/client-ec2";
import { jest } from "@jest/globals";
import { emfViolations } from "../support/emf.js";
import { ed25519PublicKey } from "../support/keys.js";
import { type Handler, inProcessEnvironment, invoke, lambdaContext } from "../support/lambda.js";
import { filterOf, runbookQueries } from "../support/logs-insights.js";

const region = "us-east-2"; // used by no other test file
const run = `mt${process.pid}${Math.random().toString(36).slice(2, 6)}`;
const credentials = { accessKeyId: "testing", secretAccessKey: "testing" };
const UNREACHABLE = "http://127.0.0.1:9";
const THROTTLED = `<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>`;

let handlers: Record<"create" | "import" | "remove" | "sweep", Handler>;
let autoScaling: Server;
const lines: string[] = [];
let write: ReturnType<typeof jest.spyOn>;

beforeAll(async () => {
  autoScaling = createServer((_request, response) => response.writeHead(400, { "content-type": "text/xml" }).end(THROTTLED));
  await new Promise<void>((resolve) => autoScaling.listen(0, "127.0.0.1", resolve));
  const endpoint = process.env.MOTO_URL!;
  inProcessEnvironment(region, {
    EC2_ENDPOINT: endpoint,
    SSM_ENDPOINT: UNREACHABLE,
    EVENTS_ENDPOINT: UNREACHABLE,
    AUTOSCALING_ENDPOINT: `http://127.0.0.1:${(autoScaling.address() as AddressInfo).port}`,
    EVENTS_REGION: region,
    LOG_LEVEL: "INFO",
    METRICS_SERVICE: "ec2-keypairs-api-test",
  });
  // Imported only now: the configuration and the logger's level are read once, at import.
  handlers = {
    create: (await import("../../src/handlers/create-key-pair.js")).handler,
    import: (await import("../../src/handlers/import-key-pair.js")).handler,
    remove: (await import("../../src/handlers/delete-key-pair.js")).handler,
    sweep: (await import("../../src/functions/sweep-key-pairs.js")).handler as Handler,
  };
});

beforeEach(() => {
  lines.length = 0;
  write = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => lines.push(String(chunk).trim()) > 0);
});
afterEach(() => write.mockRestore());
afterAll(() => new Promise((resolve) => autoScaling.close(resolve)));

/** The one EMF record the invocation wrote: valid, and its values. */
function record(): Record<string, unknown> {
  const records = lines.map((line) => JSON.parse(line)).filter((line) => line._aws);
  expect(records).toHaveLength(1);
  expect(emfViolations(records[0])).toEqual([]);
  return records[0];
}

const queries = runbookQueries();
/** The runbook entry's first query finds the failure's lines, and not a success's. */
const findsIn = (entry: string, found: string[]) => expect(lines.filter(filterOf(queries[entry]!))).toEqual(found);

const success = { Requests: 1, ColdStart: expect.any(Number), Outcome: "2xx", ProblemKind: "none", Service: "ec2-keypairs-api-test" };

test("a create whose event EventBridge does not take: KeysCreated 1, EventsUnpublished 1; the runbook finds it", async () => {
  const answer = await invoke(handlers.create, { method: "POST", path: "/keypairs", body: { name: `${run}-made`, keyType: "ed25519" } });
  expect(answer.status).toBe(201);
  const emf = record();
  expect(emf).toMatchObject({ ...success, Route: "POST /keypairs", KeysCreated: 1, EventsUnpublished: 1, Latency: emf.latencyMs });
  findsIn("eventsunpublished", [lines.find((line) => line.includes('"request completed"'))!]);
  findsIn("escrowfailures", []);
});

test("a create whose private key cannot be escrowed: 502, EscrowFailures 1, no KeysCreated; the runbook finds it (and the 5xx)", async () => {
  const answer = await invoke(handlers.create, {
    method: "POST",
    path: "/keypairs",
    body: { name: `${run}-escrowed`, keyType: "ed25519", escrow: true },
  });
  expect(answer.status).toBe(502);
  const emf = record();
  expect(emf).toMatchObject({ Route: "POST /keypairs", Outcome: "5xx", ProblemKind: "escrow-failed", EscrowFailures: 1 });
  expect(emf).not.toHaveProperty("KeysCreated");
  const access = lines.find((line) => line.includes('"request completed"'))!;
  findsIn("escrowfailures", [access]);
  findsIn("api5xx", [access]);
  findsIn("latencyp99", [access]);
});

test("a delete refused because an instance names the key, its usage check throttled: 409, DeletesRefusedInUse 1, UsageCheckIncomplete 1, Ec2Throttled per attempt", async () => {
  const name = `${run}-used`;
  expect(
    (await invoke(handlers.import, { method: "POST", path: "/keypairs/import", body: { name, publicKey: ed25519PublicKey() } })).status,
  ).toBe(201);
  const ec2 = new EC2Client({ region, endpoint: process.env.MOTO_URL, credentials });
  const image = (await ec2.send(new DescribeImagesCommand({}))).Images![0]!.ImageId!;
  await ec2.send(new RunInstancesCommand({ ImageId: image, InstanceType: "t3.micro", MinCount: 1, MaxCount: 1, KeyName: name }));
  ec2.destroy();
  lines.length = 0;
  const answer = await invoke(handlers.remove, { method: "DELETE", path: `/keypairs/${name}`, pathParameters: { name } });
  expect(answer.status).toBe(409);
  expect(answer.body.type).toMatch(/key-in-use$/);
  const emf = record();
  // Two Auto Scaling describes, each tried 3 times (EC2_MAX_ATTEMPTS), each attempt answered "throttled".
  expect(emf).toMatchObject({
    Outcome: "4xx",
    ProblemKind: "key-in-use",
    DeletesRefusedInUse: 1,
    UsageCheckIncomplete: 1,
    Ec2Throttled: 6,
  });
  findsIn("ec2throttled", [lines.find((line) => line.includes('"request completed"'))!]);
});

test("a sweep that cannot reach the vault: SweepErrors, SweepDeleted 0, in its one record; the runbook finds it", async () => {
  await handlers.sweep({}, { ...lambdaContext(), functionName: "sweep" });
  const emf = record();
  expect(emf).toMatchObject({ Service: "ec2-keypairs-api-test", FunctionName: "sweep", SweepDeleted: 0, SweepErrors: 1 });
  findsIn("sweeperrors", [lines.find((line) => line.includes('"sweep"'))!]);
});
