/**
 * The sweep function, on an EventBridge schedule (stage parameter sweepSchedule): one pass over
 * every allowed region (src/lib/keypairs/sweep.ts), one summary log line, which is also the run's
 * EMF record (SweepDeleted, SweepErrors and what the run counted). It answers its summary and never
 * fails the invocation for a region's failure: the next run tries again. An invocation that fails
 * anyway (a timeout, a crash) is retried a bounded number of times, then lands in the sweep's
 * dead-letter queue (serverless.yml).
 */
import type { Context } from "aws-lambda";
import { traceAwsCalls } from "../lib/aws/tracing.js";
import { logger } from "../lib/platform/logger.js";
import { countedMetrics, emfFields } from "../lib/platform/metrics.js";
import { inRequestedAccount } from "../lib/service/accounts.js";
import { sweepKeyPairs } from "../lib/service/sweep.js";

await traceAwsCalls();
const SWEEP_MARGIN_MS = 15_000;

export const handler = (_event: unknown, context: Context) =>
  logger.withRequest(context, async () => {
    // Waiting for the rate share ends this long before the function's time limit: what a last delete and the summary need.
    const deadline = Date.now() + context.getRemainingTimeInMillis() - SWEEP_MARGIN_MS;
    // The API's own account (its events name it).
    const summary = await inRequestedAccount(undefined, context.invokedFunctionArn, () => sweepKeyPairs(deadline));
    const failures = summary.regions.flatMap((region) => region.failures.map((failure) => `${region.region}: ${failure}`));
    const expiredKeysDeleted = summary.regions.flatMap((region) =>
      region.expiredKeysDeleted.map((key) => `${region.region}/${key.keyPairId}`),
    );
    const escrowedKeysDeleted = summary.regions.flatMap((region) => region.escrowedKeysDeleted.map((id) => `${region.region}/${id}`));
    logger[failures.length ? "warn" : "info"]("sweep", {
      regionsSwept: summary.regions.length,
      expiredKeysDeleted,
      escrowedKeysDeleted,
      failures,
      ...emfFields(
        { FunctionName: context.functionName },
        {
          ColdStart: logger.isColdStart() ? 1 : 0,
          SweepDeleted: expiredKeysDeleted.length + escrowedKeysDeleted.length,
          SweepErrors: failures.length,
          ...countedMetrics(),
        },
      ),
    });
    return summary;
  });
