// Stands in for @aws-sdk/credential-provider-node in the Lambda bundles (build/plugins/lambda-credentials.cjs).
// On Lambda the function role's credentials are always in the environment, the first link of the
// SDK's default chain; the rest of it (SSO, STS, ini and process files, IMDS, HTTP) never applies
// there but costs ~100 KB of every bundle and its load time. Memoized like the default chain: read
// once, again only when credentials with an expiration come within 5 minutes of it.
import { fromEnv } from "@aws-sdk/credential-provider-env";
import { memoize } from "@smithy/core/config";

const REFRESH_BEFORE_MS = 5 * 60 * 1000;

export const defaultProvider = (init) =>
  memoize(
    fromEnv(init),
    (credentials) => credentials.expiration !== undefined && credentials.expiration.getTime() - Date.now() < REFRESH_BEFORE_MS,
    (credentials) => credentials.expiration !== undefined,
  );
