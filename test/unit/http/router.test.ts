import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { ROOT } from "../../../scripts/local-stack.js";
import { routeByKey } from "../../../src/lib/http/router.js";
import { FUNCTIONS, ROUTES, routeKey } from "../../../src/lib/routes.js";
import { apiEvent, lambdaContext } from "../../support/lambda.js";

const routers = Object.entries(FUNCTIONS).filter(([, fn]) => fn.entry.startsWith("src/functions/"));

describe("functions that serve several routes", () => {
  test("there are the three privilege groups", () => {
    expect(routers.map(([name]) => name)).toEqual(["readKeyPairs", "createKeyPairs", "deleteKeyPairs"]);
  });

  test.each(routers)("%s routes exactly its routes in the route table, each to the table's handler", async (name, fn) => {
    const module = (await import(`${ROOT}/${fn.entry}.ts`)) as { handler: { routeKeys: string[] } };
    const own = ROUTES.filter((route) => route.function === name);
    expect([...module.handler.routeKeys].sort()).toEqual(own.map(routeKey).sort());
  });
});

describe("routeByKey", () => {
  const seen: string[] = [];
  const router = routeByKey("readKeyPairs", {
    "GET /keypairs": async () => seen.push("list"),
    "GET /keypairs/{name}": async (event: APIGatewayProxyEventV2) => seen.push(`name:${event.pathParameters?.name}`),
    "GET /keypairs/by-id/{keyPairId}": async (event: APIGatewayProxyEventV2) => seen.push(`id:${event.pathParameters?.keyPairId}`),
    "GET /keypairs/report": async () => seen.push("report"),
  });
  beforeEach(() => (seen.length = 0));

  test("goes by the route the gateway matched, not by the path", async () => {
    // A key named "by-id/key-0123456789abcdef0" (encoded slash) is still a name.
    const path = "/keypairs/by-id%2Fkey-0123456789abcdef0";
    await router(
      apiEvent({ method: "GET", path, routeKey: "GET /keypairs/{name}", pathParameters: { name: "by-id/key-0123456789abcdef0" } }),
      lambdaContext(),
    );
    expect(seen).toEqual(["name:by-id/key-0123456789abcdef0"]);
  });

  test("a route it does not serve is an error, never another route's handler", async () => {
    await expect(
      router(apiEvent({ method: "DELETE", path: "/keypairs/x", routeKey: "DELETE /keypairs/{name}" }), lambdaContext()),
    ).rejects.toThrow(/serves no route DELETE/);
    await expect(router(apiEvent({ method: "GET", path: "/x", routeKey: "toString" }), lambdaContext())).rejects.toThrow(
      /serves no route toString/,
    );
    expect(seen).toEqual([]);
  });
});

describe("route maps are typed against the route table", () => {
  test("a map missing a route of its function, or naming another's, does not compile", () => {
    const handle = async () => undefined;
    // @ts-expect-error GET /keypairs/{name} and GET /keypairs/by-id/{keyPairId} are missing
    routeByKey("readKeyPairs", { "GET /keypairs": handle });
    routeByKey("deleteKeyPairs", {
      "DELETE /keypairs/{name}": handle,
      "DELETE /keypairs/by-id/{keyPairId}": handle,
      // @ts-expect-error POST /keypairs is the create function's
      "POST /keypairs": handle,
    });
    expect(ROUTES.length).toBeGreaterThan(0);
  });
});
