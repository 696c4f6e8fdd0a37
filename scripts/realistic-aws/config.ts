/**
 * Every knob of the realistic local AWS (REALISTIC_AWS=1), with where its default comes from.
 * Numbers AWS publishes are cited; where AWS publishes none, the default is marked as an assumption.
 */

/** A token bucket: `capacity` tokens, `refillPerSecond` added back each second, one taken per call. */
export interface BucketSize {
  capacity: number;
  refillPerSecond: number;
}

/** How long a call takes, drawn per call. */
export type LatencyDistribution =
  | { kind: "fixed"; ms: number }
  | { kind: "uniform"; minMs: number; maxMs: number }
  /** Log-normal around `medianMs`: most calls near it, a long tail; never above `maxMs`. */
  | { kind: "lognormal"; medianMs: number; sigma: number; maxMs: number };

export interface RealisticAwsConfig {
  /** Seeds every random draw (consistency windows, latencies): the same seed and calls give the same run. */
  seed: number;
  /** After a change to a key pair, describes show the old state for a window drawn uniformly in [min, max]. */
  consistencyWindowMs: { min: number; max: number };
  latency: LatencyDistribution;
  /** Token buckets of EC2, per API (and the unfiltered, unpaged variant of a describe). */
  ec2: {
    describe: BucketSize;
    unfilteredDescribe: BucketSize;
    mutating: BucketSize;
    perAction: Record<string, BucketSize>;
  };
  ssm: { parameterThroughput: BucketSize; other: BucketSize };
  autoScaling: { shared: BucketSize };
}

export const SOURCES = {
  ec2Throttling: "https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html#throttling-limits-rate-based",
  ec2Consistency: "https://docs.aws.amazon.com/ec2/latest/devguide/eventual-consistency.html",
  ssmThroughput: "https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-throughput.html",
  ssmQuotas: "https://docs.aws.amazon.com/general/latest/gr/ssm.html#limits_ssm",
  ssmGetParameter: "https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html",
  autoScalingThrottling: "https://repost.aws/knowledge-center/autoscaling-api-calls-throttled",
} as const;

export const DEFAULT_CONFIG: RealisticAwsConfig = {
  seed: 1,
  // EC2 "follows an eventual consistency model" and gives no bound (SOURCES.ec2Consistency); 2 s is
  // this project's choice: long enough to expose read-after-write assumptions, short enough for tests.
  consistencyWindowMs: { min: 0, max: 2000 },
  // Assumption: AWS publishes no latencies. "Tens to hundreds of milliseconds" per call, as measured
  // from a client in the same region: median 40 ms, a tail towards a second.
  latency: { kind: "lognormal", medianMs: 40, sigma: 0.7, maxMs: 1000 },
  ec2: {
    // SOURCES.ec2Throttling, "Non-mutating actions": 100 tokens, 20 per second, each API its own bucket.
    describe: { capacity: 100, refillPerSecond: 20 },
    // SOURCES.ec2Throttling, "Unfiltered and unpaginated non-mutating actions": 50 / 10.
    unfilteredDescribe: { capacity: 50, refillPerSecond: 10 },
    // Mutating actions not listed on their own (RunInstances, CreateLaunchTemplate... only tests'
    // fixtures call them here): 200 / 5, the "Mutating actions" row as recalled from
    // SOURCES.ec2Throttling; not re-read when this was written: check the table before relying on it.
    mutating: { capacity: 200, refillPerSecond: 5 },
    // SOURCES.ec2Throttling, the actions listed with their own sizes.
    perAction: {
      CreateKeyPair: { capacity: 50, refillPerSecond: 5 },
      ImportKeyPair: { capacity: 50, refillPerSecond: 5 },
      DeleteKeyPair: { capacity: 50, refillPerSecond: 5 },
      CreateTags: { capacity: 100, refillPerSecond: 10 },
    },
  },
  ssm: {
    // SOURCES.ssmQuotas / SOURCES.ssmGetParameter: the default ("standard") Parameter Store
    // throughput, 40 transactions per second shared by GetParameter, GetParameters,
    // GetParametersByPath and PutParameter per account and region: a one-second bucket of 40.
    parameterThroughput: { capacity: 40, refillPerSecond: 40 },
    // Assumption: AWS publishes no rate for DeleteParameter or DescribeParameters; the same 40 / s,
    // each action its own bucket.
    other: { capacity: 40, refillPerSecond: 40 },
  },
  autoScaling: {
    // SOURCES.autoScalingThrottling: every Amazon EC2 Auto Scaling call of an account and region
    // draws on one shared bucket. Its size was not found (EC2's throttling page points to "API request
    // rate" in the Auto Scaling API Reference); assumption: EC2's non-mutating size.
    shared: { capacity: 100, refillPerSecond: 20 },
  },
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
