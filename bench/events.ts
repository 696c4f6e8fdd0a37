/** One valid API Gateway event per route: each reaches EC2 (the fake endpoint) on the success path. */

import type { RouteKey } from "../src/lib/routes.js";
import { ed25519PublicKey } from "../test/support/keys.js";
import { apiEvent, type EventInit } from "../test/support/lambda.js";

const keyPairId = "key-0123456789abcdef0";

/** Every route of the route table (a route added there does not compile here until it has an event), and a 405 catch-all. */
export type BenchRoute = RouteKey | "ANY /keypairs";

const inits: Record<BenchRoute, Omit<EventInit, "routeKey"> & { expect: number }> = {
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
  "PATCH /keypairs/{name}/tags": {
    method: "PATCH",
    path: "/keypairs/bench/tags",
    pathParameters: { name: "bench" },
    body: { set: { owner: "bench" } },
    expect: 200,
  },
  "PATCH /keypairs/by-id/{keyPairId}/tags": {
    method: "PATCH",
    path: `/keypairs/by-id/${keyPairId}/tags`,
    pathParameters: { keyPairId },
    body: { remove: ["owner"] },
    expect: 200,
  },
  "PUT /keypairs/{name}/expiry": {
    method: "PUT",
    path: "/keypairs/bench/expiry",
    pathParameters: { name: "bench" },
    body: { ttlSeconds: 3600 },
    expect: 200,
  },
  "PUT /keypairs/by-id/{keyPairId}/expiry": {
    method: "PUT",
    path: `/keypairs/by-id/${keyPairId}/expiry`,
    pathParameters: { keyPairId },
    body: { ttlSeconds: 3600 },
    expect: 200,
  },
  "DELETE /keypairs/{name}/expiry": { method: "DELETE", path: "/keypairs/bench/expiry", pathParameters: { name: "bench" }, expect: 200 },
  "DELETE /keypairs/by-id/{keyPairId}/expiry": {
    method: "DELETE",
    path: `/keypairs/by-id/${keyPairId}/expiry`,
    pathParameters: { keyPairId },
    expect: 200,
  },
  "GET /keypairs/report": { method: "GET", path: "/keypairs/report", query: { missingTag: "owner" }, expect: 200 },
  "POST /keypairs/cleanup": { method: "POST", path: "/keypairs/cleanup", body: { unused: true, missingTag: "owner" }, expect: 200 },
  "ANY /keypairs": { method: "PUT", path: "/keypairs", expect: 405 },
  "GET /openapi.json": { method: "GET", path: "/openapi.json", expect: 200 },
  // As a browser asks for it (only browsers read the page): the precompressed file, as it is.
  "GET /docs": { method: "GET", path: "/docs", headers: { "accept-encoding": "gzip, deflate, br, zstd" }, expect: 200 },
  "GET /problems/{type}": { method: "GET", path: "/problems/conflict", pathParameters: { type: "conflict" }, expect: 200 },
};

/** The routes the bench times, one event each; the other ANY routes answer the same 405. */
export const BENCH_ROUTES = Object.keys(inits) as BenchRoute[];

export const eventFor = (route: BenchRoute) => {
  const init = inits[route];
  return { event: apiEvent({ ...init, routeKey: route }), expect: init.expect };
};
