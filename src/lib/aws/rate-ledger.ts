/**
 * The rate share's ledger in DynamoDB (its client and errors: dynamodb.ts): one item per bucket
 * (`bucket`: service#region#bucket), its GCRA TAT in ms (`tat`), and `expiresAt` (epoch seconds)
 * for the table's TTL: an item idle for an hour is an idle bucket and may go. Every change is one
 * conditional UpdateItem (strongly consistent by nature); a failed condition answers the item as it
 * was (ReturnValuesOnConditionCheckFailure), so no read is needed.
 */
import { UpdateItemCommand } from "@aws-sdk/client-dynamodb";
import { config } from "../platform/config.js";
import { conditionFailed, dynamoDbSender } from "./dynamodb.js";
import type { Advance, RateLedger } from "./rate-share.js";

/** How long after its last take an idle bucket's item may be deleted by TTL. */
const IDLE_SECONDS = 3600;

export function dynamoLedger(table: string): RateLedger {
  // A repeated write whose first answer was lost counts twice or meets its own TAT: never under-counts.
  const send = dynamoDbSender("the service's rate share", config.EC2_REQUEST_TIMEOUT_MS);
  return {
    async advance(key: string, change: Advance) {
      const values: Record<string, { N: string }> =
        change.kind === "idle"
          ? { ":now": { N: String(change.now) }, ":to": { N: String(change.to) } }
          : { ":now": { N: String(change.now) }, ":max": { N: String(change.max) }, ":by": { N: String(change.by) } };
      try {
        await send((client, abortSignal) =>
          client.send(
            new UpdateItemCommand({
              TableName: table,
              Key: { bucket: { S: key } },
              UpdateExpression: change.kind === "idle" ? "SET tat = :to, expiresAt = :exp" : "SET tat = tat + :by, expiresAt = :exp",
              ConditionExpression: change.kind === "idle" ? "attribute_not_exists(tat) OR tat < :now" : "tat >= :now AND tat <= :max",
              ExpressionAttributeValues: { ...values, ":exp": { N: String(Math.ceil(change.now / 1000) + IDLE_SECONDS) } },
              ReturnValuesOnConditionCheckFailure: "ALL_OLD",
            }),
            { abortSignal },
          ),
        );
        return { applied: true };
      } catch (error) {
        if (!conditionFailed(error)) throw error;
        const tat = error.Item?.tat?.N;
        return { applied: false, tat: tat === undefined ? undefined : Number(tat) };
      }
    },
  };
}
