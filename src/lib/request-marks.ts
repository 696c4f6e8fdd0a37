/**
 * The marks (tags) a create or import leaves on its key pair, so that a retry can recognise the
 * request that made it without any store besides EC2 itself: a random token per request (for the
 * adapter's own retries), the caller, and with an Idempotency-Key its hash and the request's digest.
 */
import { createHash, randomUUID } from "node:crypto";
import { config } from "./config.js";
import * as ec2 from "./ec2.js";
import type { KeyPairRecord } from "./ec2.js";
import { ApiError } from "./errors.js";

export const REQUEST_TOKEN_TAG = "ec2-keypairs-api:request-token";
export const CREATED_BY_TAG = "ec2-keypairs-api:created-by";
export const IDEMPOTENCY_KEY_TAG = "ec2-keypairs-api:idempotency-key";
export const REQUEST_DIGEST_TAG = "ec2-keypairs-api:request-digest";
/** On a created key whose private key was escrowed: where it is kept ("ssm"), so that DELETE removes it there too. */
export const ESCROW_TAG = "ec2-keypairs-api:escrow";
/** Tag keys callers may not set (the managed-key marker is reserved too; it is configurable). */
const RESERVED_TAG_KEYS: readonly string[] = [REQUEST_TOKEN_TAG, CREATED_BY_TAG, IDEMPOTENCY_KEY_TAG, REQUEST_DIGEST_TAG, ESCROW_TAG];

/** Whether a caller's tag key is, or could pass for, a reserved one (any case, surrounding spaces). */
export function isReservedTagKey(key: string, managedTagKey: string): boolean {
  const normalized = key.trim().toLowerCase();
  return normalized === managedTagKey.toLowerCase() || RESERVED_TAG_KEYS.includes(normalized);
}

/** Who asks (see caller.ts), and the Idempotency-Key they sent, if any. */
export interface Caller {
  arn: string;
  idempotencyKey?: string;
}

export interface RequestMarks {
  tags: Record<string, string>;
  idempotent: boolean;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("base64url");

/** EC2 tag values hold at most 256 characters. */
const MAX_TAG_VALUE = 256;

/** The caller for the created-by tag: whole if it fits, else its start and a hash of all of it (still unique). */
const callerTag = (arn: string): string => (arn.length <= MAX_TAG_VALUE ? arn : `${arn.slice(0, MAX_TAG_VALUE - 44)}#${sha256(arn)}`);

/** JSON with object members in sorted order, so that equal requests have equal digests. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const members = Object.entries(value).filter(([, member]) => member !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${members.map(([name, member]) => `${JSON.stringify(name)}:${canonical(member)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The tags that mark this request; `request` is what an equal retry must repeat (operation, region, body). */
export function markRequest(caller: Caller, request: object): RequestMarks {
  const tags = { [REQUEST_TOKEN_TAG]: randomUUID(), [CREATED_BY_TAG]: callerTag(caller.arn) };
  if (caller.idempotencyKey === undefined) return { tags, idempotent: false };
  // Hashed with the caller, so one caller's key can never match another's.
  const idempotency = { [IDEMPOTENCY_KEY_TAG]: sha256(`${caller.arn}\n${caller.idempotencyKey}`), [REQUEST_DIGEST_TAG]: sha256(canonical(request)) };
  return { tags: { ...tags, ...idempotency }, idempotent: true };
}

/**
 * The key pair an earlier request with the same Idempotency-Key made in this region, if any.
 * Another request under that key is a 422. With `whileRunning: "refuse"`, a key young enough that
 * its request may still be running (made less than REQUEST_MAX_SECONDS ago) is a 409 with
 * Retry-After: that request will still hand its answer to its caller.
 */
export async function earlierRequest(region: string, marks: RequestMarks, whileRunning: "refuse" | "accept"): Promise<KeyPairRecord | undefined> {
  if (!marks.idempotent) return undefined;
  const [earlier] = await ec2.describeKeyPairs(region, { tag: { key: IDEMPOTENCY_KEY_TAG, value: marks.tags[IDEMPOTENCY_KEY_TAG]! } }, false);
  if (!earlier) return undefined;
  if (earlier.tags[REQUEST_DIGEST_TAG] !== marks.tags[REQUEST_DIGEST_TAG]) {
    throw new ApiError("idempotency-key-reused", `This Idempotency-Key was used for another request (key pair ${earlier.name}); use a new key for a new request.`);
  }
  // +1: EC2's CreateTime has whole seconds.
  const waitSeconds = Math.ceil(config.REQUEST_MAX_SECONDS + 1 - (Date.now() - (earlier.createdAt?.getTime() ?? 0)) / 1000);
  if (whileRunning === "refuse" && waitSeconds > 0) {
    throw new ApiError("request-in-progress", `The request that made key pair ${earlier.name} with this Idempotency-Key may still be running; retry after ${waitSeconds} s.`, {
      retryAfterSeconds: waitSeconds,
    });
  }
  return earlier;
}

/**
 * Requests racing under one Idempotency-Key can all pass earlierRequest() before any has made its
 * key. Once ours is made, the first key made under that Idempotency-Key (oldest, then lowest id:
 * every racer orders them alike) is the one outcome; the error for a later one, whose key its
 * request must undo. Undefined when ours is the first (or no key is visible yet).
 */
export async function lostRace(region: string, marks: RequestMarks, ours: { keyPairId: string }): Promise<ApiError | undefined> {
  if (!marks.idempotent) return undefined;
  const made = await ec2.describeKeyPairs(region, { tag: { key: IDEMPOTENCY_KEY_TAG, value: marks.tags[IDEMPOTENCY_KEY_TAG]! } }, false);
  const [first] = made.sort((a, b) => (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0) || (a.keyPairId < b.keyPairId ? -1 : 1));
  if (!first || first.keyPairId === ours.keyPairId) return undefined;
  if (first.tags[REQUEST_DIGEST_TAG] !== marks.tags[REQUEST_DIGEST_TAG]) {
    return new ApiError("idempotency-key-reused", `This Idempotency-Key was used for another request at the same time (key pair ${first.name}); use a new key for a new request.`);
  }
  return new ApiError("request-in-progress", `Another request with this Idempotency-Key made key pair ${first.name} at the same time; retry after ${config.REQUEST_MAX_SECONDS} s.`, {
    retryAfterSeconds: config.REQUEST_MAX_SECONDS,
  });
}
