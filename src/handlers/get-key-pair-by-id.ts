import { IdPath, KeyQuery } from "../lib/api/schemas.js";
import { json } from "../lib/http/responses.js";
import { httpRoute } from "../lib/http/route.js";
import { keyPairReads } from "../lib/service/read.js";

/** GET /keypairs/by-id/{keyPairId} */
export const handler = httpRoute({ path: IdPath, query: KeyQuery }, async ({ path, query, region }) =>
  json(200, await keyPairReads.getKeyPair(region, path, query)),
);
