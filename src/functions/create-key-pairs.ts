/**
 * The create function: the routes that add a key pair to EC2, made or imported (IAM: create and
 * import with the managed tag, describe and delete to recognise their own key, escrow puts).
 */
import { handler as createKeyPair } from "../handlers/create-key-pair.js";
import { CREATE_KEY_PAIR, IMPORT_KEY_PAIR, primeEc2Client } from "../lib/aws/ec2-priming.js";
import { rehearsePutEvents } from "../lib/aws/eventbridge.js";
import { traceAwsCalls } from "../lib/aws/tracing.js";
import { loadedOnFirstRequest, routeByKey } from "../lib/http/router.js";

// What its most common request (POST /keypairs) needs: the import route, escrow and idempotency
// are loaded by the first request that needs them (decision 0029).
// X-Ray for the AWS calls when the stage traces, before any client is built.
await traceAwsCalls();
await primeEc2Client("mutate", [CREATE_KEY_PAIR, IMPORT_KEY_PAIR]);
// Every change is published: the first caller does not pay for the events client's first call.
await rehearsePutEvents();

export const handler = routeByKey("createKeyPairs", {
  "POST /keypairs": createKeyPair,
  "POST /keypairs/import": loadedOnFirstRequest(() => import("../handlers/import-key-pair.js")),
});
