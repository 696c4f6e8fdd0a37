/** What every AWS SDK client of the service shares: the configured time budget per attempt, standard retries. */
import { loadConfig, NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS } from "@smithy/core/config";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { config } from "../platform/config.js";
import { countMetric } from "../platform/metrics.js";
import { scopedCredentials } from "./account-scope.js";
import { isThrottling } from "./ec2-errors.js";

/** An HTTP handler (a pool of connections) with the per-attempt time budget; clients may share one. */
export const httpHandler = () =>
  new NodeHttpHandler({
    requestTimeout: config.EC2_REQUEST_TIMEOUT_MS,
    connectionTimeout: config.EC2_REQUEST_TIMEOUT_MS,
    throwOnRequestTimeout: true,
  });

/** What the service's AWS calls say they are, in their user agent (`app/ec2-keypairs-api`). */
const USER_AGENT_APP_ID = "ec2-keypairs-api";

type SettingsFromEnvironment = ReturnType<typeof lookUpSettings>;
const lookUpSettings = () => ({
  useFipsEndpoint: loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, {}),
  useDualstackEndpoint: loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, {}),
});
let settingsFromEnvironment: SettingsFromEnvironment | undefined;

/**
 * A client's options. The settings the SDK would look up in the environment and ~/.aws/config for
 * each new client (every miss throws a ProviderError) are looked up once per process and shared:
 * an estate listing builds a client per (account, region), and the lookups were 0.6 of its ~1.1 ms
 * (bench/estate.ts). The defaults mode only picks retries and timeouts, which are set here; endpoints
 * come from the service's config (EC2_ENDPOINT, ...), never AWS_ENDPOINT_URL_*; the app id and auth
 * scheme are the service's own (not AWS_SDK_UA_APP_ID or AWS_AUTH_SCHEME_PREFERENCE).
 */
export const clientOptions = (region: string, endpoint: string | undefined, maxAttempts: number, requestHandler = httpHandler()) => {
  settingsFromEnvironment ??= lookUpSettings();
  return {
    region,
    endpoint,
    maxAttempts,
    retryMode: "standard",
    requestHandler,
    ...settingsFromEnvironment,
    defaultsMode: "legacy" as const,
    ignoreConfiguredEndpointUrls: true,
    // Set, not looked up: the service's calls name it in their user agent (CloudTrail shows it), and sign with SigV4 only.
    userAgentAppId: USER_AGENT_APP_ID,
    authSchemePreference: [],
  };
};

// biome-ignore lint/suspicious/noExplicitAny: a handler of any client's stack, each with its own input and output types.
type Next = (args: any) => Promise<any>;
interface WithMiddleware {
  middlewareStack: { add(middleware: (next: Next) => Next, options: { step: "finalizeRequest"; priority: "low"; name: string }): void };
}

/**
 * Counts (Ec2Throttled) every throttling answer of EC2 or Auto Scaling, the attempts the SDK retried
 * included: the middleware sits inside the SDK's retry loop (finalizeRequest, after the retry
 * middleware's high priority), where each attempt's deserialized error passes.
 */
export function countingThrottles<C extends WithMiddleware>(client: C): C {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (isThrottling(error)) countMetric("Ec2Throttled");
        throw error;
      }
    },
    { step: "finalizeRequest", priority: "low", name: "countThrottles" },
  );
  return client;
}
/**
 * A client's options in the account the request acts in (account-scope.ts): a member account's
 * credentials, or the functions' own role. Cache such clients by clientKey(region), never by region alone.
 */
export const scopedClientOptions = (region: string, endpoint: string | undefined, maxAttempts: number, requestHandler = httpHandler()) => ({
  ...clientOptions(region, endpoint, maxAttempts, requestHandler),
  ...scopedCredentials(),
});
