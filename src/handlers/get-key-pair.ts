import { KeyQuery, NamePath } from "../lib/api/schemas.js";
import { json } from "../lib/http/responses.js";
import { httpRoute } from "../lib/http/route.js";
import { keyPairReads } from "../lib/service/read.js";

/** GET /keypairs/{name} */
export const handler = httpRoute({ path: NamePath, query: KeyQuery }, async ({ path, query, region }) =>
  json(200, await keyPairReads.getKeyPair(region, path, query)),
);
