/** The composition root of the sweep function: EC2's describe and delete, and the escrow vault's list and delete. */
import { deleteKeyPair, describeKeyPairs } from "../aws/ec2.js";
import { waitingForShareUntil } from "../aws/own-share.js";
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

/**
 * One pass; until `deadline` (ms since the epoch) its AWS calls wait for the service's rate share
 * rather than fail: the sweep keeps to its share at its own pace, and stops what it cannot finish in time.
 */
export const sweepKeyPairs = (deadline: number) => waitingForShareUntil(deadline, () => sweep(deps));
