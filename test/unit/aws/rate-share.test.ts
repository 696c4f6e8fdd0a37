import { describe, expect, test } from "@jest/globals";
import { AWS_BUCKETS } from "../../../src/lib/aws/rate-buckets.js";
import { type RateLedger, RateShare, shareOf } from "../../../src/lib/aws/rate-share.js";
import { memoryLedger } from "../../support/memory-ledger.js";

/** A clock the test steps. */
const testClock = (start = 1_000_000) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

const DESCRIBE = shareOf(AWS_BUCKETS.ec2.describe, 25);
const CREATE = shareOf(AWS_BUCKETS.ec2.perAction.CreateKeyPair!, 25);

/** Takes until refused; how many were granted, and the refusal. */
async function drain(share: RateShare, key: string, limits = DESCRIBE) {
  let granted = 0;
  for (;;) {
    const take = await share.take(key, limits);
    if (!take.granted) return { granted, retryAfterMs: take.retryAfterMs };
    granted += 1;
  }
}

describe("the service's share of a bucket", () => {
  test("is 25 % of the refill and of the capacity, at least one call of burst", () => {
    expect(DESCRIBE).toEqual({ rate: 5, burst: 25 });
    expect(CREATE).toEqual({ rate: 1.25, burst: 12 });
    expect(shareOf({ capacity: 2, refillPerSecond: 1 }, 25)).toEqual({ rate: 0.25, burst: 1 });
  });

  test("a full bucket grants its burst, then refuses with the wait for the next token", async () => {
    const clock = testClock();
    const share = new RateShare(memoryLedger(), clock.now);
    expect(await drain(share, "ec2#us-east-1#DescribeKeyPairs")).toEqual({ granted: 25, retryAfterMs: 200 });
    clock.advance(199);
    expect((await share.take("ec2#us-east-1#DescribeKeyPairs", DESCRIBE)).granted).toBe(false);
    clock.advance(1);
    expect(await share.take("ec2#us-east-1#DescribeKeyPairs", DESCRIBE)).toEqual({ granted: true });
    expect(await share.take("ec2#us-east-1#DescribeKeyPairs", DESCRIBE)).toEqual({ granted: false, retryAfterMs: 200 });
  });

  test("the create bucket: 12 at once, then one each 800 ms", async () => {
    const clock = testClock();
    const share = new RateShare(memoryLedger(), clock.now);
    expect(await drain(share, "ec2#us-east-1#CreateKeyPair", CREATE)).toEqual({ granted: 12, retryAfterMs: 800 });
  });

  test("buckets are apart: another action's or region's bucket is still full", async () => {
    const share = new RateShare(memoryLedger(), testClock().now);
    await drain(share, "ec2#us-east-1#DescribeKeyPairs");
    expect((await drain(share, "ec2#us-east-1#DescribeInstances")).granted).toBe(25);
    expect((await drain(share, "ec2#eu-west-1#DescribeKeyPairs")).granted).toBe(25);
  });

  test("an idle bucket fills again up to its burst, never beyond", async () => {
    const clock = testClock();
    const share = new RateShare(memoryLedger(), clock.now);
    await drain(share, "k");
    clock.advance(60_000);
    expect((await drain(share, "k")).granted).toBe(25);
  });

  test("many instances on one ledger never take more than burst + rate x time together", async () => {
    const clock = testClock();
    const ledger = memoryLedger();
    const instances = Array.from({ length: 31 }, () => new RateShare(ledger, clock.now));
    let granted = 0;
    // 10 s of every instance asking every 10 ms, in a shuffled order.
    for (let step = 0; step < 1000; step += 1) {
      for (const [index, share] of instances.entries())
        if ((index + step) % 3 !== 0 && (await share.take("k", DESCRIBE)).granted) granted += 1;
      clock.advance(10);
    }
    // Burst 25, then 5 per second for the 10 s after the first take.
    expect(granted).toBeGreaterThanOrEqual(25 + 5 * 9);
    expect(granted).toBeLessThanOrEqual(25 + 5 * 10);
  });

  test("a refusal is remembered: the ledger is not asked again until it would pass", async () => {
    const clock = testClock();
    const inner = memoryLedger();
    let writes = 0;
    const counting: RateLedger = {
      advance: (key, change) => {
        writes += 1;
        return inner.advance(key, change);
      },
    };
    const share = new RateShare(counting, clock.now);
    await drain(share, "k");
    const before = writes;
    for (let i = 0; i < 50; i += 1) expect((await share.take("k", DESCRIBE)).granted).toBe(false);
    expect(writes).toBe(before);
    clock.advance(200);
    expect((await share.take("k", DESCRIBE)).granted).toBe(true);
    expect(writes).toBe(before + 1);
  });

  test("a stale guess costs one more write, and a bucket others emptied is refused with their wait", async () => {
    const clock = testClock();
    const ledger = memoryLedger();
    const mine = new RateShare(ledger, clock.now);
    expect((await mine.take("k", DESCRIBE)).granted).toBe(true);
    await drain(new RateShare(ledger, clock.now), "k");
    expect(await mine.take("k", DESCRIBE)).toEqual({ granted: false, retryAfterMs: 200 });
  });

  test("a ledger that keeps moving under it gives way after a few writes, never grants blindly", async () => {
    let writes = 0;
    const moving: RateLedger = {
      advance: async () => {
        writes += 1;
        return { applied: false, tat: undefined };
      },
    };
    expect(await new RateShare(moving, testClock().now).take("k", DESCRIBE)).toEqual({ granted: false, retryAfterMs: 200 });
    expect(writes).toBe(4);
  });

  test("owed tokens are taken together, within the burst", async () => {
    const share = new RateShare(memoryLedger(), testClock().now);
    expect(await share.take("k", DESCRIBE, 2)).toEqual({ granted: true });
    expect((await drain(share, "k")).granted).toBe(23);
  });
});
