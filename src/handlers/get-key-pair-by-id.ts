import { httpRoute, json } from "../lib/http.js";
import { getKeyPair } from "../lib/keypair-service.js";
import { IdPath, KeyQuery } from "../lib/schemas.js";

/** GET /keypairs/by-id/{keyPairId} */
export const handler = httpRoute({ path: IdPath, query: KeyQuery }, async ({ path, query, region }) => json(200, await getKeyPair(region, path, query)));
