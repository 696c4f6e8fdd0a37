/** The composition root of the sweep function: EC2's describe and delete, and the escrow vault's list and delete. */
import { deleteKeyPair, describeKeyPairs } from "../aws/ec2.js";
import { deletePrivateKey, listPrivateKeys } from "../aws/ssm.js";
import { sweep } from "../keypairs/sweep.js";
import { systemClock } from "../platform/clock.js";
import { keyPairEvents } from "./events.js";
import { settings } from "./settings.js";

const deps = {
  store: { describe: describeKeyPairs, delete: deleteKeyPair },
  vault: { list: listPrivateKeys, delete: deletePrivateKey },
  events: keyPairEvents,
  settings,
  clock: systemClock,
};

export const sweepKeyPairs = () => sweep(deps);
