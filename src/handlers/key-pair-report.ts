import { ReportQuery } from "../lib/api/cleanup-schemas.js";
import { keyPairRoute } from "../lib/http/account-route.js";
import { regionsView } from "../lib/http/region-outcomes.js";
import { json } from "../lib/http/responses.js";
import { keyPairReport } from "../lib/service/report.js";

/** GET /keypairs/report (allRegions=true: every allowed region) */
export const handler = keyPairRoute({ query: ReportQuery }, async ({ query, region }) => {
  const report = await keyPairReport.reportKeyPairs(region, query);
  return json(200, { ...report, regions: regionsView(report.regions) });
});
