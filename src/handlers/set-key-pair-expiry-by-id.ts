import { IdPath } from "../lib/api/schemas.js";
import { setExpiryRoute } from "./set-key-pair-expiry.js";

/** PUT /keypairs/by-id/{keyPairId}/expiry */
export const handler = setExpiryRoute(IdPath);
