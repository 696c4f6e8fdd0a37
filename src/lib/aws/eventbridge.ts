/**
 * The EventBridge adapter: the only module that knows @aws-sdk/client-eventbridge. Puts one key
 * pair event on the stage's bus, in the deployment's region, at most once: PutEvents is not
 * idempotent (a call that timed out may have been delivered), so only a throttled call, which
 * EventBridge refused, is sent again. A failure says only EventBridge's code, never the event.
 */
import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { EVENT_DETAIL_TYPES, EVENT_SOURCE, type KeyPairEvent } from "../api/events.js";
import { config } from "../platform/config.js";
import { logger } from "../platform/logger.js";
import { clientOptions } from "./clients.js";
import { answeredInProcess } from "./in-process.js";
import { traced } from "./tracing.js";

let client: EventBridgeClient | undefined;
const eventsClient = (): EventBridgeClient =>
  (client ??= traced(new EventBridgeClient(clientOptions(config.EVENTS_REGION, config.EVENTS_ENDPOINT, 1))));

const THROTTLED = "ThrottlingException";
const JSON_1_1 = "application/x-amz-json-1.1";

export class EventNotPublished extends Error {
  override name = "EventNotPublished";
}

async function putOnce(event: KeyPairEvent): Promise<void> {
  const { change, ...detail } = event;
  try {
    const answer = await eventsClient().send(
      new PutEventsCommand({
        Entries: [
          {
            Source: EVENT_SOURCE,
            DetailType: EVENT_DETAIL_TYPES[change],
            Detail: JSON.stringify(detail),
            EventBusName: config.EVENT_BUS_NAME,
          },
        ],
      }),
      { abortSignal: AbortSignal.timeout(config.EC2_REQUEST_TIMEOUT_MS) },
    );
    // PutEvents answers 200 with the entry's own error (e.g. ThrottlingException, AccessDeniedException).
    if (answer.FailedEntryCount) throw new EventNotPublished(answer.Entries?.[0]?.ErrorCode ?? "FailedEntry");
  } catch (error) {
    if (error instanceof EventNotPublished) throw error;
    const { name, $metadata } = (error ?? {}) as { name?: string; $metadata?: { httpStatusCode?: number } };
    // Not an EventBridge answer (a timeout, a lost connection): the client's state is not trusted again.
    if (!$metadata?.httpStatusCode) {
      client?.destroy();
      client = undefined;
    }
    throw new EventNotPublished(name ?? "Unknown");
  }
}

async function put(event: KeyPairEvent): Promise<void> {
  try {
    await putOnce(event);
  } catch (error) {
    if (!(error instanceof EventNotPublished && error.message === THROTTLED)) throw error;
    await putOnce(event);
  }
}

/**
 * Puts the event; throws EventNotPublished (with EventBridge's code) if it is not on the bus. Bounded
 * as a whole (two attempts and whatever precedes them, e.g. the client's first credentials): the
 * change it reports is already made, and its answer must not wait on a bus.
 */
export async function putKeyPairEvent(event: KeyPairEvent): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EventNotPublished("DeadlineExceeded")), 2 * config.EC2_REQUEST_TIMEOUT_MS);
  });
  try {
    await Promise.race([put(event), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Rehearses a PutEvents at INIT (the create and delete functions; decision 0017), answered in
 * process: the client's providers, endpoint rules, signing and JSON (de)serializers have run before
 * the first change is published, and nothing reaches EventBridge. A failure only costs the rehearsal.
 */
export async function rehearsePutEvents(enabled = config.PRIME_EC2_ON_INIT): Promise<void> {
  if (!enabled) return;
  const entry = { Source: EVENT_SOURCE, DetailType: EVENT_DETAIL_TYPES.created, Detail: "{}", EventBusName: config.EVENT_BUS_NAME };
  try {
    await eventsClient().send(
      answeredInProcess(new PutEventsCommand({ Entries: [entry] }), '{"FailedEntryCount":0,"Entries":[{"EventId":"rehearsal"}]}', JSON_1_1),
    );
  } catch (error) {
    client?.destroy();
    client = undefined;
    logger.warn("rehearsing PutEvents failed", { error: (error as Error).name });
  }
}
