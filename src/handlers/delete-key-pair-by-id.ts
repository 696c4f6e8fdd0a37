import { DeleteQuery, IdPath } from "../lib/api/schemas.js";
import { keyPairRoute } from "../lib/http/account-route.js";
import { json, noContent } from "../lib/http/responses.js";
import { keyPairDeletion } from "../lib/service/delete.js";

/** DELETE /keypairs/by-id/{keyPairId} */
export const handler = keyPairRoute({ path: IdPath, query: DeleteQuery }, async ({ path, query, region, caller, deadline }) => {
  const dryRun = await keyPairDeletion.deleteKeyPair(region, path, { ...query, caller, deadline });
  return dryRun ? json(200, dryRun) : noContent();
});
