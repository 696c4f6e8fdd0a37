/**
 * DynamoDB for both ledgers (the Idempotency-Key ledger, idempotency-ledger.ts; the rate share's,
 * rate-ledger.ts): one client, in the deployment's region (DYNAMODB_REGION: their tables live where
 * the stack is, whatever region a request names), and one translation of its failures. Loaded only
 * by those ledgers, which are loaded on first use (decision 0029): never in a function's INIT graph.
 */
import { ConditionalCheckFailedException, DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { config } from "../platform/config.js";
import { errorTranslation, isAwsAnswer } from "./aws-errors.js";
import { clientOptions } from "./clients.js";

let client: DynamoDBClient | undefined;
/** The ledgers' client (the bench answers it from memory). */
export const dynamoDb = (): DynamoDBClient =>
  (client ??= new DynamoDBClient(clientOptions(config.DYNAMODB_REGION, config.DYNAMODB_ENDPOINT, config.EC2_MAX_ATTEMPTS)));

/** A refused condition: the ledgers' own answer (someone else holds the item), not a failure. */
export const conditionFailed = (error: unknown): error is ConditionalCheckFailedException =>
  error instanceof ConditionalCheckFailedException;

export type DynamoDbSend = <T>(call: (client: DynamoDBClient, abortSignal: AbortSignal) => Promise<T>) => Promise<T>;

/**
 * How `ledger` sends its calls, each within `timeoutMs`: a refused condition is thrown as it is;
 * any other failure as the API's error, naming DynamoDB and the ledger, with its code, never its
 * message. Without a DynamoDB answer the pooled connections are not trusted again.
 */
export function dynamoDbSender(ledger: string, timeoutMs: number): DynamoDbSend {
  const translate = errorTranslation(`DynamoDB (${ledger})`, {
    throttled: ["ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded"],
    refused: { codes: ["AccessDeniedException", "ResourceNotFoundException"], about: "permissions or table" },
  });
  return async (call) => {
    try {
      return await call(dynamoDb(), AbortSignal.timeout(timeoutMs));
    } catch (error) {
      if (conditionFailed(error)) throw error;
      if (!isAwsAnswer(error)) {
        client?.destroy();
        client = undefined;
      }
      throw translate(error);
    }
  };
}
