/** The realistic layer's token buckets and seeded draws, on a clock the test steps. */
import { configFromEnv, DEFAULT_CONFIG, parseLatency, parseWindow } from "../../../scripts/realistic-aws/config.js";
import { drawLatency, seededRandom } from "../../../scripts/realistic-aws/random.js";
import { Buckets, TokenBucket } from "../../../scripts/realistic-aws/token-bucket.js";

test("a bucket starts full, throttles once empty, refills at its rate up to its capacity", () => {
  let now = 1_000;
  const bucket = new TokenBucket({ capacity: 100, refillPerSecond: 20 }, () => now);
  const taken = Array.from({ length: 101 }, () => bucket.take());
  expect([taken.filter(Boolean).length, taken[100]]).toEqual([100, false]);
  now += 149; // 2.98 tokens
  expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  now += 60_000;
  expect(bucket.available()).toBe(100);
});

test("buckets are per key: one account's (or region's, or action's) burst leaves another's full", () => {
  const now = 0;
  const buckets = new Buckets(() => now);
  const size = { capacity: 50, refillPerSecond: 5 };
  for (let i = 0; i < 50; i += 1) buckets.take("a|us-east-1|ec2|CreateKeyPair", size);
  expect(buckets.take("a|us-east-1|ec2|CreateKeyPair", size)).toBe(false);
  expect(buckets.take("b|us-east-1|ec2|CreateKeyPair", size)).toBe(true);
  expect(buckets.take("a|eu-west-1|ec2|CreateKeyPair", size)).toBe(true);
});

test("one seed gives the same draws; another seed, and another stream of the seed, give others", () => {
  const draws = (seed: number, stream: number) => Array.from({ length: 5 }, seededRandom(seed, stream));
  expect(draws(7, 1)).toEqual(draws(7, 1));
  expect(draws(7, 1)).not.toEqual(draws(8, 1));
  expect(draws(7, 1)).not.toEqual(draws(7, 2));
  expect(draws(7, 1).every((value) => value >= 0 && value < 1)).toBe(true);
});

test("latencies stay inside their distribution, and the log-normal's median is near its median", () => {
  const random = seededRandom(3);
  const uniform = Array.from({ length: 1000 }, () => drawLatency(random, { kind: "uniform", minMs: 20, maxMs: 200 }));
  expect([Math.min(...uniform) >= 20, Math.max(...uniform) <= 200]).toEqual([true, true]);
  const lognormal = Array.from({ length: 2001 }, () => drawLatency(random, { kind: "lognormal", medianMs: 40, sigma: 0.7, maxMs: 1000 }));
  const sorted = [...lognormal].sort((a, b) => a - b);
  expect(sorted[1000]).toBeGreaterThan(34);
  expect(sorted[1000]).toBeLessThan(46);
  expect(sorted.at(-1)).toBeLessThanOrEqual(1000);
  expect(drawLatency(random, { kind: "fixed", ms: 5 })).toBe(5);
});

test("the environment's knobs are read, and a malformed one is refused with the form it takes", () => {
  expect(parseLatency("uniform:20:200")).toEqual({ kind: "uniform", minMs: 20, maxMs: 200 });
  expect(parseLatency("lognormal:40:0.7:1000")).toEqual(DEFAULT_CONFIG.latency);
  expect(() => parseLatency("uniform:200:20")).toThrow(/uniform:<min>:<max>/);
  expect(parseWindow("2000")).toEqual({ min: 0, max: 2000 });
  expect(parseWindow("1500-3000")).toEqual({ min: 1500, max: 3000 });
  expect(() => parseWindow("3000-1500")).toThrow(/REALISTIC_AWS_WINDOW_MS/);
  const config = configFromEnv({ REALISTIC_AWS_SEED: "42", REALISTIC_AWS_WINDOW_MS: "100-200", REALISTIC_AWS_LATENCY: "fixed:0" });
  expect([config.seed, config.consistencyWindowMs, config.latency, config.ec2]).toEqual([
    42,
    { min: 100, max: 200 },
    { kind: "fixed", ms: 0 },
    DEFAULT_CONFIG.ec2,
  ]);
  expect(() => configFromEnv({ REALISTIC_AWS_SEED: "x" })).toThrow(/REALISTIC_AWS_SEED/);
});
