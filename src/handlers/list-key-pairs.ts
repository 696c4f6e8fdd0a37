import { httpRoute, json } from "../lib/http.js";
import { listKeyPairs, listKeyPairsInAllRegions } from "../lib/keypair-service.js";
import { ListQuery } from "../lib/schemas.js";

/** GET /keypairs (allRegions=true: every allowed region at once) */
export const handler = httpRoute({ query: ListQuery }, async ({ query, region }) => json(200, query.allRegions ? await listKeyPairsInAllRegions(query) : await listKeyPairs(region, query)));
