import type { APIGatewayProxyEventV2, Context } from "aws-lambda";
import type { FunctionName, RouteKeyOf } from "../routes.js";

/**
 * One Lambda function for several routes: each event goes to the handler of the route API Gateway
 * matched (`routeKey`, e.g. "GET /keypairs/{name}"). The gateway's own decision is used rather than
 * matching the path again: a second router could read an encoded name ("a%2Fb") differently. The
 * map must name exactly the function's routes in the route table (src/lib/routes.ts).
 */
// biome-ignore lint/suspicious/noExplicitAny: any handler of a route; its own event type is kept in the result.
type RouteHandler = (event: any, context: Context) => Promise<unknown>;

export function routeByKey<F extends FunctionName, H extends RouteHandler>(_function: F, routes: Record<RouteKeyOf<F>, H>) {
  const table: Record<string, H> = routes;
  const handler = async (
    event: Parameters<H>[0] & Pick<APIGatewayProxyEventV2, "routeKey">,
    context: Context,
  ): Promise<Awaited<ReturnType<H>>> => {
    const route = Object.hasOwn(table, event.routeKey) ? table[event.routeKey] : undefined;
    if (!route) throw new Error(`this function serves no route ${event.routeKey}: the route table and the deployment disagree`);
    return (await route(event, context)) as Awaited<ReturnType<H>>;
  };
  return Object.assign(handler, { routeKeys: Object.keys(routes) });
}

/**
 * A route whose handler module is loaded by the route's first request: a function loads at INIT
 * only its most common route, its other routes' rules and schemas on first use (decision 0029).
 */
export const loadedOnFirstRequest =
  <H extends RouteHandler>(load: () => Promise<{ handler: H }>) =>
  async (event: Parameters<H>[0], context: Context): Promise<Awaited<ReturnType<H>>> =>
    (await load()).handler(event, context) as Awaited<ReturnType<H>>;
