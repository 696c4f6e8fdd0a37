// Stands in for @aws-sdk/credential-provider-node in the Lambda bundles (build/esbuild-plugins.cjs).
// On Lambda the function role's credentials are always in the environment, the first link of the
// SDK's default chain; the rest of it (SSO, STS, ini and process files, IMDS, HTTP) never applies
// there but costs ~100 KB of every bundle and its load time.
import { fromEnv } from "@aws-sdk/credential-provider-env";

export const defaultProvider = (init) => fromEnv(init);
