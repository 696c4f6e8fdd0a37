/**
 * The sweep function, on an EventBridge schedule (stage parameter sweepSchedule): one pass over
 * every allowed region (src/lib/keypairs/sweep.ts), one summary log line. It answers its summary
 * and never fails the invocation for a region's failure: the next run tries again.
 */
import type { Context } from "aws-lambda";
import { logger } from "../lib/platform/logger.js";
import { inRequestedAccount } from "../lib/service/accounts.js";
import { sweepKeyPairs } from "../lib/service/sweep.js";

export const handler = (_event: unknown, context: Context) =>
  logger.withRequest(context, async () => {
    // The API's own account (its events name it).
    const summary = await inRequestedAccount(undefined, context.invokedFunctionArn, sweepKeyPairs);
    const failures = summary.regions.flatMap((region) => region.failures.map((failure) => `${region.region}: ${failure}`));
    logger[failures.length ? "warn" : "info"]("sweep", {
      regionsSwept: summary.regions.length,
      expiredKeysDeleted: summary.regions.flatMap((region) => region.expiredKeysDeleted.map((key) => `${region.region}/${key.keyPairId}`)),
      escrowedKeysDeleted: summary.regions.flatMap((region) => region.escrowedKeysDeleted.map((id) => `${region.region}/${id}`)),
      failures,
    });
    return summary;
  });
