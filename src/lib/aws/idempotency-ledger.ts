/**
 * The Idempotency-Key ledger in DynamoDB (its client and errors: dynamodb.ts). One item per
 * caller, key and region; a claim is a conditional PutItem, which DynamoDB decides
 * atomically, so of any number of racers exactly one holds a key. Items carry a hash of the
 * caller and key, the request's digest, and its outcome as the answer showed it without any private
 * key; DynamoDB's TTL deletes them after IDEMPOTENCY_RECORD_SECONDS. Loaded by the first request
 * that sends an Idempotency-Key (service/create.ts), never at INIT.
 */
import { DeleteItemCommand, GetItemCommand, PutItemCommand, UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { ServiceError } from "../keypairs/errors.js";
import type { IdempotencyLedger, LedgerClaim, LedgerRecord, RecordedOutcome } from "../keypairs/ports.js";
import { config } from "../platform/config.js";
import { scopedAccount } from "./account-scope.js";
import { conditionFailed, dynamoDbSender } from "./dynamodb.js";

const TABLE = () => config.IDEMPOTENCY_TABLE;
/** Attributes by placeholder (#name): TOKEN and others are DynamoDB reserved words. */
const names = (...attributes: string[]): Record<string, string> => Object.fromEntries(attributes.map((name) => [`#${name}`, name]));

const send = dynamoDbSender("the Idempotency-Key ledger", config.EC2_TOTAL_TIMEOUT_MS);

async function held(id: string): Promise<(LedgerRecord & { token: string }) | undefined> {
  const { Item: item } = await send((dynamoDb, abortSignal) =>
    dynamoDb.send(new GetItemCommand({ TableName: TABLE(), Key: { id: { S: id } }, ConsistentRead: true }), { abortSignal }),
  );
  if (!item) return undefined;
  return {
    token: item.token?.S ?? "",
    digest: item.digest?.S ?? "",
    runningUntil: Number(item.runningUntil?.N ?? 0),
    ...(item.outcome?.S ? { outcome: JSON.parse(item.outcome.S) as RecordedOutcome } : {}),
  };
}

async function claim(id: string, request: LedgerClaim): Promise<LedgerRecord | undefined> {
  const put = new PutItemCommand({
    TableName: TABLE(),
    Item: {
      id: { S: id },
      token: { S: request.token },
      digest: { S: request.digest },
      runningUntil: { N: String(request.runningUntil) },
      // DynamoDB's TTL reads epoch seconds.
      expiresAt: { N: String(Math.ceil(request.expiresAt / 1000)) },
    },
    // Free: never claimed, expired (TTL deletes within days, not at once), or a request with this very
    // body that ran out of time without recording an outcome (it died).
    ConditionExpression:
      "attribute_not_exists(#id) OR #expiresAt < :nowSeconds OR (attribute_not_exists(#outcome) AND #runningUntil < :now AND #digest = :digest)",
    ExpressionAttributeNames: names("id", "expiresAt", "outcome", "runningUntil", "digest"),
    ExpressionAttributeValues: {
      ":nowSeconds": { N: String(Math.floor(request.now / 1000)) },
      ":now": { N: String(request.now) },
      ":digest": { S: request.digest },
    },
  });
  // Twice at most: a record deleted between the refused put and the read is free again.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await send((dynamoDb, abortSignal) => dynamoDb.send(put, { abortSignal }));
      return undefined;
    } catch (error) {
      if (!conditionFailed(error)) throw error;
    }
    const record = await held(id);
    // Our own put, whose first attempt's answer was lost, then refused on the SDK's retry.
    if (record?.token === request.token) return undefined;
    if (record) return { digest: record.digest, runningUntil: record.runningUntil, ...(record.outcome ? { outcome: record.outcome } : {}) };
    if (attempt === 2) throw new ServiceError("upstream-error", "DynamoDB (the Idempotency-Key ledger) could not settle a claim.");
  }
}

async function complete(id: string, token: string, outcome: RecordedOutcome): Promise<void> {
  try {
    await send((dynamoDb, abortSignal) =>
      dynamoDb.send(
        new UpdateItemCommand({
          TableName: TABLE(),
          Key: { id: { S: id } },
          UpdateExpression: "SET #outcome = :outcome",
          ConditionExpression: "#token = :token",
          ExpressionAttributeNames: names("outcome", "token"),
          ExpressionAttributeValues: { ":outcome": { S: JSON.stringify(outcome) }, ":token": { S: token } },
        }),
        { abortSignal },
      ),
    );
  } catch (error) {
    // Another request took the claim over (ours ran out): its record stands.
    if (!conditionFailed(error)) throw error;
  }
}

async function release(id: string, token: string): Promise<void> {
  try {
    await send((dynamoDb, abortSignal) =>
      dynamoDb.send(
        new DeleteItemCommand({
          TableName: TABLE(),
          Key: { id: { S: id } },
          ConditionExpression: "#token = :token",
          ExpressionAttributeNames: names("token"),
          ExpressionAttributeValues: { ":token": { S: token } },
        }),
        { abortSignal },
      ),
    );
  } catch (error) {
    if (!conditionFailed(error)) throw error;
  }
}

/** A record per account (the request's scope: account-scope.ts): one Idempotency-Key in two accounts is two requests. */
const inAccount = (id: string): string => `${scopedAccount()}/${id}`;

export const dynamoDbIdempotencyLedger: IdempotencyLedger = {
  claim: (id, request) => claim(inAccount(id), request),
  complete: (id, token, outcome) => complete(inAccount(id), token, outcome),
  release: (id, token) => release(inAccount(id), token),
};
