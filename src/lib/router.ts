import type { APIGatewayProxyEventV2, Context } from "aws-lambda";

/**
 * One Lambda function for several routes: each event goes to the handler of the route API Gateway
 * matched (`routeKey`, e.g. "GET /keypairs/{name}"). The gateway's own decision is used rather than
 * matching the path again: a second router could read an encoded name ("a%2Fb") differently.
 * test/contract/template.test.ts checks each table against serverless.yml's events.
 */
export function routeByKey<Event extends Pick<APIGatewayProxyEventV2, "routeKey">, Result>(routes: Record<string, (event: Event, context: Context) => Promise<Result>>) {
  const handler = async (event: Event, context: Context): Promise<Result> => {
    const route = Object.hasOwn(routes, event.routeKey) ? routes[event.routeKey] : undefined;
    if (!route) throw new Error(`this function serves no route ${event.routeKey}: serverless.yml and its route table disagree`);
    return route(event, context);
  };
  return Object.assign(handler, { routeKeys: Object.keys(routes) });
}
