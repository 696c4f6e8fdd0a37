/** The one place where the service's errors become HTTP: each problem kind's status, and the problem+json body. */
import { PROBLEM_TITLES, PROBLEM_TYPE_BASE, type ProblemKind } from "../api/problems.js";
import type { Problem } from "../api/schemas.js";
import { ServiceError } from "../keypairs/errors.js";

export const PROBLEM_STATUS: Record<ProblemKind, number> = {
  validation: 400,
  "malformed-json": 400,
  "unsupported-media-type": 415,
  "method-not-allowed": 405,
  "not-acceptable": 406,
  "payload-too-large": 413,
  "not-found": 404,
  "problem-type-not-found": 404,
  conflict: 409,
  "request-in-progress": 409,
  "private-key-delivered": 409,
  "idempotency-key-reused": 422,
  "quota-exceeded": 422,
  "unmanaged-key": 403,
  "key-in-use": 409,
  "usage-unknown": 409,
  forbidden: 403,
  "account-not-allowed": 403,
  "account-unreachable": 403,
  throttled: 429,
  "upstream-error": 502,
  "upstream-timeout": 504,
  "escrow-failed": 502,
  internal: 500,
};

/** A 405: the methods the resource serves go in the Allow header. */
export class MethodNotAllowed extends ServiceError {
  constructor(
    detail: string,
    readonly allow: string[],
  ) {
    super("method-not-allowed", detail);
  }
}

export function toProblem(error: ServiceError, instance?: string): Problem {
  return {
    type: PROBLEM_TYPE_BASE + error.kind,
    title: PROBLEM_TITLES[error.kind],
    status: PROBLEM_STATUS[error.kind],
    detail: error.message,
    ...(instance ? { instance } : {}),
    ...(error.ec2Code ? { ec2Code: error.ec2Code } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.usage ? { usage: error.usage } : {}),
    ...(error.keyPair ? { keyPair: error.keyPair } : {}),
  };
}
