/**
 * `npm start`'s stand-in for the sweep's EventBridge schedule (serverless-offline runs no
 * schedules): invokes the sweep function through serverless-offline's Lambda Invoke endpoint every
 * `intervalSeconds`, one run at a time, until stopped. The function logs its own summary line.
 */
import type { SCHEDULED_FUNCTIONS } from "../src/lib/routes.ts";

export const DEFAULT_SWEEP_INTERVAL_SECONDS = 15;

export interface LocalSweeper {
  stop(): Promise<void>;
}

/** The deployed name of a function of the local stage (serverless-offline invokes it by that name). */
const functionName = (name: keyof typeof SCHEDULED_FUNCTIONS) => `ec2-keypairs-api-local-${name}`;

export function startLocalSweeper(options: {
  lambdaUrl: string;
  intervalSeconds: number;
  /** Told of a run that failed (the function's own log line says what each run did). */
  report: (message: string) => void;
}): LocalSweeper {
  const url = `${options.lambdaUrl}/2015-03-31/functions/${functionName("sweepKeyPairs")}/invocations`;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();
  const runOnce = async () => {
    try {
      const answer = await fetch(url, { method: "POST", body: "{}", signal: AbortSignal.timeout(300_000) });
      if (!answer.ok) options.report(`the sweep function answered ${answer.status}: ${(await answer.text()).slice(0, 200)}`);
    } catch (error) {
      if (!stopped) options.report(`the sweep function could not be invoked: ${(error as Error).message}`);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      current = runOnce().then(schedule);
    }, options.intervalSeconds * 1000);
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
