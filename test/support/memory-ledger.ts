import type { RateLedger } from "../../src/lib/aws/rate-share.js";

/** An in-memory ledger with the same conditions: as one DynamoDB item per bucket answers them (unit tests, the bench). */
export function memoryLedger(): RateLedger & { tats: Map<string, number> } {
  const tats = new Map<string, number>();
  return {
    tats,
    async advance(key, change) {
      const tat = tats.get(key);
      if (change.kind === "idle" && (tat === undefined || tat < change.now)) tats.set(key, change.to);
      else if (change.kind === "busy" && tat !== undefined && tat >= change.now && tat <= change.max) tats.set(key, tat + change.by);
      else return { applied: false, tat };
      return { applied: true };
    },
  };
}
