/**
 * The spec's `x-events` section: the events the service publishes on EventBridge (one detail schema
 * for all, an example each), from the same
 * table and the same function that make them (src/lib/api/events.ts, src/lib/keypairs/events.ts).
 * One document for integrators (docs/decisions/0025-expiry-and-events.md says why not AsyncAPI).
 */
import * as z from "zod";
import { EVENT_DETAIL_TYPES, EVENT_SOURCE, type KeyPairChange, SWEEPER } from "../../src/lib/api/events.js";
import * as runtime from "../../src/lib/api/schemas.js";
import { keyPairEvent } from "../../src/lib/keypairs/events.js";

const WHEN: Record<KeyPairChange, string> = {
  created: "A create (POST /keypairs) made the key; published after EC2 made it (and SSM stored an escrowed private key).",
  imported: "An import (POST /keypairs/import) registered the public key.",
  deleted: "A delete (DELETE /keypairs/{name} or /keypairs/by-id/{keyPairId}) removed the key (and its escrowed private key).",
  expired: `The sweep deleted the key because its expiry passed (caller "${SWEEPER}").`,
  "tags-changed": "PATCH /keypairs/{name}/tags (or by id) changed the key's tags: `before` and `after` hold its tags.",
  "expiry-changed":
    "PUT or DELETE /keypairs/{name}/expiry (or by id) set, extended or cleared the key's expiry: `before` and `after` hold expiresAt " +
    "(absent: none).",
};

const EXAMPLE_CALLER = "arn:aws:sts::123456789012:assumed-role/deployer";

export function eventsSection(detail: object) {
  const key = { ...(z.globalRegistry.get(runtime.KeyPair)?.example as runtime.KeyPairView), expiresAt: "2026-11-22T11:00:00Z" };
  const deletion = { forced: false };
  const examples: Record<KeyPairChange, unknown> = {
    created: keyPairEvent("created", key, EXAMPLE_CALLER),
    imported: keyPairEvent("imported", key, EXAMPLE_CALLER),
    deleted: keyPairEvent("deleted", key, EXAMPLE_CALLER, deletion),
    expired: keyPairEvent("expired", key, SWEEPER, { forced: true }),
    "tags-changed": keyPairEvent("tags-changed", key, EXAMPLE_CALLER, {
      before: { tags: key.tags },
      after: { tags: { ...key.tags, owner: "alice" } },
    }),
    "expiry-changed": keyPairEvent("expiry-changed", { ...key, expiresAt: "2026-12-22T11:00:00Z" }, EXAMPLE_CALLER, {
      before: { expiresAt: key.expiresAt },
      after: { expiresAt: "2026-12-22T11:00:00Z" },
    }),
  };
  return {
    description:
      "Every change EC2 confirmed is published with EventBridge PutEvents to the stage's bus (the eventBusName parameter; the " +
      "account's default bus by default), after the change and at most once: if publishing fails, the request still succeeds, " +
      'and the function\'s log line "key pair event" carries the same fields with published: false. Never key material, never ' +
      "an Idempotency-Key. Match them with an EventBridge rule on source and detail-type.",
    source: EVENT_SOURCE,
    detail,
    events: Object.fromEntries(
      (Object.keys(EVENT_DETAIL_TYPES) as KeyPairChange[]).map((change) => {
        const { change: _change, ...example } = examples[change] as { change: string };
        return [EVENT_DETAIL_TYPES[change], { description: WHEN[change], example }];
      }),
    ),
  };
}
