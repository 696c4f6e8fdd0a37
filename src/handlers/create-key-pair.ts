import { escrowPrivateKey } from "../lib/escrow.js";
import { httpRoute, json } from "../lib/http.js";
import { createKeyPair, isDryRun } from "../lib/keypair-service.js";
import { CreateKeyPairBody, RegionQuery } from "../lib/schemas.js";

/** POST /keypairs */
export const handler = httpRoute({ body: CreateKeyPairBody, query: RegionQuery }, async ({ body, region }) => {
  const result = await createKeyPair(region, body);
  if (isDryRun(result)) return json(200, result);
  // no-store either way: the body holds a private key, or where one is kept.
  return json(201, body.escrow ? await escrowPrivateKey(region, result) : result, { "Cache-Control": "no-store" });
});
