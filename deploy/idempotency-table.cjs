// The Idempotency-Key ledger (src/lib/aws/idempotency-ledger.ts): one item per caller, key and
// region, deleted by DynamoDB's TTL after IDEMPOTENCY_RECORD_SECONDS. It holds hashes, digests and
// the answers' public fields, never a private key (test/integration/idempotency.test.ts reads it).

/** Its logical id, which the functions' roles grant access to (iam/roles.cjs). */
const IDEMPOTENCY_TABLE = "IdempotencyTable";

/** Its name, which the functions read (IDEMPOTENCY_TABLE in serverless.yml) and the local stack creates in moto. */
const idempotencyTableName = (service, stage) => `${service}-${stage}-idempotency`;

/** The table's definition: on demand (no capacity to plan), point-in-time recovery. */
const idempotencyTable = (tableName) => ({
  Type: "AWS::DynamoDB::Table",
  // Records live a day at most: a stack deleted with its functions leaves nothing worth keeping.
  DeletionPolicy: "Delete",
  UpdateReplacePolicy: "Delete",
  Properties: {
    TableName: tableName,
    BillingMode: "PAY_PER_REQUEST",
    AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
    KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
    TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
    PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    SSESpecification: { SSEEnabled: true },
  },
});

module.exports = { IDEMPOTENCY_TABLE, idempotencyTableName, idempotencyTable };
