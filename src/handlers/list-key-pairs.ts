import { ListQuery } from "../lib/api/list-query.js";
import { keyPairRoute } from "../lib/http/account-route.js";
import { regionsView } from "../lib/http/region-outcomes.js";
import { json } from "../lib/http/responses.js";
import type { AllRegionsListing } from "../lib/keypairs/list-all-regions.js";
import { config } from "../lib/platform/config.js";
import { keyPairListings } from "../lib/service/list.js";

/** An estate page is on its way this long before the function's own 504 would be. */
const ESTATE_ANSWER_MARGIN_MS = 1000;

/** An all-regions listing as answered: a region that failed carries the problem a one-region list would have answered. */
const allRegionsView = ({ items, regions }: AllRegionsListing) => ({ items, regions: regionsView(regions) });

/**
 * GET /keypairs (allRegions=true: every allowed region at once; accounts=...: an estate listing). An
 * estate listing's deadline counts from API Gateway's receipt of the request, so a cold start's time
 * is counted too, and never passes the function's own.
 */
export const handler = keyPairRoute({ query: ListQuery }, async ({ query, region, deadline, functionArn, caller }, event) => {
  if (query.accounts !== undefined) {
    const received = event.requestContext?.timeEpoch ?? Date.now();
    const estateDeadline = Math.min(received + config.ESTATE_DEADLINE_MS, deadline - ESTATE_ANSWER_MARGIN_MS);
    return json(200, await keyPairListings.listEstate(query, { deadline: estateDeadline, region, functionArn, caller }));
  }
  return json(
    200,
    query.allRegions
      ? allRegionsView(await keyPairListings.listKeyPairsInAllRegions(query))
      : await keyPairListings.listKeyPairs(region, query),
  );
});
