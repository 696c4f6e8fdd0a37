import { DeleteQuery, NamePath } from "../lib/api/schemas.js";
import { keyPairRoute } from "../lib/http/account-route.js";
import { json, noContent } from "../lib/http/responses.js";
import { keyPairDeletion } from "../lib/service/delete.js";

/** DELETE /keypairs/{name} */
export const handler = keyPairRoute({ path: NamePath, query: DeleteQuery }, async ({ path, query, region, caller, deadline }) => {
  const dryRun = await keyPairDeletion.deleteKeyPair(region, path, { ...query, caller, deadline });
  return dryRun ? json(200, dryRun) : noContent();
});
