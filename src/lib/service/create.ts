/**
 * The composition root of the create function: create and import over EC2, events on EventBridge.
 * The escrow vault (SSM) is loaded by the first create with `escrow: true`, the Idempotency-Key
 * ledger (DynamoDB) by the first request that sends a key (decisions 0029, 0033): INIT pays for neither.
 */
import { ec2KeyPairStore } from "../aws/ec2.js";
import { createKeyPair } from "../keypairs/create.js";
import { importKeyPair } from "../keypairs/import.js";
import type { KeyPairDeps } from "../keypairs/ports.js";
import { bind } from "../keypairs/rules.js";
import { systemClock } from "../platform/clock.js";
import { keyPairEvents } from "./events.js";
import { loadedOnFirstCall } from "./on-first-call.js";
import { settings } from "./settings.js";

const deps: KeyPairDeps = {
  store: ec2KeyPairStore,
  vault: loadedOnFirstCall(() => import("../aws/ssm.js").then((module) => module.ssmPrivateKeyVault), ["put", "delete", "list"]),
  ledger: loadedOnFirstCall(
    () => import("../aws/idempotency-ledger.js").then((module) => module.dynamoDbIdempotencyLedger),
    ["claim", "complete", "release"],
  ),
  events: keyPairEvents,
  settings,
  clock: systemClock,
};

export const keyPairCreation = { createKeyPair: bind(deps, createKeyPair), importKeyPair: bind(deps, importKeyPair) };
