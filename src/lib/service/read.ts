/** The composition root of the read function: the read rules over EC2's describe, and the usage scan (EC2 and Auto Scaling describes). */
import { describeKeyPairs } from "../aws/ec2.js";
import { awsKeyUsage } from "../aws/key-usage.js";
import { readRules } from "../keypairs/rules.js";
import { settings } from "./settings.js";

export const keyPairReads = readRules({ store: { describe: describeKeyPairs }, usage: awsKeyUsage, settings });
