/** The API's own error types. Every non-2xx answer is one of these, serialized as RFC 9457 problem+json. */

export type ProblemKind =
  | "validation"
  | "malformed-json"
  | "unsupported-media-type"
  | "method-not-allowed"
  | "payload-too-large"
  | "not-found"
  | "conflict"
  | "request-in-progress"
  | "idempotency-key-reused"
  | "quota-exceeded"
  | "unmanaged-key"
  | "forbidden"
  | "throttled"
  | "upstream-error"
  | "upstream-timeout"
  | "escrow-failed"
  | "internal";

const statusOf: Record<ProblemKind, number> = {
  validation: 400,
  "malformed-json": 400,
  "unsupported-media-type": 415,
  "method-not-allowed": 405,
  "payload-too-large": 413,
  "not-found": 404,
  conflict: 409,
  "request-in-progress": 409,
  "idempotency-key-reused": 422,
  "quota-exceeded": 422,
  "unmanaged-key": 403,
  forbidden: 403,
  throttled: 429,
  "upstream-error": 502,
  "upstream-timeout": 504,
  "escrow-failed": 502,
  internal: 500,
};

const titleOf: Record<ProblemKind, string> = {
  validation: "Invalid request",
  "malformed-json": "Malformed JSON body",
  "unsupported-media-type": "Unsupported media type",
  "method-not-allowed": "Method not allowed",
  "payload-too-large": "Request body too large",
  "not-found": "Key pair not found",
  conflict: "Key pair already exists",
  "request-in-progress": "An earlier request with this Idempotency-Key may still be running",
  "idempotency-key-reused": "Idempotency-Key already used for another request",
  "quota-exceeded": "Key pair quota exceeded",
  "unmanaged-key": "Key pair is not managed by this service",
  forbidden: "Operation not permitted",
  throttled: "Too many requests to EC2",
  "upstream-error": "EC2 request failed",
  "upstream-timeout": "EC2 did not answer in time",
  "escrow-failed": "Private key escrow failed",
  internal: "Internal server error",
};

export const PROBLEM_TYPE_BASE = "https://ec2-keypairs-api.example.com/problems/";

export interface FieldError {
  /** Location of the offending value, e.g. `body.tags` or `query.region`. */
  field: string;
  message: string;
}

export interface ApiErrorOptions {
  ec2Code?: string;
  errors?: FieldError[];
  retryAfterSeconds?: number;
  /** Methods the resource supports, for the Allow header of a 405. */
  allow?: string[];
  /** What went wrong underneath (e.g. the SDK's error), for the logs and the adapter's retry decisions. */
  cause?: unknown;
}

export class ApiError extends Error {
  readonly kind: ProblemKind;
  readonly status: number;
  readonly title: string;
  readonly ec2Code?: string;
  readonly errors?: FieldError[];
  readonly retryAfterSeconds?: number;
  readonly allow?: string[];

  constructor(kind: ProblemKind, detail: string, options: ApiErrorOptions = {}) {
    super(detail, { cause: options.cause });
    this.name = "ApiError";
    this.kind = kind;
    this.status = statusOf[kind];
    this.title = titleOf[kind];
    this.ec2Code = options.ec2Code;
    this.errors = options.errors;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.allow = options.allow;
  }
}

/** Thrown by the EC2 adapter when EC2 answers DryRunOperation: the call would have succeeded. */
export class DryRunSucceeded extends Error {
  constructor(readonly operation: string) {
    super(`${operation} would succeed`);
    this.name = "DryRunSucceeded";
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  ec2Code?: string;
  errors?: FieldError[];
}

export function toProblem(error: ApiError, instance?: string): Problem {
  return {
    type: PROBLEM_TYPE_BASE + error.kind,
    title: error.title,
    status: error.status,
    detail: error.message,
    ...(instance ? { instance } : {}),
    ...(error.ec2Code ? { ec2Code: error.ec2Code } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

export const PROBLEM_KINDS = Object.keys(statusOf) as ProblemKind[];
export const problemStatus = (kind: ProblemKind): number => statusOf[kind];
