// serverless.yml's functions, from the route table (src/lib/routes.ts): each function's routes as
// httpApi events behind the IAM authorizer, on every path a catch-all for the 405 function (and the
// methods a parameter route would otherwise take from a literal path: SHADOWED_ROUTES), and the
// scheduled functions with their schedule events.
const { FUNCTIONS, ROUTES, SCHEDULED_FUNCTIONS, SHADOWED_ROUTES, roleOf } = require("./route-table.cjs");
const reservedConcurrency = require("../iam/limits.cjs");

const AWS_IAM = { type: "aws_iam" };

module.exports = async ({ resolveVariable }) => {
  const limits = await reservedConcurrency({ resolveVariable });
  // The local stage (serverless-offline) gets no schedules: npm start's sweeper (scripts/local-sweeper.ts)
  // runs at its own interval, and tests invoke the sweep themselves, never at a moment a cron picks.
  const local = (await resolveVariable("sls:stage")) === "local";
  const paths = [...new Set(ROUTES.map((route) => route.path))];
  const eventsOf = (name) =>
    name === "methodNotAllowed"
      ? [...paths.map((path) => ({ method: "*", path })), ...SHADOWED_ROUTES].map(({ method, path }) => ({
          httpApi: { method, path, authorizer: AWS_IAM },
        }))
      : ROUTES.filter((route) => route.function === name).map((route) => ({
          httpApi: { method: route.method, path: route.path, authorizer: AWS_IAM },
        }));
  const functions = {};
  for (const [name, { entry }] of Object.entries(FUNCTIONS)) {
    const routes = ROUTES.filter((route) => route.function === name);
    // Lambda allows 256 characters: the methods of a path together ("PUT|DELETE /keypairs/{name}/expiry").
    const methodsByPath = Map.groupBy(routes, (route) => route.path);
    const keys = [...methodsByPath].map(([path, served]) => `${served.map((route) => route.method).join("|")} ${path}`);
    functions[name] = {
      role: roleOf(name),
      ...limits,
      handler: `${entry}.handler`,
      description: keys.length ? keys.join(", ") : "405 for unsupported methods",
      events: eventsOf(name),
    };
  }
  for (const [name, { entry, schedule }] of Object.entries(SCHEDULED_FUNCTIONS)) {
    functions[name] = {
      role: roleOf(name),
      // One run at a time is plenty; overlapping runs would be harmless.
      reservedConcurrency: 1,
      // Region after region, each call bounded by EC2_TOTAL_TIMEOUT_MS: more than a request's time.
      timeout: 300,
      handler: `${entry}.handler`,
      description: `on a schedule (${schedule})`,
      events: local ? [] : [{ schedule: { rate: [await resolveVariable(`param:${schedule}`)] } }],
    };
  }
  return { functions };
};
