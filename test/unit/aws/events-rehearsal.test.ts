/** The PutEvents rehearsal at INIT: it runs the client's whole stack and never leaves the process. */
import { jest } from "@jest/globals";
import { putKeyPairEvent, rehearsePutEvents } from "../../../src/lib/aws/eventbridge.js";
import { logger } from "../../../src/lib/platform/logger.js";

const EVENT = {
  change: "created" as const,
  keyPairId: "key-0123456789abcdef0",
  name: "n",
  region: "eu-west-1",
  keyType: "ed25519" as const,
  fingerprint: "fp",
  caller: "c",
  escrowed: false,
};

test("off unless priming is on; on, it succeeds though the endpoint refuses every connection (nothing was sent)", async () => {
  const warnings = jest.spyOn(logger, "warn").mockImplementation(() => undefined);
  try {
    await rehearsePutEvents(false);
    await rehearsePutEvents(true);
    expect(warnings).not.toHaveBeenCalled();
    // The same client, for real, meets the refusing endpoint (test/unit/env.ts): the rehearsal was never sent there.
    await expect(putKeyPairEvent(EVENT)).rejects.toThrow();
  } finally {
    warnings.mockRestore();
  }
});
