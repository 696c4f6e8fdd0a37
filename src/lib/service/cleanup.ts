/**
 * Cleanup in bulk, in the delete function: its deletes are the delete route's own (same deps), with
 * the stage's cap of deletions per request. Loaded by the first cleanup request (decision 0029).
 */
import { cleanUpKeyPairs } from "../keypairs/cleanup.js";
import { bind } from "../keypairs/rules.js";
import { config } from "../platform/config.js";
import { deleteDeps } from "./delete.js";

export const keyPairCleanup = { cleanUpKeyPairs: bind({ ...deleteDeps, maxDeletions: config.CLEANUP_MAX_DELETIONS }, cleanUpKeyPairs) };
