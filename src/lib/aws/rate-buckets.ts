/**
 * AWS's own token buckets per account and region, as AWS documents them (the realistic local AWS,
 * scripts/realistic-aws/, throttles with the same table), and the bucket each of the service's calls
 * draws on. Plain data, no imports: scripts load this file by stripping its types.
 */

/** A token bucket: `capacity` tokens, `refillPerSecond` added back each second, one taken per call. */
export interface BucketSize {
  capacity: number;
  refillPerSecond: number;
}

export const BUCKET_SOURCES = {
  ec2Throttling: "https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html#throttling-limits-rate-based",
  ssmThroughput: "https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-throughput.html",
  ssmQuotas: "https://docs.aws.amazon.com/general/latest/gr/ssm.html#limits_ssm",
  ssmGetParameter: "https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html",
  autoScalingThrottling: "https://repost.aws/knowledge-center/autoscaling-api-calls-throttled",
} as const;

/** Every bucket size, by service (the realistic local AWS can be configured with others of this shape). */
export interface BucketTable {
  ec2: { describe: BucketSize; unfilteredDescribe: BucketSize; mutating: BucketSize; perAction: Record<string, BucketSize> };
  ssm: { parameterThroughput: BucketSize; other: BucketSize };
  autoScaling: { shared: BucketSize };
}

export const AWS_BUCKETS: BucketTable = {
  ec2: {
    // BUCKET_SOURCES.ec2Throttling, "Non-mutating actions": 100 tokens, 20 per second, each API its own bucket.
    describe: { capacity: 100, refillPerSecond: 20 },
    // BUCKET_SOURCES.ec2Throttling, "Unfiltered and unpaginated non-mutating actions": 50 / 10.
    unfilteredDescribe: { capacity: 50, refillPerSecond: 10 },
    // Mutating actions not listed on their own (RunInstances, CreateLaunchTemplate... only tests'
    // fixtures call them): 200 / 5, the "Mutating actions" row as recalled from
    // BUCKET_SOURCES.ec2Throttling; not re-read when this was written: check the table before relying on it.
    mutating: { capacity: 200, refillPerSecond: 5 },
    // BUCKET_SOURCES.ec2Throttling, the actions listed with their own sizes.
    perAction: {
      CreateKeyPair: { capacity: 50, refillPerSecond: 5 },
      ImportKeyPair: { capacity: 50, refillPerSecond: 5 },
      DeleteKeyPair: { capacity: 50, refillPerSecond: 5 },
      CreateTags: { capacity: 100, refillPerSecond: 10 },
    },
  },
  ssm: {
    // BUCKET_SOURCES.ssmQuotas / ssmGetParameter: the default ("standard") Parameter Store throughput,
    // 40 transactions per second shared by GetParameter, GetParameters, GetParametersByPath and
    // PutParameter per account and region: a one-second bucket of 40.
    parameterThroughput: { capacity: 40, refillPerSecond: 40 },
    // Assumption: AWS publishes no rate for DeleteParameter or DescribeParameters; the same 40 / s,
    // each action its own bucket.
    other: { capacity: 40, refillPerSecond: 40 },
  },
  autoScaling: {
    // BUCKET_SOURCES.autoScalingThrottling: every Amazon EC2 Auto Scaling call of an account and
    // region draws on one shared bucket. Its size was not found; assumption: EC2's non-mutating size.
    shared: { capacity: 100, refillPerSecond: 20 },
  },
};

export type AwsService = "ec2" | "ssm" | "autoscaling";

/** The SSM actions that share Parameter Store's throughput. */
export const PARAMETER_THROUGHPUT_ACTIONS: readonly string[] = ["GetParameter", "GetParameters", "GetParametersByPath", "PutParameter"];

/**
 * The bucket an action draws on, by name (unique within a service, account and region) and size.
 * `unfiltered`: an EC2 DescribeInstances without filters, ids or pages (the service never sends one).
 */
export function bucketOfAction(
  service: AwsService,
  action: string,
  unfiltered = false,
  table: BucketTable = AWS_BUCKETS,
): { name: string; size: BucketSize } {
  if (service === "ec2") {
    const listed = table.ec2.perAction[action];
    if (listed) return { name: action, size: listed };
    if (!/^(Describe|Get)/.test(action)) return { name: action, size: table.ec2.mutating };
    return unfiltered && action === "DescribeInstances"
      ? { name: `${action} (unfiltered)`, size: table.ec2.unfilteredDescribe }
      : { name: action, size: table.ec2.describe };
  }
  if (service === "ssm")
    return PARAMETER_THROUGHPUT_ACTIONS.includes(action)
      ? { name: "parameter-throughput", size: table.ssm.parameterThroughput }
      : { name: action, size: table.ssm.other };
  return { name: "shared", size: table.autoScaling.shared };
}
