// Both ledgers' tables live where the stack is deployed (DYNAMODB_REGION, serverless.yml sets the
// stack's region), whatever region a request names: config.ts reads the environment at import.
process.env.RATE_SHARE_TABLE = "rate-share";
process.env.DYNAMODB_REGION = "ap-southeast-2";

import { DynamoDBClient, PutItemCommand, ThrottlingException, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { beforeEach, expect, test } from "@jest/globals";
import { mockClient } from "aws-sdk-client-mock";

const { takeShare } = await import("../../../src/lib/aws/own-share.js");
const { dynamoDbIdempotencyLedger } = await import("../../../src/lib/aws/idempotency-ledger.js");
const { config } = await import("../../../src/lib/platform/config.js");
const { ServiceError } = await import("../../../src/lib/keypairs/errors.js");

const dynamoDb = mockClient(DynamoDBClient);
beforeEach(() => {
  dynamoDb.reset();
});

const regionOf = (call: { thisValue: unknown }) => (call.thisValue as DynamoDBClient).config.region();
const throttling = () => new ThrottlingException({ message: "Rate exceeded for table", $metadata: { httpStatusCode: 400 } });

test("the rate share's ledger is asked in the deployment's region, not in the default region nor the request's", async () => {
  dynamoDb.on(UpdateItemCommand).resolves({});
  expect(config.DEFAULT_REGION).not.toBe("ap-southeast-2");
  await takeShare("ec2", "us-east-1", "DescribeKeyPairs");
  const [call] = dynamoDb.commandCalls(UpdateItemCommand);
  expect(call!.args[0].input).toMatchObject({ TableName: "rate-share", Key: { bucket: { S: "ec2#us-east-1#DescribeKeyPairs" } } });
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
  const failure = await takeShare("ec2", "us-east-1", "DescribeInstances").catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(ServiceError);
  expect(failure).toMatchObject({
    kind: "throttled",
    message: "DynamoDB (the service's rate share) is throttling requests. (ThrottlingException)",
    retryAfterSeconds: config.THROTTLE_RETRY_AFTER_SECONDS,
    outcomeUnknown: false,
  });
});
