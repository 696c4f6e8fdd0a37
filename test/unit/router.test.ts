import { readFileSync } from "node:fs";
import type { APIGatewayProxyEventV2 } from "aws-lambda";
import { parse } from "yaml";
import { ROOT } from "../../scripts/local-stack.js";
import { routeByKey } from "../../src/lib/router.js";
import { apiEvent, lambdaContext } from "../support/lambda.js";

interface Service {
  functions: Record<string, { handler: string; events: { httpApi: { method: string; path: string } }[] }>;
}
const service = parse(readFileSync(`${ROOT}/serverless.yml`, "utf8")) as Service;
const routers = Object.entries(service.functions).filter(([, fn]) => fn.handler.startsWith("src/functions/"));

describe("functions that serve several routes", () => {
  test("there are the three privilege groups", () => {
    expect(routers.map(([name]) => name)).toEqual(["readKeyPairs", "createKeyPairs", "deleteKeyPairs"]);
  });

  test.each(routers)("%s routes exactly the routes serverless.yml gives it", async (_name, fn) => {
    const module = (await import(`${ROOT}/${fn.handler.replace(/\.handler$/, ".ts")}`)) as { handler: { routeKeys: string[] } };
    expect([...module.handler.routeKeys].sort()).toEqual(fn.events.map(({ httpApi }) => `${httpApi.method} ${httpApi.path}`).sort());
  });
});

describe("routeByKey", () => {
  const seen: string[] = [];
  const router = routeByKey({
    "GET /keypairs/{name}": async (event: APIGatewayProxyEventV2) => seen.push(`name:${event.pathParameters?.name}`),
    "GET /keypairs/by-id/{keyPairId}": async (event: APIGatewayProxyEventV2) => seen.push(`id:${event.pathParameters?.keyPairId}`),
  });
  beforeEach(() => (seen.length = 0));

  test("goes by the route the gateway matched, not by the path", async () => {
    // A key named "by-id/key-0123456789abcdef0" (encoded slash) is still a name.
    const path = "/keypairs/by-id%2Fkey-0123456789abcdef0";
    await router(apiEvent({ method: "GET", path, routeKey: "GET /keypairs/{name}", pathParameters: { name: "by-id/key-0123456789abcdef0" } }), lambdaContext());
    expect(seen).toEqual(["name:by-id/key-0123456789abcdef0"]);
  });

  test("a route it does not serve is an error, never another route's handler", async () => {
    await expect(router(apiEvent({ method: "DELETE", path: "/keypairs/x", routeKey: "DELETE /keypairs/{name}" }), lambdaContext())).rejects.toThrow(/serves no route DELETE/);
    await expect(router(apiEvent({ method: "GET", path: "/x", routeKey: "toString" }), lambdaContext())).rejects.toThrow(/serves no route toString/);
    expect(seen).toEqual([]);
  });
});
