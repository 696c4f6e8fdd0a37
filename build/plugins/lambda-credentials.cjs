// lambda-credentials: the SDK clients' default credential chain replaced by its first link, the
// environment (build/lambda-credentials.mjs). A local stack against real AWS (npm start with
// LOCAL_EC2=false: SSO, profiles...) builds with the whole chain: it sets FULL_CREDENTIAL_CHAIN=true.
const { join } = require("node:path");
const { guardPlugin } = require("./guard.cjs");

const NAME = "lambda-credentials";
const FILTER = /^@aws-sdk\/credential-provider-node$/;
const STAND_IN = join(__dirname, "..", "lambda-credentials.mjs");

const lambdaCredentials = {
  name: NAME,
  setup(build) {
    if (process.env.FULL_CREDENTIAL_CHAIN === "true") return;
    // The stand-in mirrors this credential-provider-node's defaultProvider, built on this credential-provider-env.
    guardPlugin(NAME);
    build.onResolve({ filter: FILTER }, () => ({ path: STAND_IN }));
  },
};

module.exports = { lambdaCredentials, FILTER, STAND_IN };
