import { httpRoute, json } from "../lib/http.js";
import { importKeyPair, isDryRun } from "../lib/keypair-service.js";
import { IdempotencyHeaders, ImportKeyPairBody, RegionQuery } from "../lib/schemas.js";

/** POST /keypairs/import */
export const handler = httpRoute({ body: ImportKeyPairBody, query: RegionQuery, headers: IdempotencyHeaders }, async ({ body, headers, region, caller }) => {
  const result = await importKeyPair(region, body, { arn: caller, idempotencyKey: headers["idempotency-key"] });
  return json(isDryRun(result) ? 200 : 201, result);
});
