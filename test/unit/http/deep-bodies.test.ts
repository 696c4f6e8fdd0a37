/**
 * Bodies nested as deep as the sender likes get a 400 naming the limit, on every route with a body,
 * however deep (nothing walks the nesting recursively). The routes come from the route table and
 * the spec, so a new route with a body is covered without editing this file.
 */
import { EC2Client } from "@aws-sdk/client-ec2";
import { mockClient } from "aws-sdk-client-mock";
import { findJsonFault, MAX_JSON_DEPTH } from "../../../src/lib/http/strict-json.js";
import { ROUTES, routeKey } from "../../../src/lib/routes.js";
import { type Handler, invoke } from "../../support/lambda.js";

// Deep bodies are long: 10^5 levels of objects do not fit in the default MAX_BODY_BYTES (a 413, not
// the check under test). The configuration is read once, when a module that needs it is first
// imported: those are imported after this line.
process.env.MAX_BODY_BYTES = String(4 * 1024 * 1024);
const { openApiDocument } = await import("../../../scripts/openapi/document.js");

const ec2 = mockClient(EC2Client);
beforeEach(() => ec2.reset());

const DEPTH = 100_000;
/** The bodies of the report, each at depth 10^5 (arrays, objects, mixed, and nesting inside a valid field). */
const DEEP_BODIES: Array<[label: string, body: string]> = [
  ["arrays", `${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}`],
  ["objects", `${'{"a":'.repeat(DEPTH)}1${"}".repeat(DEPTH)}`],
  ["mixed", `${'[{"a":'.repeat(DEPTH / 2)}1${"}]".repeat(DEPTH / 2)}`],
  ["arrays inside tags", `{"name":"n","tags":${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}}`],
];

const spec = openApiDocument() as unknown as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
const BODY_ROUTES = ROUTES.filter((route) => spec.paths[route.path]?.[route.method.toLowerCase()]?.requestBody !== undefined);
const handlerOf = async (module: string): Promise<Handler> =>
  ((await import(`../../../src/handlers/${module}.js`)) as { handler: Handler }).handler;

const TOO_DEEP = { field: "body", message: "nests arrays and objects more than 32 levels deep; at most 32 are accepted" };

test("the routes with a body, read from the route table and the spec: create, import, the tags and expiry changes, cleanup", () => {
  expect(BODY_ROUTES.map(routeKey).sort()).toEqual(
    [
      "POST /keypairs",
      "POST /keypairs/import",
      "PATCH /keypairs/{name}/tags",
      "PATCH /keypairs/by-id/{keyPairId}/tags",
      "PUT /keypairs/{name}/expiry",
      "PUT /keypairs/by-id/{keyPairId}/expiry",
      "POST /keypairs/cleanup",
    ].sort(),
  );
});

/** A level-2 object of each body route whose string member can hold the nesting: tags.a, or a cleanup's cursor.after. */
const LEVEL_TWO: Record<string, { before: string; member: string[] }> = {
  "POST /keypairs/cleanup": { before: '"unused":true', member: ["cursor", "after"] },
};
const levelTwo = (key: string) => LEVEL_TWO[key] ?? { before: '"name":"n"', member: ["tags", "a"] };

describe.each(BODY_ROUTES.map((route) => [routeKey(route), route] as const))("%s", (_key, route) => {
  test.each(DEEP_BODIES)("%s nested 10^5 deep: 400 validation naming the limit, EC2 never called", async (_label, body) => {
    const answer = await invoke(await handlerOf(route.handler), { method: route.method, path: route.path, body });
    expect([answer.status, answer.body.type]).toEqual([400, "/problems/validation"]);
    expect(answer.body.errors).toEqual([TOO_DEEP]);
    expect(ec2.calls()).toHaveLength(0);
  });

  test(`${MAX_JSON_DEPTH} levels pass the depth check (the schema answers); ${MAX_JSON_DEPTH + 1} do not`, async () => {
    const handler = await handlerOf(route.handler);
    // The body is level 1 and tags (or cursor) level 2: the array in a member's value fills the levels up to the one asked for.
    const { before, member } = levelTwo(routeKey(route));
    const nested = (depth: number) => `{${before},"${member[0]}":{"${member[1]}":${"[".repeat(depth - 2)}${"]".repeat(depth - 2)}}}`;
    const atLimit = await invoke(handler, { method: route.method, path: route.path, body: nested(MAX_JSON_DEPTH) });
    expect(atLimit.status).toBe(400);
    // The schema answers (create, import, cleanup: the member's value; the others: their own fields), not the depth check.
    expect(atLimit.body.errors).not.toContainEqual(TOO_DEEP);
    if (route.method === "POST")
      expect(atLimit.body.errors).toContainEqual({ field: `body.${member.join(".")}`, message: "must be a string" });
    const over = await invoke(handler, { method: route.method, path: route.path, body: nested(MAX_JSON_DEPTH + 1) });
    expect(over.body.errors).toEqual([TOO_DEEP]);
  });
});

test("the scan needs no stack however deep the text nests (10^6 levels, arrays, objects, unclosed)", () => {
  const million = 1_000_000;
  for (const text of ["[".repeat(million), '{"a":'.repeat(million), `${"[".repeat(million)}${"]".repeat(million)}`]) {
    expect(findJsonFault(text)).toEqual({ kind: "too-deep" });
  }
  expect(findJsonFault(`${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`)).toBeUndefined();
});

test.each([
  ['"x"', "a string"],
  ["5", "a number"],
  ["null", "null"],
  ["[1]", "an array"],
  ["true", "a boolean"],
])("a body of JSON %s (%s) is a 400 validation: body must be an object", async (body) => {
  for (const route of BODY_ROUTES) {
    // A valid name or id in the path: the body's problem is then the only one.
    const pathParameters = Object.fromEntries(
      [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, name === "keyPairId" ? "key-0123456789abcdef0" : "n"]),
    );
    const answer = await invoke(await handlerOf(route.handler), { method: route.method, path: route.path, body, pathParameters });
    expect([routeKey(route), answer.status, answer.body.type]).toEqual([routeKey(route), 400, "/problems/validation"]);
    expect(answer.body.errors).toEqual([{ field: "body", message: "must be an object" }]);
  }
});
