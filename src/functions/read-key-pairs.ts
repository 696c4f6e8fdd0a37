/** The read function: the routes that only describe (IAM: ec2:DescribeKeyPairs, and the read-only describes of usage checks). */

import { handler as getKeyPair } from "../handlers/get-key-pair.js";
import { handler as getKeyPairById } from "../handlers/get-key-pair-by-id.js";
import { handler as listKeyPairs } from "../handlers/list-key-pairs.js";
import { primeEc2Client } from "../lib/aws/ec2-priming.js";
import { routeByKey } from "../lib/http/router.js";

// What a plain read needs, no more: the usage check is loaded by the first request that asks for it (decision 0029).
await primeEc2Client("read", ["DescribeKeyPairs"]);

export const handler = routeByKey("readKeyPairs", {
  "GET /keypairs": listKeyPairs,
  "GET /keypairs/{name}": getKeyPair,
  "GET /keypairs/by-id/{keyPairId}": getKeyPairById,
});
