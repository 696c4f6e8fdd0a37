/** The EventBridge adapter and the publisher that logs every event: at most once, never failing the change. */
import { EventBridgeClient, PutEventsCommand } from "@aws-sdk/client-eventbridge";
import { jest } from "@jest/globals";
import { mockClient } from "aws-sdk-client-mock";
import type { KeyPairEvent } from "../../../src/lib/api/events.js";
import { putKeyPairEvent } from "../../../src/lib/aws/eventbridge.js";
import { config } from "../../../src/lib/platform/config.js";
import { logger } from "../../../src/lib/platform/logger.js";
import { keyPairEvents } from "../../../src/lib/service/events.js";

const events = mockClient(EventBridgeClient);
beforeEach(() => events.reset());

const EVENT: KeyPairEvent = {
  change: "deleted",
  keyPairId: "key-0123456789abcdef0",
  name: "ci-agent",
  region: "eu-west-1",
  keyType: "ed25519",
  fingerprint: "fp",
  caller: "arn:aws:iam::123456789012:role/alice",
  escrowed: false,
  forced: false,
};
const answered = (name: string, status: number) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

test("one PutEvents entry: source, detail-type, the detail without the change, the stage's bus", async () => {
  events.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: "1" }] });
  await putKeyPairEvent(EVENT);
  const { change: _change, ...detail } = EVENT;
  expect(events.commandCalls(PutEventsCommand).map((call) => call.args[0].input)).toEqual([
    { Entries: [{ Source: "ec2-keypairs-api", DetailType: "Key Pair Deleted", Detail: JSON.stringify(detail), EventBusName: "default" }] },
  ]);
});

test("a failed entry (PutEvents answers 200 with the entry's error) is a failure", async () => {
  events.on(PutEventsCommand).resolves({ FailedEntryCount: 1, Entries: [{ ErrorCode: "AccessDeniedException" }] });
  await expect(putKeyPairEvent(EVENT)).rejects.toThrow("AccessDeniedException");
});

test("only a throttled put is sent again (EventBridge refused it); a timeout is not (it may have been delivered)", async () => {
  events.on(PutEventsCommand).rejectsOnce(answered("ThrottlingException", 400)).resolves({ FailedEntryCount: 0 });
  await putKeyPairEvent(EVENT);
  expect(events.commandCalls(PutEventsCommand)).toHaveLength(2);
  events.reset();
  events.on(PutEventsCommand).rejects(Object.assign(new Error("socket hang up"), { name: "TimeoutError" }));
  await expect(putKeyPairEvent(EVENT)).rejects.toThrow("TimeoutError");
  expect(events.commandCalls(PutEventsCommand)).toHaveLength(1);
});

describe("the publisher", () => {
  test("logs every event with its fields and whether it was published; a failure never throws", async () => {
    const lines = jest.spyOn(logger, "info").mockImplementation(() => undefined);
    const warnings = jest.spyOn(logger, "warn").mockImplementation(() => undefined);
    const { change: _change, ...detail } = EVENT;
    events.on(PutEventsCommand).resolves({ FailedEntryCount: 0 });
    await keyPairEvents.publish(EVENT);
    expect(lines).toHaveBeenCalledWith("key pair event", { event: "Key Pair Deleted", ...detail, published: true });
    events.on(PutEventsCommand).rejects(answered("AccessDeniedException", 400));
    await expect(keyPairEvents.publish(EVENT)).resolves.toBeUndefined();
    expect(warnings).toHaveBeenCalledWith("key pair event", {
      event: "Key Pair Deleted",
      ...detail,
      published: false,
      reason: "AccessDeniedException",
    });
    lines.mockRestore();
    warnings.mockRestore();
  });
});

test("a put that never settles is given up after twice the request timeout: the change's answer does not wait on the bus", async () => {
  jest.useFakeTimers();
  try {
    events.on(PutEventsCommand).callsFake(() => new Promise(() => undefined));
    const put = putKeyPairEvent(EVENT);
    const outcome = expect(put).rejects.toThrow("DeadlineExceeded");
    await jest.advanceTimersByTimeAsync(2 * config.EC2_REQUEST_TIMEOUT_MS);
    await outcome;
  } finally {
    jest.useRealTimers();
  }
});
