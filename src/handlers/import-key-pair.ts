import { IdempotencyHeaders, ImportKeyPairBody, RegionQuery } from "../lib/api/schemas.js";
import { jsonBodyRoute } from "../lib/http/body-route.js";
import { json } from "../lib/http/responses.js";
import { isDryRun } from "../lib/keypairs/views.js";
import { keyPairCreation } from "../lib/service/create.js";

/** POST /keypairs/import */
export const handler = jsonBodyRoute(
  { body: ImportKeyPairBody, query: RegionQuery, headers: IdempotencyHeaders },
  async ({ body, headers, region, caller }) => {
    const result = await keyPairCreation.importKeyPair(region, body, { arn: caller, idempotencyKey: headers["idempotency-key"] });
    return json(isDryRun(result) ? 200 : 201, result);
  },
);
