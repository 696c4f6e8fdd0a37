/** One valid API Gateway event per handler: each reaches EC2 (the fake endpoint) on the success path. */
import { apiEvent, type EventInit } from "../test/support/lambda.js";
import { ed25519PublicKey } from "../test/support/keys.js";
import type { HandlerName } from "./bundles.js";

const keyPairId = "key-0123456789abcdef0";

const inits: Record<HandlerName, EventInit & { expect: number }> = {
  "create-key-pair": { method: "POST", path: "/keypairs", body: { name: "bench", keyType: "ed25519", tags: { team: "bench" } }, expect: 201 },
  "import-key-pair": { method: "POST", path: "/keypairs/import", body: { name: "bench", publicKey: ed25519PublicKey() }, expect: 201 },
  "list-key-pairs": { method: "GET", path: "/keypairs", query: { tagKey: "team", limit: "100" }, expect: 200 },
  "get-key-pair": { method: "GET", path: "/keypairs/bench", routeKey: "GET /keypairs/{name}", pathParameters: { name: "bench" }, expect: 200 },
  "get-key-pair-by-id": { method: "GET", path: `/keypairs/by-id/${keyPairId}`, routeKey: "GET /keypairs/by-id/{keyPairId}", pathParameters: { keyPairId }, expect: 200 },
  "delete-key-pair": { method: "DELETE", path: "/keypairs/bench", routeKey: "DELETE /keypairs/{name}", pathParameters: { name: "bench" }, expect: 204 },
  "delete-key-pair-by-id": { method: "DELETE", path: `/keypairs/by-id/${keyPairId}`, routeKey: "DELETE /keypairs/by-id/{keyPairId}", pathParameters: { keyPairId }, expect: 204 },
  "method-not-allowed": { method: "PUT", path: "/keypairs", routeKey: "ANY /keypairs", expect: 405 },
  "api-docs": { method: "GET", path: "/openapi.json", routeKey: "GET /openapi.json", expect: 200 },
};

export const eventFor = (handler: HandlerName) => {
  const init = inits[handler];
  if (!init) throw new Error(`bench/events.ts has no event for handler ${handler} (serverless.yml lists it): add one`);
  return { event: apiEvent(init), expect: init.expect };
};
