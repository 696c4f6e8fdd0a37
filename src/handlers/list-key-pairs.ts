import { ListQuery } from "../lib/api/list-query.js";
import { keyPairRoute } from "../lib/http/account-route.js";
import { regionsView } from "../lib/http/region-outcomes.js";
import { json } from "../lib/http/responses.js";
import type { AllRegionsListing } from "../lib/keypairs/list-all-regions.js";
import { keyPairListings } from "../lib/service/list.js";

/** An all-regions listing as answered: a region that failed carries the problem a one-region list would have answered. */
const allRegionsView = ({ items, regions }: AllRegionsListing) => ({ items, regions: regionsView(regions) });

/** GET /keypairs (allRegions=true: every allowed region at once) */
export const handler = keyPairRoute({ query: ListQuery }, async ({ query, region }) =>
  json(
    200,
    query.allRegions
      ? allRegionsView(await keyPairListings.listKeyPairsInAllRegions(query))
      : await keyPairListings.listKeyPairs(region, query),
  ),
);
