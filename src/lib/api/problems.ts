/**
 * Every problem the API answers, by kind (the last segment of its type URI), with its title: the
 * one list. Its HTTP status is the HTTP layer's (http/problems.ts); the spec reads both.
 */
export const PROBLEM_TITLES = {
  validation: "Invalid request",
  "malformed-json": "Malformed JSON body",
  "unsupported-media-type": "Unsupported media type",
  "method-not-allowed": "Method not allowed",
  "not-acceptable": "Not acceptable",
  "payload-too-large": "Request body too large",
  "not-found": "Key pair not found",
  conflict: "Key pair already exists",
  "request-in-progress": "An earlier request with this Idempotency-Key may still be running",
  "idempotency-key-reused": "Idempotency-Key already used for another request",
  "quota-exceeded": "Key pair quota exceeded",
  "unmanaged-key": "Key pair is not managed by this service",
  "key-in-use": "Key pair is in use",
  "usage-unknown": "Key pair usage could not be checked",
  forbidden: "Operation not permitted",
  throttled: "Too many requests to EC2",
  "upstream-error": "EC2 request failed",
  "upstream-timeout": "EC2 did not answer in time",
  "escrow-failed": "Private key escrow failed",
  internal: "Internal server error",
} as const;

export type ProblemKind = keyof typeof PROBLEM_TITLES;

export const PROBLEM_KINDS = Object.keys(PROBLEM_TITLES) as ProblemKind[];

export const PROBLEM_TYPE_BASE = "https://ec2-keypairs-api.example.com/problems/";

/** The detail of every 500: what went wrong is in the logs only. */
export const INTERNAL_DETAIL = "An unexpected error occurred; it has been logged with this request's id.";
