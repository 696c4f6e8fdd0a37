import { httpRoute, json, noContent } from "../lib/http.js";
import { deleteKeyPair } from "../lib/keypair-service.js";
import { DeleteQuery, IdPath } from "../lib/schemas.js";

/** DELETE /keypairs/by-id/{keyPairId} */
export const handler = httpRoute({ path: IdPath, query: DeleteQuery }, async ({ path, query, region }) => {
  const dryRun = await deleteKeyPair(region, path, query);
  return dryRun ? json(200, dryRun) : noContent();
});
