/**
 * Warm per-request overhead: one bundle (deployed build options) holding two handlers and the
 * SDK, with EC2 answered at once by an in-memory request handler, so what is timed is the Middy
 * stack, zod validation, the service and the SDK's own (de)serialization. Next to it, the bare
 * SDK call with the same in-memory answer; the difference is this service's overhead.
 */
import { existsSync } from "node:fs";
import { ROOT } from "../scripts/local-stack.js";
import { lambdaContext } from "../test/support/lambda.js";
import { bundleSource, inMemoryHandler } from "./artifacts.js";
import { eventFor } from "./events.js";
import { median } from "./stats.js";

const keyXml = (tags: [string, string][]) =>
  `<DescribeKeyPairsResponse><requestId>r</requestId><keySet><item><keyPairId>key-0123456789abcdef0</keyPairId><keyName>bench</keyName>
<keyType>ed25519</keyType><keyFingerprint>abc=</keyFingerprint><createTime>2026-11-22T10:00:00.000Z</createTime><tagSet>${tags
    .map(([key, value]) => `<item><key>${key}</key><value>${value}</value></item>`)
    .join("")}</tagSet></item></keySet></DescribeKeyPairsResponse>`;
const DESCRIBE_XML = keyXml([["managed-by", "ec2-keypairs-api"]]);
const CREATE_XML = `<CreateKeyPairResponse><requestId>r</requestId><keyName>bench</keyName><keyPairId>key-0123456789abcdef0</keyPairId>
<keyFingerprint>abc=</keyFingerprint><keyMaterial>k</keyMaterial></CreateKeyPairResponse>`;

/** An SDK request handler that answers from memory: no socket, no wait. */
const inMemory = inMemoryHandler((request) => {
  const action = new URLSearchParams(String(request.body)).get("Action");
  return { contentType: "text/xml", body: action === "CreateKeyPair" ? CREATE_XML : DESCRIBE_XML };
});

/** DynamoDB from memory: every claim granted, every outcome recorded (an Idempotency-Key's two calls). */
const inMemoryDynamoDb = inMemoryHandler(() => ({ contentType: "application/x-amz-json-1.0", body: "{}" }));

export interface WarmResult {
  name: string;
  handlerUs: number;
  bareSdkUs: number;
  /** The service's own client (its config, plus the per-call AbortSignal budget), called directly. */
  serviceClientUs: number;
}

/** The warm bundle of the source tree `root` (this one, or BENCH_BEFORE's checkout), built as that tree's serverless.yml builds. */
/** Where a tree keeps its EC2 clients: src/lib/aws/ec2-clients.ts, or in a BENCH_BEFORE checkout older than the layers, the other path below. */
const ec2ClientsModule = (root: string) =>
  [`${root}/src/lib/aws/ec2-clients.ts`, `${root}/src/lib/ec2.ts`].find((path) => existsSync(path)) ?? `${root}/src/lib/aws/ec2-clients.ts`;

export async function loadWarmBundle(outDir: string, minify = true, root = ROOT, label = "now") {
  const outfile = `${outDir}/warm-entry-${label}${minify ? "" : "-unminified"}.mjs`;
  await bundleSource(
    [
      `export { handler as getHandler } from "${root}/src/handlers/get-key-pair.ts";`,
      `export { handler as createHandler } from "${root}/src/handlers/create-key-pair.ts";`,
      `export { ec2Client } from "${ec2ClientsModule(root)}";`,
      // The ledgers' DynamoDB client, in trees that have one (dynamodb.ts; before it, the Idempotency-Key ledger's own).
      ...["dynamodb", "idempotency-ledger"]
        .filter((module) => existsSync(`${root}/src/lib/aws/${module}.ts`))
        .slice(0, 1)
        .map((module) => `export { dynamoDb } from "${root}/src/lib/aws/${module}.ts";`),
      `export { EC2Client, DescribeKeyPairsCommand, CreateKeyPairCommand } from "@aws-sdk/client-ec2";`,
    ].join("\n"),
    outfile,
    { root, minify },
  );
  const bundle = await import(outfile);
  for (const kind of ["read", "mutate"]) bundle.ec2Client(process.env.DEFAULT_REGION!, kind).config.requestHandler = inMemory;
  if (bundle.dynamoDb) bundle.dynamoDb().config.requestHandler = inMemoryDynamoDb;
  return { bundle, outfile };
}

export async function warmOverhead(outDir: string, iterations: number, root = ROOT, label = "now"): Promise<WarmResult[]> {
  const { bundle } = await loadWarmBundle(outDir, true, root, label);
  const region = process.env.DEFAULT_REGION!;
  const bare = new bundle.EC2Client({ region, requestHandler: inMemory, credentials: { accessKeyId: "a", secretAccessKey: "b" } });

  const createInput = {
    KeyName: "bench",
    KeyType: "ed25519",
    KeyFormat: "pem",
    TagSpecifications: [{ ResourceType: "key-pair", Tags: [{ Key: "team", Value: "bench" }] }],
  };
  // With an Idempotency-Key: its claim and its record in the ledger, two DynamoDB calls.
  // A fresh event per call, as for the other routes: a handler may take its event's body over.
  const idempotent = () => {
    const { event } = eventFor("POST /keypairs");
    event.headers = { ...event.headers, "idempotency-key": '"bench-key"' };
    return event;
  };
  const cases = [
    {
      name: "GET /keypairs/{name}",
      handler: () => bundle.getHandler(eventFor("GET /keypairs/{name}").event, lambdaContext()),
      sdk: () => bare.send(new bundle.DescribeKeyPairsCommand({ Filters: [{ Name: "key-name", Values: ["bench"] }] })),
      serviceClient: () =>
        bundle.ec2Client(region, "read").send(new bundle.DescribeKeyPairsCommand({ Filters: [{ Name: "key-name", Values: ["bench"] }] }), {
          abortSignal: AbortSignal.timeout(10_000),
        }),
    },
    {
      name: "POST /keypairs",
      handler: () => bundle.createHandler(eventFor("POST /keypairs").event, lambdaContext()),
      sdk: () => bare.send(new bundle.CreateKeyPairCommand(createInput)),
      serviceClient: () =>
        bundle.ec2Client(region, "mutate").send(new bundle.CreateKeyPairCommand(createInput), { abortSignal: AbortSignal.timeout(10_000) }),
    },
    {
      name: "POST /keypairs, Idempotency-Key",
      handler: () => bundle.createHandler(idempotent(), lambdaContext()),
      sdk: () => bare.send(new bundle.CreateKeyPairCommand(createInput)),
      serviceClient: () =>
        bundle.ec2Client(region, "mutate").send(new bundle.CreateKeyPairCommand(createInput), { abortSignal: AbortSignal.timeout(10_000) }),
    },
  ];
  const results: WarmResult[] = [];
  for (const { name, handler, sdk, serviceClient } of cases) {
    const first = (await handler()) as { statusCode: number };
    if (first.statusCode >= 300) throw new Error(`${name}: warm-up answered ${first.statusCode}`);
    for (let i = 0; i < 300; i += 1) await Promise.all([handler(), sdk(), serviceClient()]);
    // Interleaved, so drift on a noisy machine hits all three alike.
    const times: number[][] = [[], [], []];
    for (let i = 0; i < iterations; i += 1) {
      for (const [slot, call] of [handler, sdk, serviceClient].entries()) {
        const started = process.hrtime.bigint();
        await call();
        times[slot]!.push(Number(process.hrtime.bigint() - started) / 1000);
      }
    }
    results.push({ name, handlerUs: median(times[0]!), bareSdkUs: median(times[1]!), serviceClientUs: median(times[2]!) });
  }
  return results;
}
