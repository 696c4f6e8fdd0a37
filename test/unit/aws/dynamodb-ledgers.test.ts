// Both ledgers' tables live where the stack is deployed (DYNAMODB_REGION, serverless.yml sets the
// stack's region), whatever region a request names: config.ts reads the environment at import.
process.env.RATE_SHARE_TABLE = "rate-share";
process.env.DYNAMODB_REGION = "ap-southeast-2";

import { DynamoDBClient, PutItemCommand, ThrottlingException, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { DescribeInstancesCommand, DescribeKeyPairsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { beforeEach, expect, test } from "@jest/globals";
import { mockClient } from "aws-sdk-client-mock";

const { limitToShare } = await import("../../../src/lib/aws/own-share.js");
const { dynamoDbIdempotencyLedger } = await import("../../../src/lib/aws/idempotency-ledger.js");
const { config } = await import("../../../src/lib/platform/config.js");
const { ServiceError } = await import("../../../src/lib/keypairs/errors.js");

const dynamoDb = mockClient(DynamoDBClient);
beforeEach(() => {
  dynamoDb.reset();
});

/** An EC2 call in us-east-1 through the share's middleware (it takes its token first; EC2 itself is a discarding port). */
const ec2 = limitToShare(
  new EC2Client({
    region: "us-east-1",
    endpoint: "http://127.0.0.1:9",
    maxAttempts: 1,
    credentials: { accessKeyId: "a", secretAccessKey: "s" },
  }),
  "ec2",
  "us-east-1",
);
const regionOf = (call: { thisValue: unknown }) => (call.thisValue as DynamoDBClient).config.region();
const throttling = () => new ThrottlingException({ message: "Rate exceeded for table", $metadata: { httpStatusCode: 400 } });

test("the rate share's ledger is asked in the deployment's region, not in the default region nor the request's", async () => {
  dynamoDb.on(UpdateItemCommand).resolves({});
  expect(config.DEFAULT_REGION).not.toBe("ap-southeast-2");
  await ec2.send(new DescribeKeyPairsCommand({})).catch(() => undefined);
  const [call] = dynamoDb.commandCalls(UpdateItemCommand);
  expect(call!.args[0].input).toMatchObject({
    TableName: "rate-share",
    Key: { bucket: { S: expect.stringMatching(/^ec2#.*us-east-1#DescribeKeyPairs$/) } },
  });
  expect(await regionOf(call!)).toBe("ap-southeast-2");
});

test("the Idempotency-Key ledger shares that client and region", async () => {
  dynamoDb.on(PutItemCommand).resolves({});
  const now = Date.now();
  await dynamoDbIdempotencyLedger.claim("us-east-1/k", { token: "t", digest: "d", now, runningUntil: now + 1000, expiresAt: now + 60_000 });
  const [call] = dynamoDb.commandCalls(PutItemCommand);
  expect(await regionOf(call!)).toBe("ap-southeast-2");
});

test("a failure of the rate share's ledger names DynamoDB and the ledger, never EC2 nor DynamoDB's message", async () => {
  dynamoDb.on(UpdateItemCommand).rejects(throttling());
  const failure = await ec2.send(new DescribeInstancesCommand({})).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(ServiceError);
  expect(failure).toMatchObject({
    kind: "throttled",
    message: "DynamoDB (the service's rate share) is throttling requests. (ThrottlingException)",
    retryAfterSeconds: config.THROTTLE_RETRY_AFTER_SECONDS,
    outcomeUnknown: false,
  });
});
