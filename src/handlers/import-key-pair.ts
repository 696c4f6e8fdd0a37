import { httpRoute, json } from "../lib/http.js";
import { importKeyPair, isDryRun } from "../lib/keypair-service.js";
import { ImportKeyPairBody, RegionQuery } from "../lib/schemas.js";

/** POST /keypairs/import */
export const handler = httpRoute({ body: ImportKeyPairBody, query: RegionQuery }, async ({ body, region }) => {
  const result = await importKeyPair(region, body);
  return json(isDryRun(result) ? 200 : 201, result);
});
