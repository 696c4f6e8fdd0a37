/**
 * The create function: the routes that add a key pair to EC2, made or imported (IAM: create and
 * import with the managed tag, describe and delete to recognise their own key, escrow puts).
 */
import { handler as createKeyPair } from "../handlers/create-key-pair.js";
import { handler as importKeyPair } from "../handlers/import-key-pair.js";
import { primeEc2Client } from "../lib/aws/ec2-priming.js";
import { rehearsePutEvents } from "../lib/aws/eventbridge.js";
import { traceAwsCalls } from "../lib/aws/tracing.js";
import { routeByKey } from "../lib/http/router.js";

// X-Ray for the AWS calls when the stage traces, before any client is built.
await traceAwsCalls();
await primeEc2Client("mutate", ["CreateKeyPair", "ImportKeyPair"]);
// Every change is published: the first caller does not pay for the events client's first call.
await rehearsePutEvents();

export const handler = routeByKey("createKeyPairs", {
  "POST /keypairs": createKeyPair,
  "POST /keypairs/import": importKeyPair,
});
