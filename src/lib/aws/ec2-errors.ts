/** The one table that turns EC2's errors into the service's own, and what each error class means for a retry. */
import type { ProblemKind } from "../api/problems.js";
import { DryRunSucceeded, ServiceError } from "../keypairs/errors.js";
import { config } from "../platform/config.js";

export type Operation =
  | "CreateKeyPair"
  | "ImportKeyPair"
  | "DescribeKeyPairs"
  | "DeleteKeyPair"
  | "CreateTags"
  | "DeleteTags"
  | UsageOperation;

/** The read-only describes of a usage check (EC2's and Auto Scaling's: both speak the same query protocol and error codes). */
export type UsageOperation =
  | "DescribeInstances"
  | "DescribeLaunchTemplates"
  | "DescribeLaunchTemplateVersions"
  | "DescribeLaunchConfigurations"
  | "DescribeAutoScalingGroups"
  | "DescribeSpotInstanceRequests"
  | "DescribeSpotFleetRequests"
  | "DescribeFleets";

interface Translation {
  kind: ProblemKind;
  /** What the caller reads; `undefined` passes EC2's own message through (it is about their input). */
  detail?: string;
}

const QUOTA = "The region's key pair quota (5,000 by default) is reached: delete keys or request a quota increase.";
const THROTTLED = "EC2 is throttling requests; retry after the delay in Retry-After.";
const INTERNAL = "EC2 reported an internal error.";
const UNAVAILABLE = "EC2 is unavailable.";
const TIMED_OUT = "EC2 did not answer in time.";

/** Every EC2 error code the API distinguishes, and what it becomes. Unlisted codes: see translateEc2Error(). */
const EC2_ERRORS: Record<string, Translation> = {
  "InvalidKeyPair.Duplicate": { kind: "conflict", detail: "A key pair with this name already exists in this region." },
  "InvalidKeyPair.NotFound": { kind: "not-found", detail: "No such key pair in this region." },
  "InvalidKey.Format": { kind: "validation" },
  "InvalidKeyPair.Format": { kind: "validation" },
  InvalidParameterValue: { kind: "validation" },
  InvalidParameter: { kind: "validation" },
  InvalidParameterCombination: { kind: "validation" },
  MissingParameter: { kind: "validation" },
  KeyPairLimitExceeded: { kind: "quota-exceeded", detail: QUOTA },
  ResourceLimitExceeded: { kind: "quota-exceeded", detail: QUOTA },
  RequestLimitExceeded: { kind: "throttled", detail: THROTTLED },
  Throttling: { kind: "throttled", detail: THROTTLED },
  ThrottlingException: { kind: "throttled", detail: THROTTLED },
  OptInRequired: { kind: "validation", detail: "This region is not enabled for the account." },
  AuthFailure: { kind: "upstream-error", detail: "The service could not authenticate to EC2." },
  UnauthorizedOperation: { kind: "upstream-error", detail: "The service is not permitted to perform this EC2 operation." },
  // Auto Scaling's word for the same (its describes are part of a usage check).
  AccessDenied: { kind: "upstream-error", detail: "The service is not permitted to perform this Auto Scaling operation." },
  "InvalidLaunchTemplateId.NotFound": { kind: "not-found", detail: "No such launch template." },
  "InvalidLaunchTemplateName.NotFoundException": { kind: "not-found", detail: "No such launch template." },
  "InvalidLaunchTemplateId.VersionNotFound": { kind: "not-found", detail: "No such launch template version." },
  InternalError: { kind: "upstream-error", detail: INTERNAL },
  InternalFailure: { kind: "upstream-error", detail: INTERNAL },
  Unavailable: { kind: "upstream-error", detail: UNAVAILABLE },
  ServiceUnavailable: { kind: "upstream-error", detail: UNAVAILABLE },
  TimeoutError: { kind: "upstream-timeout", detail: TIMED_OUT },
  AbortError: { kind: "upstream-timeout", detail: TIMED_OUT },
  RequestTimeout: { kind: "upstream-timeout", detail: TIMED_OUT },
};

/** Whether an error is a throttling answer (EC2's or Auto Scaling's codes in the table above). */
export const isThrottling = (error: unknown): boolean => {
  const { name, Code, code } = (error ?? {}) as SdkError;
  return [name, Code, code].some((candidate) => candidate !== undefined && EC2_ERRORS[candidate]?.kind === "throttled");
};

export interface SdkError {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number };
}

/** An error EC2 itself answered (an error document the SDK could read), as opposed to one raised on our side. */
export const isEc2Answer = (error: SdkError): boolean => error.$fault !== undefined && (error.$metadata?.httpStatusCode ?? 0) >= 300;

const CLIENT_SIDE_TIMEOUTS = new Set(["TimeoutError", "AbortError", "RequestTimeout"]);

const AUTO_SCALING_OPERATIONS = new Set<Operation>(["DescribeLaunchConfigurations", "DescribeAutoScalingGroups"]);

export function translateEc2Error(error: unknown, operation: Operation, dryRun = false): Error {
  if (error instanceof ServiceError) return error;
  // The table's words name EC2; an Auto Scaling call's failure names Auto Scaling.
  const say = (text: string) => (AUTO_SCALING_OPERATIONS.has(operation) ? text.replace(/\bEC2\b/g, "Auto Scaling") : text);
  const sdkError = (error ?? {}) as SdkError;
  const code = sdkError.Code ?? sdkError.name ?? sdkError.code ?? "Unknown";
  if (code === "DryRunOperation") return new DryRunSucceeded(operation);
  if (code === "UnauthorizedOperation" && dryRun) {
    return new ServiceError("forbidden", `${operation} would fail: the service is not permitted to perform it.`, { ec2Code: code });
  }
  const translation = EC2_ERRORS[code];
  if (translation && (isEc2Answer(sdkError) || CLIENT_SIDE_TIMEOUTS.has(code))) {
    return new ServiceError(translation.kind, translation.detail !== undefined ? say(translation.detail) : (sdkError.message ?? code), {
      cause: error,
      ec2Code: isEc2Answer(sdkError) ? code : undefined,
      retryAfterSeconds: translation.kind === "throttled" ? config.THROTTLE_RETRY_AFTER_SECONDS : undefined,
    });
  }
  const status = sdkError.$metadata?.httpStatusCode ?? 0;
  if (status >= 200 && status < 300) {
    return new ServiceError("upstream-error", say(`EC2's answer to ${operation} could not be read.`), { cause: error });
  }
  const network = typeof sdkError.code === "string" && /^E[A-Z]+/.test(sdkError.code);
  if (isEc2Answer(sdkError) || status >= 500 || network) {
    return new ServiceError("upstream-error", say("EC2 request failed."), {
      cause: error,
      ec2Code: isEc2Answer(sdkError) ? code : undefined,
    });
  }
  // Not an EC2 answer we know: keep the original for the logs, the caller gets a bare 500.
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Whether EC2 may have carried out a call that failed this way: no answer in time, an answer lost
 * or unreadable, or EC2's own fault (5xx). An error EC2 answered as the caller's fault (4xx:
 * throttled, duplicate, invalid, not permitted) was not carried out.
 */
export function mayHaveActed(error: ServiceError): boolean {
  if (error.kind === "upstream-timeout") return true;
  const cause = (error.cause ?? {}) as SdkError;
  return error.kind === "upstream-error" && (!isEc2Answer(cause) || cause.$fault === "server");
}
