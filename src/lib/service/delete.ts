/** The composition root of the delete function: describe and delete in EC2, the usage scan (its guard), and the escrowed key in SSM. */
import { deleteKeyPair, describeKeyPairs } from "../aws/ec2.js";
import { awsKeyUsage } from "../aws/key-usage.js";
import { deletePrivateKey } from "../aws/ssm.js";
import { deleteRules } from "../keypairs/rules.js";
import { systemClock } from "../platform/clock.js";
import { keyPairEvents } from "./events.js";
import { settings } from "./settings.js";

export const keyPairDeletion = deleteRules({
  store: { describe: describeKeyPairs, delete: deleteKeyPair },
  vault: { delete: deletePrivateKey },
  events: keyPairEvents,
  usage: awsKeyUsage,
  settings,
  clock: systemClock,
});
