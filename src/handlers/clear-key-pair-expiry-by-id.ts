import { IdPath } from "../lib/api/schemas.js";
import { clearExpiryRoute } from "./clear-key-pair-expiry.js";

/** DELETE /keypairs/by-id/{keyPairId}/expiry */
export const handler = clearExpiryRoute(IdPath);
