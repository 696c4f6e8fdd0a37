import { httpRoute, json } from "../lib/http.js";
import { getKeyPair } from "../lib/keypair-service.js";
import { KeyQuery, NamePath } from "../lib/schemas.js";

/** GET /keypairs/{name} */
export const handler = httpRoute({ path: NamePath, query: KeyQuery }, async ({ path, query, region }) => json(200, await getKeyPair(region, path, query)));
