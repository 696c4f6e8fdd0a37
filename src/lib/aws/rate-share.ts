/**
 * The service's own share of AWS's token buckets (decision 0030). AWS throttles each account and
 * region with buckets every caller in the account shares (rate-buckets.ts); the service takes at
 * most `sharePercent` of each bucket's refill, with a burst of the same share of its capacity, so it
 * never starves the account's other callers. The share holds across every Lambda instance: each
 * bucket's state is one GCRA "theoretical arrival time" (TAT) in a strongly consistent store (the
 * ledger: DynamoDB, rate-ledger.ts), changed only by conditional writes.
 *
 * GCRA: a call costs T = 1000 / rate ms; a bucket allows a call when, after it, its TAT is at most
 * burst * T ahead of now. A TAT in the past is an idle bucket (full); it restarts from now.
 */
import type { BucketSize } from "./rate-buckets.js";

/** The two conditional writes a take is made of (DynamoDB: UpdateItem with a ConditionExpression). */
export type Advance =
  /** The bucket is idle (no TAT, or one before `now`): its TAT becomes `to`. */
  | { kind: "idle"; now: number; to: number }
  /** The bucket is busy (TAT in [now, max]): its TAT moves on by `by`. */
  | { kind: "busy"; now: number; max: number; by: number };

/** Where every instance's takes meet: the TAT of each bucket, changed only if its condition holds. */
export interface RateLedger {
  /** Applies `change` if its condition holds; else answers the TAT the write met (undefined: none). */
  advance(key: string, change: Advance): Promise<{ applied: true } | { applied: false; tat: number | undefined }>;
}

export interface ShareLimits {
  /** Rate (calls per second) and burst (calls) the service may take of a bucket of this size. */
  rate: number;
  burst: number;
}

/** The service's share of a bucket: `percent` of its refill, and of its capacity as a burst (at least one call). */
export const shareOf = (size: BucketSize, percent: number): ShareLimits => ({
  rate: (size.refillPerSecond * percent) / 100,
  burst: Math.max(1, Math.floor((size.capacity * percent) / 100)),
});

export type Take = { granted: true } | { granted: false; retryAfterMs: number };

/** A ledger write that met another instance's write is tried again this many times before the take gives way. */
const CONTENDED_ATTEMPTS = 4;

/**
 * Takes tokens of the service's share, or says how long until there are. One conditional write
 * when the guess of the bucket's state is right (the TAT this instance last saw); a denial is
 * remembered until it would have passed, so an instance asks the ledger nothing in between
 * (only more takes can move a TAT on, so a denial stays true).
 */
export class RateShare {
  private readonly seen = new Map<string, number | undefined>();
  private readonly deniedUntil = new Map<string, number>();

  private readonly ledger: RateLedger;
  private readonly now: () => number;

  constructor(ledger: RateLedger, now: () => number) {
    this.ledger = ledger;
    this.now = now;
  }

  async take(key: string, limits: ShareLimits, tokens = 1): Promise<Take> {
    const interval = 1000 / limits.rate;
    const cost = tokens * interval;
    const window = limits.burst * interval;
    const now = this.now();
    const denied = this.deniedUntil.get(key);
    if (denied !== undefined && denied > now) return { granted: false, retryAfterMs: denied - now };
    let tat = this.seen.get(key);
    for (let attempt = 0; attempt < CONTENDED_ATTEMPTS; attempt += 1) {
      // Allowed if, after this take, the TAT is at most `window` ahead of now.
      if (tat !== undefined && Math.max(tat, now) + cost - now > window) {
        const retryAfterMs = Math.max(tat, now) + cost - window - now;
        this.deniedUntil.set(key, now + retryAfterMs);
        this.seen.set(key, tat);
        return { granted: false, retryAfterMs };
      }
      const change: Advance =
        tat === undefined || tat < now ? { kind: "idle", now, to: now + cost } : { kind: "busy", now, max: now + window - cost, by: cost };
      const result = await this.ledger.advance(key, change);
      if (result.applied) {
        this.seen.set(key, change.kind === "idle" ? change.to : tat! + cost);
        return { granted: true };
      }
      tat = result.tat;
    }
    // Other instances kept moving the bucket: give way for one call's interval.
    return { granted: false, retryAfterMs: interval };
  }
}
