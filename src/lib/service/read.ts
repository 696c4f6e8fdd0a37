/** The composition root of the read function: the read rules over EC2's describe alone. */
import { describeKeyPairs } from "../aws/ec2.js";
import { readRules } from "../keypairs/service.js";
import { settings } from "./settings.js";

export const keyPairReads = readRules({ store: { describe: describeKeyPairs }, settings });
