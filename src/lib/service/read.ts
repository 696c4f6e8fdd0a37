/**
 * The composition root of the read function: the read rules over EC2's describe. The usage scan
 * (EC2's and Auto Scaling's describes) is loaded by the first request that asks what names a key
 * (includeUsage, unused): a plain read never loads it (decision 0029). The list rules are bound in
 * list.ts, loaded with the list route: INIT binds only what `GET /keypairs/{name}` calls.
 */
import { describeKeyPairs } from "../aws/ec2.js";
import type { ReadDeps } from "../keypairs/ports.js";
import { getKeyPair } from "../keypairs/read.js";
import { bind } from "../keypairs/rules.js";
import { loadedOnFirstCall } from "./on-first-call.js";
import { settings } from "./settings.js";

export const readDeps: ReadDeps = {
  store: { describe: describeKeyPairs },
  usage: loadedOnFirstCall(() => import("../aws/key-usage.js").then((module) => module.awsKeyUsage), ["scan"]),
  settings,
};

export const keyPairReads = {
  getKeyPair: bind(readDeps, getKeyPair),
};
