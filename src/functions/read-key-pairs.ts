/** The read function: the routes that only describe (IAM: ec2:DescribeKeyPairs, and the read-only describes of usage checks). */

import { handler as getKeyPair } from "../handlers/get-key-pair.js";
import { DESCRIBE_KEY_PAIRS, primeEc2Client } from "../lib/aws/ec2-priming.js";
import { traceAwsCalls } from "../lib/aws/tracing.js";
import { loadedOnFirstRequest, routeByKey } from "../lib/http/router.js";

// What its most common request (GET /keypairs/{name}) needs, no more: the other routes, and the
// usage check, are loaded by the first request that needs them (decision 0029).
// X-Ray for the AWS calls when the stage traces, before any client is built.
await traceAwsCalls();
await primeEc2Client("read", [DESCRIBE_KEY_PAIRS]);

export const handler = routeByKey("readKeyPairs", {
  "GET /keypairs/{name}": getKeyPair,
  "GET /keypairs": loadedOnFirstRequest(() => import("../handlers/list-key-pairs.js")),
  "GET /keypairs/by-id/{keyPairId}": loadedOnFirstRequest(() => import("../handlers/get-key-pair-by-id.js")),
  "GET /keypairs/report": loadedOnFirstRequest(() => import("../handlers/key-pair-report.js")),
});
