import { httpRoute, json } from "../lib/http.js";
import { createKeyPair, isDryRun } from "../lib/keypair-service.js";
import { CreateKeyPairBody, RegionQuery } from "../lib/schemas.js";

/** POST /keypairs */
export const handler = httpRoute({ body: CreateKeyPairBody, query: RegionQuery }, async ({ body, region }) => {
  const result = await createKeyPair(region, body);
  return isDryRun(result) ? json(200, result) : json(201, result, { "Cache-Control": "no-store" });
});
