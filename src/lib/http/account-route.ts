/**
 * A key-pair route: an httpRoute whose whole work runs in the account the request names (the API's
 * own if none; service/accounts.ts), if the caller may act there. Only these routes carry the
 * account code: the docs routes do not.
 */
import { inCallersAccount } from "../service/accounts.js";
import { httpRoute } from "./route.js";

/**
 * An estate listing (`accounts=`) names many accounts and checks the caller's grant for each
 * (service/list.ts estatePorts): an account outside it is that scope's `forbidden`, never the
 * whole listing's 403, the API's own account included.
 */
const namesManyAccounts = (query: unknown) => (query as { accounts?: string } | undefined)?.accounts !== undefined;

export const keyPairRoute: typeof httpRoute = (schemas, handle, bodyParsing) =>
  httpRoute(
    schemas,
    (request, event) =>
      namesManyAccounts(request.query)
        ? handle(request, event)
        : inCallersAccount(request.caller, request.account, request.functionArn, () => handle(request, event)),
    bodyParsing,
  );
