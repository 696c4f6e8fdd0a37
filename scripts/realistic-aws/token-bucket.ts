/**
 * Token buckets as EC2 describes them: a bucket starts full, each call takes one token, tokens come
 * back at a steady rate up to the capacity, and a call that finds the bucket empty is throttled.
 * Time comes from an injected clock, so tests step it instead of waiting.
 */
import type { BucketSize } from "./config.ts";

export type Clock = () => number;

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  readonly size: BucketSize;
  private readonly clock: Clock;

  // Fields assigned by hand: Node runs these scripts by stripping types, which parameter properties are not.
  constructor(size: BucketSize, clock: Clock) {
    this.size = size;
    this.clock = clock;
    this.tokens = size.capacity;
    this.updatedAt = clock();
  }

  /** Takes a token if there is one; false means throttled. */
  take(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whole tokens left now. */
  available(): number {
    this.refill();
    return Math.floor(this.tokens);
  }

  private refill(): void {
    const now = this.clock();
    this.tokens = Math.min(this.size.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.size.refillPerSecond);
    this.updatedAt = now;
  }
}

/** The buckets of every account, region and bucket name, made full on first use. */
export class Buckets {
  private readonly buckets = new Map<string, TokenBucket>();

  private readonly clock: Clock;

  constructor(clock: Clock) {
    this.clock = clock;
  }

  take(key: string, size: BucketSize): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(size, this.clock);
      this.buckets.set(key, bucket);
    }
    return bucket.take();
  }
}
