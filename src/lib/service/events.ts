/**
 * The event publisher of the functions that change keys: EventBridge, with the log as its
 * backstop. Every event is also one log line with the same fields and whether it was published, so
 * an event EventBridge never got is still on record (delivery is at most once: docs/events.md).
 */
import { EVENT_DETAIL_TYPES } from "../api/events.js";
import { accountScope } from "../aws/account-scope.js";
import { putKeyPairEvent } from "../aws/eventbridge.js";
import type { EventPublisher } from "../keypairs/ports.js";
import { logger } from "../platform/logger.js";
import { countMetric } from "../platform/metrics.js";

/** The metric each change counts in. */
const CHANGE_METRICS = { created: "KeysCreated", imported: "KeysImported", deleted: "KeysDeleted", expired: "KeysExpired" } as const;

export const keyPairEvents: EventPublisher = {
  async publish(keyPairEvent) {
    // The account the change was made in: the request's (its scope), never another request's.
    const account = accountScope()?.id;
    const event = account ? { ...keyPairEvent, account } : keyPairEvent;
    const { change, ...detail } = event;
    const fields = { event: EVENT_DETAIL_TYPES[change], ...detail };
    countMetric(CHANGE_METRICS[change]);
    try {
      await putKeyPairEvent(event);
      logger.info("key pair event", { ...fields, published: true });
    } catch (error) {
      countMetric("EventsUnpublished");
      logger.warn("key pair event", { ...fields, published: false, reason: error instanceof Error ? error.message : "unknown" });
    }
  },
};
