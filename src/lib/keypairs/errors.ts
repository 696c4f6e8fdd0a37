/**
 * The service's own errors: a problem kind and what the caller reads. No HTTP here: the HTTP layer
 * (http/problems.ts) gives each kind its status.
 */
import { INTERNAL_DETAIL, type ProblemKind } from "../api/problems.js";
import type { FieldError, KeyUsageView, ProblemKeyPair } from "../api/schemas.js";

export type { ProblemKind };

export interface ServiceErrorOptions {
  ec2Code?: string;
  errors?: FieldError[];
  retryAfterSeconds?: number;
  /** What went wrong underneath (e.g. the SDK's error), for the logs and the adapter's retry decisions. */
  cause?: unknown;
  /** The call may have been carried out all the same (no answer in time, an answer lost, the service's own fault). */
  outcomeUnknown?: boolean;
  /** A refused delete: what names the key. */
  usage?: KeyUsageView;
  /** private-key-delivered: the key pair the first request made. */
  keyPair?: ProblemKeyPair;
}

export class ServiceError extends Error {
  readonly kind: ProblemKind;
  readonly ec2Code?: string;
  readonly errors?: FieldError[];
  readonly retryAfterSeconds?: number;
  readonly outcomeUnknown: boolean;
  readonly usage?: KeyUsageView;
  readonly keyPair?: ProblemKeyPair;

  constructor(kind: ProblemKind, detail: string, options: ServiceErrorOptions = {}) {
    super(detail, { cause: options.cause });
    this.name = "ServiceError";
    this.kind = kind;
    this.ec2Code = options.ec2Code;
    this.errors = options.errors;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.outcomeUnknown = options.outcomeUnknown ?? false;
    this.usage = options.usage;
    this.keyPair = options.keyPair;
  }
}

/** Thrown by a key pair store when EC2 answers DryRunOperation: the call would have succeeded. */
export class DryRunSucceeded extends Error {
  constructor(readonly operation: string) {
    super(`${operation} would succeed`);
    this.name = "DryRunSucceeded";
  }
}

/** A 400 naming each invalid field; its detail lists them as `field: message`. */
export function invalidFields(errors: FieldError[]): ServiceError {
  return new ServiceError("validation", errors.map((error) => `${error.field}: ${error.message}`).join("; "), { errors });
}

/** What an error no rule expected becomes (its details go to the logs only). */
export const unexpectedError = (): ServiceError => new ServiceError("internal", INTERNAL_DETAIL);
