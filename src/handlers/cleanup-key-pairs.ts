import { CleanupBody } from "../lib/api/cleanup-schemas.js";
import { jsonBodyRoute } from "../lib/http/body-route.js";
import { toProblem } from "../lib/http/problems.js";
import { json } from "../lib/http/responses.js";
import type { CleanupRun } from "../lib/keypairs/cleanup.js";
import { keyPairCleanup } from "../lib/service/cleanup.js";

/** A cleanup as answered: a failed key's error, and what stopped the run, as problems. */
const cleanupView = ({ items, error, ...run }: CleanupRun) => ({
  ...run,
  items: items.map((item) =>
    "error" in item
      ? { region: item.region, name: item.name, keyPairId: item.keyPairId, outcome: item.outcome, problem: toProblem(item.error) }
      : item,
  ),
  ...(error ? { problem: toProblem(error) } : {}),
});

/** POST /keypairs/cleanup (a dry run unless dryRun: false) */
export const handler = jsonBodyRoute({ body: CleanupBody }, async ({ body, region, caller, deadline }) =>
  json(200, cleanupView(await keyPairCleanup.cleanUpKeyPairs(region, body, { caller, deadline }))),
);
