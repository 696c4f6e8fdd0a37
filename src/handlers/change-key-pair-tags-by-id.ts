import { IdPath } from "../lib/api/schemas.js";
import { changeTagsRoute } from "./change-key-pair-tags.js";

/** PATCH /keypairs/by-id/{keyPairId}/tags */
export const handler = changeTagsRoute(IdPath);
