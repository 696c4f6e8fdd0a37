/** The delete function: the routes that delete a key pair (IAM: describe, the usage checks' describes, delete managed keys, their escrow). */

import { handler as deleteKeyPair } from "../handlers/delete-key-pair.js";
import { handler as deleteKeyPairById } from "../handlers/delete-key-pair-by-id.js";
import { primeEc2Client } from "../lib/aws/ec2-priming.js";
import { rehearsePutEvents } from "../lib/aws/eventbridge.js";
import { rehearseUsageCheck } from "../lib/aws/key-usage-priming.js";
import { traceAwsCalls } from "../lib/aws/tracing.js";
import { routeByKey } from "../lib/http/router.js";

// X-Ray for the AWS calls when the stage traces, before any client is built.
await traceAwsCalls();
await primeEc2Client("read", ["DescribeKeyPairs", "DeleteKeyPair"]);
// The delete always checks what names its key, a read on request (includeUsage, unused).
await rehearseUsageCheck();
// Every change is published: the first caller does not pay for the events client's first call.
await rehearsePutEvents();

export const handler = routeByKey("deleteKeyPairs", {
  "DELETE /keypairs/{name}": deleteKeyPair,
  "DELETE /keypairs/by-id/{keyPairId}": deleteKeyPairById,
});
