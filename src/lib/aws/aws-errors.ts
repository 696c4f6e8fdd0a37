/**
 * How the adapters of AWS services other than EC2 (its table is ec2-errors.ts) turn an SDK failure
 * into the API's error: a fixed text per code, never the service's own message (a validation
 * message may quote a value), and whether the call may have been carried out.
 */
import type { ProblemKind } from "../api/problems.js";
import { ServiceError } from "../keypairs/errors.js";
import { config } from "../platform/config.js";

export interface SdkError {
  name?: string;
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/** An error the service itself answered (an error document the SDK could read), as opposed to one raised on our side. */
export const isAwsAnswer = (error: unknown): boolean => {
  const sdkError = (error ?? {}) as SdkError;
  return sdkError.$fault !== undefined && (sdkError.$metadata?.httpStatusCode ?? 0) >= 300;
};

const TIMED_OUT_CODES = ["TimeoutError", "AbortError", "RequestTimeout"];

/** The codes a service answers that the API tells apart; any other answer or failure is "request failed". */
export interface ErrorCodes {
  throttled: string[];
  /** Refusals of the service's own request, and what they are about. */
  refused: { codes: string[]; about: string };
}

/**
 * The translation of one service's failures. Without an answer (a timeout, a lost connection) or
 * with the service's own fault (5xx), the call may have been carried out (`outcomeUnknown`).
 */
export function errorTranslation(service: string, codes: ErrorCodes): (error: unknown) => ServiceError {
  const FAILED = { kind: "upstream-error" as ProblemKind, detail: `${service} request failed.` };
  const table = new Map<string, { kind: ProblemKind; detail: string }>([
    ...codes.throttled.map((code) => [code, { kind: "throttled" as ProblemKind, detail: `${service} is throttling requests.` }] as const),
    ...codes.refused.codes.map(
      (code) =>
        [
          code,
          { kind: "upstream-error" as ProblemKind, detail: `${service} refused the service's request (${codes.refused.about}).` },
        ] as const,
    ),
    ...TIMED_OUT_CODES.map(
      (code) => [code, { kind: "upstream-timeout" as ProblemKind, detail: `${service} did not answer in time.` }] as const,
    ),
  ]);
  return (error) => {
    if (error instanceof ServiceError) return error;
    const sdkError = (error ?? {}) as SdkError;
    const code = sdkError.name ?? "Unknown";
    const translation = table.get(code) ?? FAILED;
    return new ServiceError(translation.kind, `${translation.detail} (${code})`, {
      retryAfterSeconds: translation.kind === "throttled" ? config.THROTTLE_RETRY_AFTER_SECONDS : undefined,
      outcomeUnknown: !isAwsAnswer(sdkError) || sdkError.$fault === "server",
    });
  };
}
