import { ExpiryClearQuery } from "../lib/api/retag-schemas.js";
import { type IdPath, NamePath } from "../lib/api/schemas.js";
import { keyPairRoute } from "../lib/http/account-route.js";
import { json } from "../lib/http/responses.js";
import { keyPairRetagging } from "../lib/service/retag.js";

/** DELETE .../expiry, the key addressed by `path`: the key pair, which no longer expires (a dry run: as it would be). */
export const clearExpiryRoute = (path: typeof NamePath | typeof IdPath) =>
  keyPairRoute({ path, query: ExpiryClearQuery }, async ({ path: ref, query, region, caller }) =>
    json(200, await keyPairRetagging.clearExpiry(region, ref, { dryRun: query.dryRun, caller })),
  );

/** DELETE /keypairs/{name}/expiry */
export const handler = clearExpiryRoute(NamePath);
