/**
 * The sweep function, on an EventBridge schedule (stage parameter sweepSchedule): one pass over
 * every allowed region (src/lib/keypairs/sweep.ts), one summary log line. It answers its summary
 * and never fails the invocation for a region's failure: the next run tries again.
 */
import type { Context } from "aws-lambda";
import { logger } from "../lib/platform/logger.js";
import { sweepKeyPairs } from "../lib/service/sweep.js";

const SWEEP_MARGIN_MS = 15_000;

export const handler = (_event: unknown, context: Context) =>
  logger.withRequest(context, async () => {
    // Waiting for the rate share ends this long before the function's time limit: what a last delete and the summary need.
    const summary = await sweepKeyPairs(Date.now() + context.getRemainingTimeInMillis() - SWEEP_MARGIN_MS);
    const failures = summary.regions.flatMap((region) => region.failures.map((failure) => `${region.region}: ${failure}`));
    logger[failures.length ? "warn" : "info"]("sweep", {
      regionsSwept: summary.regions.length,
      expiredKeysDeleted: summary.regions.flatMap((region) => region.expiredKeysDeleted.map((key) => `${region.region}/${key.keyPairId}`)),
      escrowedKeysDeleted: summary.regions.flatMap((region) => region.escrowedKeysDeleted.map((id) => `${region.region}/${id}`)),
      failures,
    });
    return summary;
  });
