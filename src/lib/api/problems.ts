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
  "problem-type-not-found": "No such problem type",
  conflict: "Key pair already exists",
  "request-in-progress": "An earlier request with this Idempotency-Key may still be running",
  "private-key-delivered": "The private key was given out by an earlier request with this Idempotency-Key",
  "idempotency-key-reused": "Idempotency-Key already used for another request",
  "quota-exceeded": "Key pair quota exceeded",
  "unmanaged-key": "Key pair is not managed by this service",
  "key-in-use": "Key pair is in use",
  "usage-unknown": "Key pair usage could not be checked",
  forbidden: "Operation not permitted",
  "account-not-allowed": "Account not allowed",
  "account-unreachable": "Account could not be reached",
  // Service-neutral: EC2, SSM (escrow) and Auto Scaling (usage) failures share these kinds; the detail names the service.
  throttled: "Too many requests to AWS",
  "upstream-error": "AWS request failed",
  "upstream-timeout": "AWS did not answer in time",
  "escrow-failed": "Private key escrow failed",
  internal: "Internal server error",
} as const;

export type ProblemKind = keyof typeof PROBLEM_TITLES;

/**
 * What each problem means and what to do about it: the page its type URI serves
 * (GET /problems/{type}); the answer's detail says what happened to that request.
 */
export const PROBLEM_DESCRIPTIONS: Record<ProblemKind, string> = {
  validation: "A field, parameter or header is invalid. errors names each one (body.name, query.limit...) and says what it must be.",
  "malformed-json": "The body is not valid JSON (or not valid UTF-8). Send one JSON object.",
  "unsupported-media-type":
    "The body is not sent as JSON in UTF-8: send Content-Type: application/json (a charset, if any, must be utf-8).",
  "method-not-allowed": "The path exists but not with this method. The Allow header lists the methods it serves.",
  "not-acceptable": "The Accept header asks for a form this answer cannot take (e.g. a PEM file of a ppk or escrowed key).",
  "payload-too-large": "The body is larger than the service accepts (MAX_BODY_BYTES).",
  "not-found": "No key pair with that name or id in that region. Names are case-sensitive; check the region.",
  "problem-type-not-found": "This API defines no problem type of that name.",
  conflict: "A key pair with this name already exists in the region. Choose another name, or delete that key pair first.",
  "key-in-use":
    "An instance, launch template version, launch configuration or Auto Scaling group still names the key pair (usage lists them): " +
    "deleting it would break their next launch. Nothing was deleted; change them first, or delete with force=true.",
  "usage-unknown":
    "What uses the key pair could not be checked completely (incomplete says which part and why), so the delete was refused rather " +
    "than guessed safe. Retry, or delete with force=true.",
  "request-in-progress":
    "An earlier request with this Idempotency-Key may still be running. Repeat the request after Retry-After seconds for its answer.",
  "private-key-delivered":
    "The request with this Idempotency-Key created the key pair (keyPair names it) and gave its private key out in its own answer, " +
    "once: the service keeps no copy to give again. If you do not hold the private key, delete the key pair and create it again " +
    "under a new Idempotency-Key (escrow: true keeps the private key in SSM Parameter Store instead).",
  "idempotency-key-reused": "This Idempotency-Key was used for a different request. Use a new key for a new request.",
  "quota-exceeded": "The region's key pair quota is reached. Delete key pairs or ask AWS for a higher quota.",
  "unmanaged-key": "The key pair was not created through this service (it has no managed-key tag), so the service does not delete it.",
  forbidden: "The service is not permitted to perform this call (a dry run's answer).",
  "account-not-allowed":
    "The request names an account this deployment does not act in: its ALLOWED_ACCOUNTS (a list, or the organization's active " +
    "accounts) does not hold it. Name another account, or none for the API's own.",
  "account-unreachable":
    "The service could not assume its member role in the account the request names. The detail names the account and why: denied " +
    "(the role does not exist there, or does not trust this API, or the external id differs), or STS is not enabled in the region. " +
    "Deploy deploy/member-role.yml to that account.",
  throttled:
    "The service has used its own share of the account's AWS request rate (nothing was sent), or AWS (EC2, SSM, Auto Scaling) is " +
    "throttling requests. Retry after the delay in Retry-After.",
  "upstream-error":
    "An AWS service (EC2, SSM, Auto Scaling) answered with an error, or could not be reached. The detail says which, and whether the " +
    "call may have taken effect.",
  "upstream-timeout":
    "An AWS service did not answer in time. The call may still have taken effect: look the key pair up before repeating it (or use an Idempotency-Key).",
  "escrow-failed": "The private key could not be stored in SSM Parameter Store. The detail says what was kept and what was deleted.",
  internal: "An unexpected error. It is logged with the request's id; the answer says no more.",
};

export const PROBLEM_KINDS = Object.keys(PROBLEM_TITLES) as ProblemKind[];

/**
 * A problem's type is a relative reference (RFC 9457 allows one; it resolves against the request's
 * URI): `/problems/<kind>` on the very API that answered, GET /problems/{type}, whatever its host.
 */
export const PROBLEM_TYPE_BASE = "/problems/";

/** The detail of every 500: what went wrong is in the logs only. */
export const INTERNAL_DETAIL = "An unexpected error occurred; it has been logged with this request's id.";
