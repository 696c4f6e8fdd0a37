/**
 * The composition root of the create function: create and import over EC2, escrow into SSM, events
 * on EventBridge, and the Idempotency-Key ledger in DynamoDB, loaded by the first request that sends
 * a key (most send none): INIT pays nothing for it.
 */
import { ec2KeyPairStore } from "../aws/ec2.js";
import { ssmPrivateKeyVault } from "../aws/ssm.js";
import type { IdempotencyLedger } from "../keypairs/ports.js";
import { createRules } from "../keypairs/rules.js";
import { systemClock } from "../platform/clock.js";
import { keyPairEvents } from "./events.js";
import { settings } from "./settings.js";

let dynamoDbLedger: Promise<IdempotencyLedger> | undefined;
const loadLedger = (): Promise<IdempotencyLedger> =>
  (dynamoDbLedger ??= import("../aws/idempotency-ledger.js").then((module) => module.dynamoDbIdempotencyLedger));

const ledger: IdempotencyLedger = {
  claim: async (...args) => (await loadLedger()).claim(...args),
  complete: async (...args) => (await loadLedger()).complete(...args),
  release: async (...args) => (await loadLedger()).release(...args),
};

export const keyPairCreation = createRules({
  store: ec2KeyPairStore,
  vault: ssmPrivateKeyVault,
  ledger,
  events: keyPairEvents,
  settings,
  clock: systemClock,
});
