import { httpRoute, json } from "../lib/http.js";
import { createKeyPair, isDryRun } from "../lib/keypair-service.js";
import { CreateKeyPairBody, IdempotencyHeaders, RegionQuery } from "../lib/schemas.js";

/** POST /keypairs */
export const handler = httpRoute({ body: CreateKeyPairBody, query: RegionQuery, headers: IdempotencyHeaders }, async ({ body, headers, region, caller }) => {
  const result = await createKeyPair(region, body, { arn: caller, idempotencyKey: headers["idempotency-key"] });
  // no-store either way: the body holds a private key, or where one is kept.
  return isDryRun(result) ? json(200, result) : json(201, result, { "Cache-Control": "no-store" });
});
