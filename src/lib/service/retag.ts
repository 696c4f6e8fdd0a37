/**
 * The composition root of tag and expiry changes (served by the delete function, which changes
 * keys; loaded by the first such request, so a delete loads none of it): describe and retag in
 * EC2, events on EventBridge.
 */
import { describeKeyPairs } from "../aws/ec2.js";
import { retagKeyPair } from "../aws/ec2-tags.js";
import type { RetagDeps } from "../keypairs/ports.js";
import { changeTags, clearExpiry, setExpiry } from "../keypairs/retag.js";
import { bind } from "../keypairs/rules.js";
import { systemClock } from "../platform/clock.js";
import { keyPairEvents } from "./events.js";
import { settings } from "./settings.js";

const deps: RetagDeps = {
  store: { describe: describeKeyPairs, retag: retagKeyPair },
  events: keyPairEvents,
  settings,
  clock: systemClock,
};

export const keyPairRetagging = {
  changeTags: bind(deps, changeTags),
  setExpiry: bind(deps, setExpiry),
  clearExpiry: bind(deps, clearExpiry),
};
