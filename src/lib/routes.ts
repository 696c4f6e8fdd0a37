/**
 * The route table: every route the API serves, once. The functions' route maps are typed against
 * it, the 405 catch-alls and Allow headers come from it, as do the spec's routes (scripts/openapi)
 * and, at package time, serverless.yml's functions, events, IAM grants and throttling
 * (deploy/functions.cjs and iam/roles.cjs read this file through deploy/route-table.cjs). Plain data,
 * no imports: deploy-time resolvers load it too.
 */

/**
 * The AWS permissions a route needs, by name (iam/roles.cjs writes each as IAM statements): a
 * function's role holds the union of its routes' needs, nothing else.
 */
export const GRANTS = [
  "create",
  "import",
  "describe",
  "describeUsage",
  "delete",
  "idempotencyLedger",
  "escrow",
  "forgetEscrow",
  "listEscrow",
  "publishEvents",
  "rateShare",
  "tagKeys",
  "tagExpiry",
] as const;
export type Grant = (typeof GRANTS)[number];

/** The stage's throttling limits a route falls under (serverless.yml params `<name>ThrottleRateLimit`...). */
export type Throttle = "default" | "delete";

/**
 * Functions by privilege: the routes of a function need the same grants, or nearly, and keep each
 * other warm (docs/decisions). `entry` is its Lambda handler module.
 */
export const FUNCTIONS = {
  readKeyPairs: { entry: "src/functions/read-key-pairs" },
  createKeyPairs: { entry: "src/functions/create-key-pairs" },
  deleteKeyPairs: { entry: "src/functions/delete-key-pairs" },
  apiDocs: { entry: "src/handlers/api-docs" },
  /** Any other method on a known path: a 405 problem with an Allow header (not the gateway's 404). */
  methodNotAllowed: { entry: "src/handlers/method-not-allowed" },
} as const;

export type FunctionName = keyof typeof FUNCTIONS;

/**
 * Functions that no route reaches, run on an EventBridge schedule (the stage parameter `schedule`
 * names holds its rate), with their own grants.
 */
export const SCHEDULED_FUNCTIONS = {
  /** Deletes expired key pairs, and escrowed private keys whose key pair is gone (src/lib/keypairs/sweep.ts). */
  sweepKeyPairs: {
    entry: "src/functions/sweep-key-pairs",
    schedule: "sweepSchedule",
    grants: ["describe", "delete", "listEscrow", "forgetEscrow", "publishEvents", "rateShare"],
  },
} as const satisfies Record<string, { entry: string; schedule: string; grants: readonly Grant[] }>;

export interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  function: Exclude<FunctionName, "methodNotAllowed">;
  /** Its module under src/handlers/. */
  handler: string;
  grants: readonly Grant[];
  throttle: Throttle;
  /** Who may call it: AWS_IAM, or the stage's docsAuthorization parameter (AWS_IAM or NONE). */
  authorization?: "docs";
}

export const ROUTES = [
  // includeUsage / unused (and the guarded delete below) read what names keys: instances, launch templates, Auto Scaling.
  {
    method: "GET",
    path: "/keypairs",
    function: "readKeyPairs",
    handler: "list-key-pairs",
    grants: ["describe", "describeUsage", "rateShare"],
    throttle: "default",
  },
  // Create and import look the name up after an attempt whose answer was lost, to recognise their own key;
  // create then deletes that key (nobody received its private key). With escrow, create puts the private key in SSM.
  // With an Idempotency-Key, create marks its key complete as its last step (a tag). It deletes an escrowed private key
  // whose put failed or whose key pair it makes anew. Every route that changes a key publishes the change (EventBridge).
  {
    method: "POST",
    path: "/keypairs",
    function: "createKeyPairs",
    handler: "create-key-pair",
    grants: ["create", "describe", "delete", "idempotencyLedger", "escrow", "forgetEscrow", "publishEvents", "rateShare"],
    throttle: "default",
  },
  {
    method: "POST",
    path: "/keypairs/import",
    function: "createKeyPairs",
    handler: "import-key-pair",
    grants: ["import", "describe", "idempotencyLedger", "publishEvents", "rateShare"],
    throttle: "default",
  },
  {
    method: "GET",
    path: "/keypairs/{name}",
    function: "readKeyPairs",
    handler: "get-key-pair",
    grants: ["describe", "describeUsage", "rateShare"],
    throttle: "default",
  },
  // A key named "report" is read and deleted by id: GET /keypairs/report is the report (SHADOWED_ROUTES).
  {
    method: "GET",
    path: "/keypairs/report",
    function: "readKeyPairs",
    handler: "key-pair-report",
    grants: ["describe", "describeUsage", "rateShare"],
    throttle: "default",
  },
  // Cleanup deletes as the delete routes do, each key after its own usage check (a key named "cleanup": by id).
  {
    method: "POST",
    path: "/keypairs/cleanup",
    function: "deleteKeyPairs",
    handler: "cleanup-key-pairs",
    grants: ["describe", "describeUsage", "delete", "forgetEscrow", "publishEvents", "rateShare"],
    throttle: "delete",
  },
  // Delete looks the key up first (EC2 answers success for a missing name), checks that nothing names it (unless forced),
  // deletes it by id, then its escrowed key.
  {
    method: "DELETE",
    path: "/keypairs/{name}",
    function: "deleteKeyPairs",
    handler: "delete-key-pair",
    grants: ["describe", "describeUsage", "delete", "forgetEscrow", "publishEvents", "rateShare"],
    throttle: "delete",
  },
  {
    method: "GET",
    path: "/keypairs/by-id/{keyPairId}",
    function: "readKeyPairs",
    handler: "get-key-pair-by-id",
    grants: ["describe", "describeUsage", "rateShare"],
    throttle: "default",
  },
  {
    method: "DELETE",
    path: "/keypairs/by-id/{keyPairId}",
    function: "deleteKeyPairs",
    handler: "delete-key-pair-by-id",
    grants: ["describe", "describeUsage", "delete", "forgetEscrow", "publishEvents", "rateShare"],
    throttle: "delete",
  },
  // Tags and expiry change on managed keys only (the delete guard), by id after a look-up, each change published.
  // tagKeys tags with the caller's keys only, tagExpiry with the expiry tag only (aws:TagKeys): neither touches the other's.
  ...(["/keypairs/{name}", "/keypairs/by-id/{keyPairId}"] as const).flatMap((key) => {
    const by = key === "/keypairs/{name}" ? "" : "-by-id";
    return [
      {
        method: "PATCH",
        path: `${key}/tags`,
        function: "deleteKeyPairs",
        handler: `change-key-pair-tags${by}`,
        grants: ["describe", "tagKeys", "publishEvents", "rateShare"],
        throttle: "default",
      },
      {
        method: "PUT",
        path: `${key}/expiry`,
        function: "deleteKeyPairs",
        handler: `set-key-pair-expiry${by}`,
        grants: ["describe", "tagExpiry", "publishEvents", "rateShare"],
        throttle: "default",
      },
      {
        method: "DELETE",
        path: `${key}/expiry`,
        function: "deleteKeyPairs",
        handler: `clear-key-pair-expiry${by}`,
        grants: ["describe", "tagExpiry", "publishEvents", "rateShare"],
        throttle: "default",
      },
    ] as const;
  }),
  {
    method: "GET",
    path: "/openapi.json",
    function: "apiDocs",
    handler: "api-docs",
    grants: [],
    throttle: "default",
    authorization: "docs",
  },
  { method: "GET", path: "/docs", function: "apiDocs", handler: "api-docs", grants: [], throttle: "default", authorization: "docs" },
  // What a problem's type URI names: a short page per problem kind (src/lib/api/problems.ts).
  {
    method: "GET",
    path: "/problems/{type}",
    function: "apiDocs",
    handler: "problem-page",
    grants: [],
    throttle: "default",
    authorization: "docs",
  },
] as const satisfies readonly Route[];

type Table = (typeof ROUTES)[number];
/** The key of each route of the table ("GET /keypairs/{name}"), route by route. */
export type RouteKey = Table extends infer R ? (R extends { method: string; path: string } ? `${R["method"]} ${R["path"]}` : never) : never;
/** The route keys a function serves: its route map must have exactly these. */
export type RouteKeyOf<F extends FunctionName> =
  Extract<Table, { function: F }> extends infer R
    ? R extends { method: string; path: string }
      ? `${R["method"]} ${R["path"]}`
      : never
    : never;

export const routeKey = (route: Pick<Route, "method" | "path">): string => `${route.method} ${route.path}`;

/** The methods each path serves, in table order: the Allow header of a 405. */
export const METHODS_BY_PATH: Record<string, string[]> = {};
for (const route of ROUTES as readonly Route[]) METHODS_BY_PATH[route.path] = [...(METHODS_BY_PATH[route.path] ?? []), route.method];

const segments = (path: string) => path.split("/");
const isParameter = (segment: string) => segment.startsWith("{");

/**
 * A method on a literal path that a parameter route of that method would otherwise take: `DELETE
 * /keypairs/import` reached `DELETE /keypairs/{name}` (a key named "import") on serverless-offline,
 * whose router prefers a route with the method to the `ANY` catch-all; API Gateway need not choose
 * alike. A route with both the method and the whole literal path is the first choice of both, so
 * each such pair is routed to the 405 function by its own method: 405 with the path's Allow
 * everywhere. The name routes therefore cannot address a key named after such a segment
 * ("import"); the id routes can. A name like "by-id", a path no route serves alone, is an ordinary
 * name.
 */
export const SHADOWED_ROUTES: readonly Pick<Route, "method" | "path">[] = Object.keys(METHODS_BY_PATH).flatMap((path) => {
  const literal = segments(path);
  const shadowing = (ROUTES as readonly Route[]).filter((route) => {
    const pattern = segments(route.path);
    return (
      route.path !== path &&
      pattern.length === literal.length &&
      pattern.every((segment, index) => segment === literal[index] || (isParameter(segment) && !isParameter(literal[index]!)))
    );
  });
  const methods = [...new Set(shadowing.map((route) => route.method))].filter((method) => !METHODS_BY_PATH[path]!.includes(method));
  return methods.map((method) => ({ method, path }));
});
