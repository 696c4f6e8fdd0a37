/**
 * The composition root of the delete function: describe and delete in EC2, the usage scan (its
 * guard, which every delete but a forced one runs), events on EventBridge. The escrow vault (SSM)
 * is loaded by the first delete of an escrowed key (decision 0029).
 */
import { deleteKeyPair as deleteInEc2, describeKeyPairs } from "../aws/ec2.js";
import { awsKeyUsage } from "../aws/key-usage.js";
import { deleteKeyPair } from "../keypairs/delete.js";
import type { DeleteDeps } from "../keypairs/ports.js";
import { bind } from "../keypairs/rules.js";
import { systemClock } from "../platform/clock.js";
import { keyPairEvents } from "./events.js";
import { loadedOnFirstCall } from "./on-first-call.js";
import { settings } from "./settings.js";

export const deleteDeps: DeleteDeps = {
  store: { describe: describeKeyPairs, delete: deleteInEc2 },
  vault: loadedOnFirstCall(() => import("../aws/ssm.js").then((module) => ({ delete: module.deletePrivateKey })), ["delete"]),
  events: keyPairEvents,
  usage: awsKeyUsage,
  settings,
  clock: systemClock,
};

export const keyPairDeletion = { deleteKeyPair: bind(deleteDeps, deleteKeyPair) };
