/**
 * Every knob of the realistic local AWS (REALISTIC_AWS=1), with where its default comes from.
 * Numbers AWS publishes are cited; where AWS publishes none, the default is marked as an assumption.
 */
import { AWS_BUCKETS, BUCKET_SOURCES, type BucketSize, type BucketTable } from "../../src/lib/aws/rate-buckets.ts";

/** How long a call takes, drawn per call. */
export type LatencyDistribution =
  | { kind: "fixed"; ms: number }
  | { kind: "uniform"; minMs: number; maxMs: number }
  /** Log-normal around `medianMs`: most calls near it, a long tail; never above `maxMs`. */
  | { kind: "lognormal"; medianMs: number; sigma: number; maxMs: number };

export type { BucketSize };

export interface RealisticAwsConfig extends BucketTable {
  /** Seeds every random draw (consistency windows, latencies): the same seed and calls give the same run. */
  seed: number;
  /** After a change to a key pair, describes show the old state for a window drawn uniformly in [min, max]. */
  consistencyWindowMs: { min: number; max: number };
  latency: LatencyDistribution;
}

export const SOURCES = {
  ...BUCKET_SOURCES,
  ec2Consistency: "https://docs.aws.amazon.com/ec2/latest/devguide/eventual-consistency.html",
} as const;

export const DEFAULT_CONFIG: RealisticAwsConfig = {
  seed: 1,
  // EC2 "follows an eventual consistency model" and gives no bound (SOURCES.ec2Consistency); 2 s is
  // this project's choice: long enough to expose read-after-write assumptions, short enough for tests.
  consistencyWindowMs: { min: 0, max: 2000 },
  // Assumption: AWS publishes no latencies. "Tens to hundreds of milliseconds" per call, as measured
  // from a client in the same region: median 40 ms, a tail towards a second.
  latency: { kind: "lognormal", medianMs: 40, sigma: 0.7, maxMs: 1000 },
  // Token buckets: AWS's published sizes, the one table the service's own rate share reads too.
  ...AWS_BUCKETS,
};

/** "lognormal:40:0.7:1000", "uniform:20:200" or "fixed:0" (milliseconds). */
export function parseLatency(text: string): LatencyDistribution {
  const [kind, ...numbers] = text.split(":");
  const values = numbers.map(Number);
  const valid = values.every((value) => Number.isFinite(value) && value >= 0);
  if (valid && kind === "fixed" && values.length === 1) return { kind, ms: values[0]! };
  if (valid && kind === "uniform" && values.length === 2 && values[0]! <= values[1]!) return { kind, minMs: values[0]!, maxMs: values[1]! };
  if (valid && kind === "lognormal" && values.length === 3) return { kind, medianMs: values[0]!, sigma: values[1]!, maxMs: values[2]! };
  throw new Error(`REALISTIC_AWS_LATENCY must be fixed:<ms>, uniform:<min>:<max> or lognormal:<median>:<sigma>:<max>, not ${text}`);
}

/** "2000" (up to 2 s) or "1500-3000" (milliseconds). */
export function parseWindow(text: string): { min: number; max: number } {
  const [min, max] = text.includes("-") ? text.split("-").map(Number) : [0, Number(text)];
  if (!(Number.isFinite(min) && Number.isFinite(max) && min! >= 0 && min! <= max!))
    throw new Error(`REALISTIC_AWS_WINDOW_MS must be <max> or <min>-<max> milliseconds, not ${text}`);
  return { min: min!, max: max! };
}

/** The defaults, with REALISTIC_AWS_SEED, REALISTIC_AWS_WINDOW_MS and REALISTIC_AWS_LATENCY applied. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): RealisticAwsConfig {
  const seed = env.REALISTIC_AWS_SEED === undefined ? DEFAULT_CONFIG.seed : Number(env.REALISTIC_AWS_SEED);
  if (!Number.isInteger(seed)) throw new Error(`REALISTIC_AWS_SEED must be an integer, not ${env.REALISTIC_AWS_SEED}`);
  return {
    ...DEFAULT_CONFIG,
    seed,
    consistencyWindowMs: env.REALISTIC_AWS_WINDOW_MS ? parseWindow(env.REALISTIC_AWS_WINDOW_MS) : DEFAULT_CONFIG.consistencyWindowMs,
    latency: env.REALISTIC_AWS_LATENCY ? parseLatency(env.REALISTIC_AWS_LATENCY) : DEFAULT_CONFIG.latency,
  };
}
