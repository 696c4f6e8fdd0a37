/** The API's own error types. Every non-2xx answer is one of these, serialized as RFC 9457 problem+json. */
import type * as z from "./zod.js";
import type { ProblemDetails, ProblemFieldError } from "./schemas.js";

export type ProblemKind =
  | "validation"
  | "malformed-json"
  | "unsupported-media-type"
  | "method-not-allowed"
  | "not-acceptable"
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

/**
 * The one problem table: every kind's HTTP status and title. ApiError, toProblem and the spec
 * (schemas.ts ProblemDetails, openapi.ts examples) all read it.
 */
export const PROBLEM_TABLE: Record<ProblemKind, { status: number; title: string }> = {
  validation: { status: 400, title: "Invalid request" },
  "malformed-json": { status: 400, title: "Malformed JSON body" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  "not-acceptable": { status: 406, title: "Not acceptable" },
  "payload-too-large": { status: 413, title: "Request body too large" },
  "not-found": { status: 404, title: "Key pair not found" },
  conflict: { status: 409, title: "Key pair already exists" },
  "request-in-progress": { status: 409, title: "An earlier request with this Idempotency-Key may still be running" },
  "idempotency-key-reused": { status: 422, title: "Idempotency-Key already used for another request" },
  "quota-exceeded": { status: 422, title: "Key pair quota exceeded" },
  "unmanaged-key": { status: 403, title: "Key pair is not managed by this service" },
  forbidden: { status: 403, title: "Operation not permitted" },
  throttled: { status: 429, title: "Too many requests to EC2" },
  "upstream-error": { status: 502, title: "EC2 request failed" },
  "upstream-timeout": { status: 504, title: "EC2 did not answer in time" },
  "escrow-failed": { status: 502, title: "Private key escrow failed" },
  internal: { status: 500, title: "Internal server error" },
};

const statusOf = Object.fromEntries(Object.entries(PROBLEM_TABLE).map(([kind, row]) => [kind, row.status])) as Record<ProblemKind, number>;
const titleOf = Object.fromEntries(Object.entries(PROBLEM_TABLE).map(([kind, row]) => [kind, row.title])) as Record<ProblemKind, string>;

export const PROBLEM_TYPE_BASE = "https://ec2-keypairs-api.example.com/problems/";

/** One invalid field of a request (`field`: where, e.g. `body.tags` or `query.region`): schemas.ts ProblemFieldError. */
export type FieldError = z.output<typeof ProblemFieldError>;

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

/** The problem+json body: its one definition is the zod schema schemas.ts ProblemDetails. */
export type Problem = z.output<typeof ProblemDetails>;

/** A 400 naming each invalid field; its detail lists them as `field: message`. */
export function invalidFields(errors: FieldError[]): ApiError {
  return new ApiError("validation", errors.map((error) => `${error.field}: ${error.message}`).join("; "), { errors });
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
export const problemTitle = (kind: ProblemKind): string => titleOf[kind];
