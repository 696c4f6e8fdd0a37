import { ExpiryBody } from "../lib/api/retag-schemas.js";
import { type IdPath, NamePath, RegionQuery } from "../lib/api/schemas.js";
import { jsonBodyRoute } from "../lib/http/body-route.js";
import { json } from "../lib/http/responses.js";
import { keyPairRetagging } from "../lib/service/retag.js";

/** PUT .../expiry, the key addressed by `path`: the key pair as it is now (a dry run: as it would be). */
export const setExpiryRoute = (path: typeof NamePath | typeof IdPath) =>
  jsonBodyRoute({ path, query: RegionQuery, body: ExpiryBody }, async ({ path: ref, body, region, caller }) =>
    json(200, await keyPairRetagging.setExpiry(region, ref, { ...body, caller })),
  );

/** PUT /keypairs/{name}/expiry */
export const handler = setExpiryRoute(NamePath);
