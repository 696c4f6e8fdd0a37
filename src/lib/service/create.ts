/** The composition root of the create function: create and import over EC2, escrow into SSM, events on EventBridge. */
import { ec2KeyPairStore } from "../aws/ec2.js";
import { ssmPrivateKeyVault } from "../aws/ssm.js";
import { createRules } from "../keypairs/rules.js";
import { systemClock } from "../platform/clock.js";
import { keyPairEvents } from "./events.js";
import { settings } from "./settings.js";

export const keyPairCreation = createRules({
  store: ec2KeyPairStore,
  vault: ssmPrivateKeyVault,
  events: keyPairEvents,
  settings,
  clock: systemClock,
});
