import { TagChangeBody } from "../lib/api/retag-schemas.js";
import { type IdPath, NamePath, RegionQuery } from "../lib/api/schemas.js";
import { jsonBodyRoute } from "../lib/http/body-route.js";
import { json } from "../lib/http/responses.js";
import { keyPairRetagging } from "../lib/service/retag.js";

/** PATCH .../tags, the key addressed by `path`: the key pair as it is now (a dry run: as it would be). */
export const changeTagsRoute = (path: typeof NamePath | typeof IdPath) =>
  jsonBodyRoute({ path, query: RegionQuery, body: TagChangeBody }, async ({ path: ref, body, region, caller }) =>
    json(200, await keyPairRetagging.changeTags(region, ref, { ...body, caller })),
  );

/** PATCH /keypairs/{name}/tags */
export const handler = changeTagsRoute(NamePath);
