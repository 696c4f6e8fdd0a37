import { httpRoute, json } from "../lib/http.js";
import { listKeyPairs } from "../lib/keypair-service.js";
import { ListQuery } from "../lib/schemas.js";

/** GET /keypairs */
export const handler = httpRoute({ query: ListQuery }, async ({ query, region }) => json(200, await listKeyPairs(region, query)));
