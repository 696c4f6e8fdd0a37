/** What every AWS SDK client of the service shares: the configured time budget per attempt, standard retries. */
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { config } from "../platform/config.js";
import { scopedCredentials } from "./account-scope.js";

/** An HTTP handler (a pool of connections) with the per-attempt time budget; clients may share one. */
export const httpHandler = () =>
  new NodeHttpHandler({
    requestTimeout: config.EC2_REQUEST_TIMEOUT_MS,
    connectionTimeout: config.EC2_REQUEST_TIMEOUT_MS,
    throwOnRequestTimeout: true,
  });

export const clientOptions = (region: string, endpoint: string | undefined, maxAttempts: number, requestHandler = httpHandler()) => ({
  region,
  endpoint,
  maxAttempts,
  retryMode: "standard",
  requestHandler,
});

/**
 * A client's options in the account the request acts in (account-scope.ts): a member account's
 * credentials, or the functions' own role. Cache such clients by clientKey(region), never by region alone.
 */
export const scopedClientOptions = (region: string, endpoint: string | undefined, maxAttempts: number, requestHandler = httpHandler()) => ({
  ...clientOptions(region, endpoint, maxAttempts, requestHandler),
  ...scopedCredentials(),
});
