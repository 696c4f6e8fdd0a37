// provider.httpApi.cors of serverless.yml, from the stage parameter corsAllowedOrigins. CORS is the
// gateway's job: an IAM-authorized route cannot answer a preflight (browsers do not sign one), so
// API Gateway answers it, and adds the CORS headers to every answer, for the listed origins only.
// Empty: CORS off, and no answer carries a CORS header.
const { ROUTES } = require("./route-table.cjs");

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

module.exports = async ({ resolveVariable }) => {
  const origins = String(await resolveVariable("param:corsAllowedOrigins"))
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (origins.length === 0) return { cors: false };
  const invalid = origins.filter((origin) => !ORIGIN.test(origin));
  if (invalid.length > 0) {
    throw new Error(
      `param corsAllowedOrigins: ${invalid.join(", ")} is not an origin (scheme://host[:port]); no wildcard: any page could read a private key`,
    );
  }
  return {
    cors: {
      allowedOrigins: origins,
      allowedMethods: [...new Set(ROUTES.map((route) => route.method))],
      // What a SigV4-signing browser client sends, and the API's own request headers.
      allowedHeaders: [
        "authorization",
        "content-type",
        "accept",
        "idempotency-key",
        "x-amz-date",
        "x-amz-security-token",
        "x-amz-content-sha256",
      ],
      exposedResponseHeaders: ["retry-after", "allow"],
      allowCredentials: false,
      maxAge: 600,
    },
  };
};
