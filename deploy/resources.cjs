// Every CloudFormation resource of the stack besides what the framework generates: the functions'
// roles and the optional invoker role (iam/roles.cjs), the Idempotency-Key ledger's table, and the
// rate share's table.
const roles = require("../iam/roles.cjs");
const { IDEMPOTENCY_TABLE, idempotencyTable, idempotencyTableName } = require("./idempotency-table.cjs");
const { rateShareTable } = require("./rate-share-table.cjs");

module.exports = async ({ resolveVariable }) => {
  const service = await resolveVariable("self:service");
  const stage = await resolveVariable("sls:stage");
  return {
    ...(await roles({ resolveVariable })),
    [IDEMPOTENCY_TABLE]: idempotencyTable(idempotencyTableName(service, stage)),
    ...(await rateShareTable({ resolveVariable })),
  };
};
