/**
 * A key-pair route that takes a JSON body: keyPairRoute (account-route.ts) with the body's size guard
 * and strict JSON parsing before its schema. The read function loads none of this; the delete function only with
 * its PATCH, PUT and cleanup routes, on their first request (decision 0029).
 */
import { config } from "../platform/config.js";
import { keyPairRoute } from "./account-route.js";
import { bodyGuard } from "./middleware/body-guard.js";
import { jsonBody } from "./middleware/json-body.js";
import type { httpRoute } from "./route.js";

export const jsonBodyRoute: typeof httpRoute = (schemas, handle) =>
  keyPairRoute(schemas, handle, [bodyGuard(config.MAX_BODY_BYTES), jsonBody()]);
