// CloudFormation extensions of what the framework generates, from the route table
// (src/lib/routes.ts): HTTP API throttling per route (osls has no setting for it) and the docs
// routes' authorization (the stage parameter docsAuthorization: AWS_IAM or NONE).
const naming = require("serverless/lib/plugins/aws/lib/naming.js");
const { ROUTES, routeKey } = require("./route-table.cjs");

/** The stage parameters of a throttling class: throttleRateLimit, deleteThrottleRateLimit... */
const param = (throttle, limit) => `param:${throttle === "default" ? "t" : `${throttle}T`}hrottle${limit}Limit`;

module.exports = async ({ resolveVariable }) => {
  const limits = async (throttle) => ({
    ThrottlingRateLimit: Number(await resolveVariable(param(throttle, "Rate"))),
    ThrottlingBurstLimit: Number(await resolveVariable(param(throttle, "Burst"))),
  });
  const throttled = ROUTES.filter((route) => route.throttle !== "default");
  const extensions = {
    HttpApiStage: {
      Properties: {
        DefaultRouteSettings: { DetailedMetricsEnabled: false, ...(await limits("default")) },
        RouteSettings: Object.fromEntries(
          await Promise.all(throttled.map(async (route) => [routeKey(route), await limits(route.throttle)])),
        ),
      },
      // Route settings name routes by key: the routes must exist before the stage refers to them.
      DependsOn: throttled.map((route) => naming.getHttpApiRouteLogicalId(routeKey(route))),
    },
  };
  const docsAuthorization = await resolveVariable("param:docsAuthorization");
  for (const route of ROUTES.filter((candidate) => candidate.authorization === "docs")) {
    extensions[naming.getHttpApiRouteLogicalId(routeKey(route))] = { Properties: { AuthorizationType: docsAuthorization } };
  }
  return { extensions };
};
