/**
 * A key-pair route: an httpRoute whose whole work runs in the account the request names (the API's
 * own if none; service/accounts.ts). Only these routes carry the account code: the docs routes do not.
 */
import { inRequestedAccount } from "../service/accounts.js";
import { httpRoute } from "./route.js";

export const keyPairRoute: typeof httpRoute = (schemas, handle, bodyParsing) =>
  httpRoute(
    schemas,
    (request, event) => inRequestedAccount(request.account, request.functionArn, () => handle(request, event)),
    bodyParsing,
  );
