// The rate share's ledger (decision 0030): one DynamoDB item per AWS bucket the service draws on,
// changed only by conditional writes (src/lib/aws/rate-ledger.ts); idle items expire by TTL.
// On-demand: a few writes per second at most, nothing provisioned to size.

const RATE_SHARE_TABLE = "RateShareTable";

async function rateShareTable({ resolveVariable }) {
  return {
    [RATE_SHARE_TABLE]: {
      Type: "AWS::DynamoDB::Table",
      Properties: {
        TableName: await resolveVariable("self:custom.rateShareTable"),
        BillingMode: "PAY_PER_REQUEST",
        AttributeDefinitions: [{ AttributeName: "bucket", AttributeType: "S" }],
        KeySchema: [{ AttributeName: "bucket", KeyType: "HASH" }],
        TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      },
    },
  };
}

module.exports = { RATE_SHARE_TABLE, rateShareTable };
