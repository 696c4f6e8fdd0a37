/** The read function: the routes that only describe (IAM: ec2:DescribeKeyPairs, and the read-only describes of usage checks). */

import { handler as getKeyPair } from "../handlers/get-key-pair.js";
import { handler as getKeyPairById } from "../handlers/get-key-pair-by-id.js";
import { handler as listKeyPairs } from "../handlers/list-key-pairs.js";
import { primeEc2Client } from "../lib/aws/ec2-priming.js";
import { rehearseUsageCheck } from "../lib/aws/key-usage-priming.js";
import { traceAwsCalls } from "../lib/aws/tracing.js";
import { routeByKey } from "../lib/http/router.js";

// X-Ray for the AWS calls when the stage traces, before any client is built.
await traceAwsCalls();
await primeEc2Client("read", ["DescribeKeyPairs"]);
// The delete always checks what names its key, a read on request (includeUsage, unused).
await rehearseUsageCheck();

export const handler = routeByKey("readKeyPairs", {
  "GET /keypairs": listKeyPairs,
  "GET /keypairs/{name}": getKeyPair,
  "GET /keypairs/by-id/{keyPairId}": getKeyPairById,
});
