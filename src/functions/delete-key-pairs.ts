/**
 * The delete function: the routes that delete or change a key pair (IAM: describe, the usage checks' describes, delete managed
 * keys, their escrow; tag managed keys, with their caller's tags or their expiry).
 */

import { handler as deleteKeyPair } from "../handlers/delete-key-pair.js";
import { DELETE_KEY_PAIR, DESCRIBE_KEY_PAIRS, primeEc2Client } from "../lib/aws/ec2-priming.js";
import { rehearsePutEvents } from "../lib/aws/eventbridge.js";
import { rehearseUsageCheck } from "../lib/aws/key-usage-priming.js";
import { traceAwsCalls } from "../lib/aws/tracing.js";
import { loadedOnFirstRequest, routeByKey } from "../lib/http/router.js";

// What its most common request (DELETE /keypairs/{name}) needs: the describe, the usage check
// that guards every delete but a forced one, the delete and its event. The by-id route, and the
// escrow vault, are loaded by the first request that needs them (decision 0029).
// X-Ray for the AWS calls when the stage traces, before any client is built.
await traceAwsCalls();
await primeEc2Client("read", [DESCRIBE_KEY_PAIRS, DELETE_KEY_PAIR]);
await rehearseUsageCheck();
// Every change is published: the first caller does not pay for the events client's first call.
await rehearsePutEvents();

export const handler = routeByKey("deleteKeyPairs", {
  "DELETE /keypairs/{name}": deleteKeyPair,
  "DELETE /keypairs/by-id/{keyPairId}": loadedOnFirstRequest(() => import("../handlers/delete-key-pair-by-id.js")),
  "PATCH /keypairs/{name}/tags": loadedOnFirstRequest(() => import("../handlers/change-key-pair-tags.js")),
  "PATCH /keypairs/by-id/{keyPairId}/tags": loadedOnFirstRequest(() => import("../handlers/change-key-pair-tags-by-id.js")),
  "PUT /keypairs/{name}/expiry": loadedOnFirstRequest(() => import("../handlers/set-key-pair-expiry.js")),
  "PUT /keypairs/by-id/{keyPairId}/expiry": loadedOnFirstRequest(() => import("../handlers/set-key-pair-expiry-by-id.js")),
  "DELETE /keypairs/{name}/expiry": loadedOnFirstRequest(() => import("../handlers/clear-key-pair-expiry.js")),
  "DELETE /keypairs/by-id/{keyPairId}/expiry": loadedOnFirstRequest(() => import("../handlers/clear-key-pair-expiry-by-id.js")),
  "POST /keypairs/cleanup": loadedOnFirstRequest(() => import("../handlers/cleanup-key-pairs.js")),
});
