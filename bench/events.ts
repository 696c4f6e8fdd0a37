/** One valid API Gateway event per route: each reaches EC2 (the fake endpoint) on the success path. */

import { ed25519PublicKey } from "../test/support/keys.js";
import { apiEvent, type EventInit } from "../test/support/lambda.js";
import type { RouteKey } from "./artifacts.js";

const keyPairId = "key-0123456789abcdef0";

const inits: Record<RouteKey, Omit<EventInit, "routeKey"> & { expect: number }> = {
  "POST /keypairs": {
    method: "POST",
    path: "/keypairs",
    body: { name: "bench", keyType: "ed25519", tags: { team: "bench" } },
    expect: 201,
  },
  "POST /keypairs/import": {
    method: "POST",
    path: "/keypairs/import",
    body: { name: "bench", publicKey: ed25519PublicKey() },
    expect: 201,
  },
  "GET /keypairs": { method: "GET", path: "/keypairs", query: { tagKey: "team", limit: "100" }, expect: 200 },
  "GET /keypairs/{name}": { method: "GET", path: "/keypairs/bench", pathParameters: { name: "bench" }, expect: 200 },
  "GET /keypairs/by-id/{keyPairId}": { method: "GET", path: `/keypairs/by-id/${keyPairId}`, pathParameters: { keyPairId }, expect: 200 },
  "DELETE /keypairs/{name}": { method: "DELETE", path: "/keypairs/bench", pathParameters: { name: "bench" }, expect: 204 },
  "DELETE /keypairs/by-id/{keyPairId}": {
    method: "DELETE",
    path: `/keypairs/by-id/${keyPairId}`,
    pathParameters: { keyPairId },
    expect: 204,
  },
  "ANY /keypairs": { method: "PUT", path: "/keypairs", expect: 405 },
  "GET /openapi.json": { method: "GET", path: "/openapi.json", expect: 200 },
  // As a browser asks for it (only browsers read the page): the precompressed file, as it is.
  "GET /docs": { method: "GET", path: "/docs", headers: { "accept-encoding": "gzip, deflate, br, zstd" }, expect: 200 },
};

/** The routes the bench times, one event each; the other ANY routes answer the same 405. */
export const BENCH_ROUTES = Object.keys(inits);

export const eventFor = (route: RouteKey) => {
  const init = inits[route];
  if (!init) throw new Error(`bench/events.ts has no event for route ${route}: add one`);
  return { event: apiEvent({ ...init, routeKey: route }), expect: init.expect };
};
