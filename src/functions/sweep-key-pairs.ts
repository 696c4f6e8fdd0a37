/**
 * The sweep function, on an EventBridge schedule (stage parameter sweepSchedule): one pass over
 * every allowed region of this API's account and of each allowed member account
 * (src/lib/service/sweep.ts, src/lib/keypairs/sweep.ts), one summary log line, which is also the run's EMF record (SweepDeleted, SweepErrors and what the run counted). It answers its summary and never
 * fails the invocation for a region's failure: the next run tries again. An invocation that fails
 * anyway (a timeout, a crash) is retried a bounded number of times, then lands in the sweep's
 * dead-letter queue (serverless.yml).
 */
import type { Context } from "aws-lambda";
import { traceAwsCalls } from "../lib/aws/tracing.js";
import { logger } from "../lib/platform/logger.js";
import { countedMetrics, emfFields } from "../lib/platform/metrics.js";
import { sweepEveryAccount } from "../lib/service/sweep.js";

await traceAwsCalls();
const SWEEP_MARGIN_MS = 15_000;

export const handler = (_event: unknown, context: Context) =>
  logger.withRequest(context, async () => {
    // Waiting for the rate share ends this long before the function's time limit: what a last delete and the summary need.
    const deadline = Date.now() + context.getRemainingTimeInMillis() - SWEEP_MARGIN_MS;
    const accounts = await sweepEveryAccount(context.invokedFunctionArn, deadline);
    const regions = accounts.flatMap(({ account, regions }) => regions.map((region) => ({ ...region, at: `${account}/${region.region}` })));
    const failures = [
      ...accounts.flatMap(({ account, failure }) => (failure ? [`${account}: ${failure}`] : [])),
      ...regions.flatMap((region) => region.failures.map((failure) => `${region.at}: ${failure}`)),
    ];
    const expiredKeysDeleted = regions.flatMap((region) => region.expiredKeysDeleted.map((key) => `${region.at}/${key.keyPairId}`));
    const escrowedKeysDeleted = regions.flatMap((region) => region.escrowedKeysDeleted.map((id) => `${region.at}/${id}`));
    logger[failures.length ? "warn" : "info"]("sweep", {
      accountsSwept: accounts.filter((account) => !account.failure).length,
      regionsSwept: regions.length,
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
    return { accounts };
  });
