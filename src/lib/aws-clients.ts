/** What every AWS SDK client of the service shares: the configured time budget per attempt, standard retries. */
import { config } from "./config.js";

export const clientOptions = (region: string, endpoint: string | undefined, maxAttempts: number) => ({
  region,
  endpoint,
  maxAttempts,
  retryMode: "standard",
  requestHandler: {
    requestTimeout: config.EC2_REQUEST_TIMEOUT_MS,
    connectionTimeout: config.EC2_REQUEST_TIMEOUT_MS,
    throwOnRequestTimeout: true,
  },
});
