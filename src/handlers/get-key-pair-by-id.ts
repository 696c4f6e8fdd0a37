import { IdPath, KeyQuery } from "../lib/api/schemas.js";
import { keyPairRoute } from "../lib/http/account-route.js";
import { json } from "../lib/http/responses.js";
import { keyPairReads } from "../lib/service/read.js";

/** GET /keypairs/by-id/{keyPairId} */
export const handler = keyPairRoute({ path: IdPath, query: KeyQuery }, async ({ path, query, region }) =>
  json(200, await keyPairReads.getKeyPair(region, path, query)),
);
