/**
 * Idempotency-Key: a create or import runs at most once per caller, key and region. The request
 * claims its key in the ledger (a strongly consistent conditional write) before it changes
 * anything, and records its outcome there when it is done; repeats answer from the record. The
 * marks (tags) it leaves on its key pair say which request made it: a random token per request
 * (for the store's own retries), the caller, and with an Idempotency-Key its hash and the digest of
 * the request, so that a request that died after making its key is recognised by the next one.
 */
import { createHash, randomUUID } from "node:crypto";
import { SERVICE_TAGS } from "../api/reserved-tags.js";
import { logger } from "../platform/logger.js";
import { ServiceError } from "./errors.js";
import type { KeyPairRecord, LedgerRecord, Recognise, RecordedOutcome, StoreDeps } from "./ports.js";
import { isManaged } from "./views.js";

/** Who asks (their IAM identity, see http/caller.ts), and the Idempotency-Key they sent, if any. */
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
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${members.map(([name, member]) => `${JSON.stringify(name)}:${canonical(member)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The tags that mark this request; `request` is what an equal retry must repeat (operation, region, body). */
export function markRequest(caller: Caller, request: object): RequestMarks {
  const tags = { [SERVICE_TAGS.requestToken]: randomUUID(), [SERVICE_TAGS.createdBy]: callerTag(caller.arn) };
  if (caller.idempotencyKey === undefined) return { tags, idempotent: false };
  // Hashed with the caller, so one caller's key can never match another's.
  const idempotency = {
    [SERVICE_TAGS.idempotencyKey]: sha256(`${caller.arn}\n${caller.idempotencyKey}`),
    [SERVICE_TAGS.requestDigest]: sha256(canonical(request)),
  };
  return { tags: { ...tags, ...idempotency }, idempotent: true };
}

/** Recognises the key this very request made (its random token), after an attempt whose answer was lost. */
export const madeBy =
  (marks: RequestMarks, deps: StoreDeps): Recognise =>
  (existing) =>
    isManaged(existing.tags, deps.settings) && existing.tags[SERVICE_TAGS.requestToken] === marks.tags[SERVICE_TAGS.requestToken];

/** A key pair made by an earlier request with the same Idempotency-Key and body, which never recorded its outcome (it died). */
class EarlierAttempt extends Error {
  constructor(readonly keyPair: KeyPairRecord) {
    super("made by an earlier request with this Idempotency-Key");
  }
}

/** Keys made before the ledger marked their digest complete with this suffix; the digest is the same. */
const digestOf = (record: KeyPairRecord): string | undefined => record.tags[SERVICE_TAGS.requestDigest]?.replace(/\+complete$/, "");

const sameRequest = (record: KeyPairRecord, marks: RequestMarks, deps: StoreDeps): boolean =>
  isManaged(record.tags, deps.settings) &&
  record.tags[SERVICE_TAGS.idempotencyKey] === marks.tags[SERVICE_TAGS.idempotencyKey] &&
  digestOf(record) === marks.tags[SERVICE_TAGS.requestDigest];

/**
 * A name conflict names the key and the region, as a 404 does; unless the key was made by an
 * earlier request with the same Idempotency-Key and body that died before it recorded its outcome
 * (its claim ran out, and this request took it over): then that key is this request's outcome.
 */
export function conflictOrEarlier(deps: StoreDeps, region: string, marks: RequestMarks, name: string) {
  return async (error: unknown): Promise<never> => {
    if (!(error instanceof ServiceError && error.kind === "conflict")) throw error;
    if (marks.idempotent) {
      const [existing] = await deps.store.describe(region, { name }, false);
      if (existing && sameRequest(existing, marks, deps)) throw new EarlierAttempt(existing);
    }
    throw nameTaken(error, name, region);
  };
}

export const nameTaken = (error: ServiceError, name: string, region: string): ServiceError =>
  new ServiceError(
    "conflict",
    `A key pair named ${name} already exists in ${region}: choose another name, or delete that key pair first.`,
    {
      ec2Code: error.ec2Code,
      cause: error,
    },
  );

export interface OnceRequest<T> {
  /**
   * Makes the change: the answer, what its repeats get, and how to announce it (its event; never
   * fails). The announcement and the outcome's record go out together, both before the answer.
   */
  make: () => Promise<{ answer: T; outcome: RecordedOutcome; announce: () => Promise<void> }>;
  /** What repeats get when an earlier request under this key made `keyPair` and died before recording it. */
  earlier: (keyPair: KeyPairRecord) => RecordedOutcome;
}

/**
 * Runs a request that changes EC2 at most once per Idempotency-Key (without one, or in a dry run,
 * simply runs it). Exactly one request holds the key's claim and makes the change; any other
 * gets the recorded outcome, 409 while that request runs, or 422 for another request. A request
 * that fails having changed nothing gives the claim up; one whose outcome is unknown keeps it
 * until it has run out, and the next request then finds its key, if it made one.
 */
export async function once<T>(deps: StoreDeps, region: string, marks: RequestMarks, dryRun: boolean, request: OnceRequest<T>): Promise<T> {
  if (!marks.idempotent || dryRun) {
    const made = await request.make();
    await made.announce();
    return made.answer;
  }
  const id = `${region}/${marks.tags[SERVICE_TAGS.idempotencyKey]}`;
  const token = marks.tags[SERVICE_TAGS.requestToken]!;
  const digest = marks.tags[SERVICE_TAGS.requestDigest]!;
  const now = deps.clock.now();
  const held = await deps.ledger
    .claim(id, {
      token,
      digest,
      now,
      runningUntil: now + deps.settings.requestMaxSeconds * 1000,
      expiresAt: now + deps.settings.idempotencyRecordSeconds * 1000,
    })
    .catch(nothingMade);
  if (held) return answerOf<T>(held, digest, now);
  let made: Awaited<ReturnType<OnceRequest<T>["make"]>>;
  try {
    made = await request.make();
  } catch (error) {
    if (error instanceof EarlierAttempt) {
      const outcome = request.earlier(error.keyPair);
      await record(deps, id, token, outcome);
      return replay<T>(outcome);
    }
    if (error instanceof ServiceError && !error.outcomeUnknown) await giveUp(deps, id, token);
    throw error;
  }
  // One round trip, not two: the record (DynamoDB) and the event (EventBridge) are independent.
  await Promise.all([record(deps, id, token, made.outcome), made.announce()]);
  return made.answer;
}

/** A claim that failed: the request stops before it changes anything, and says so. */
function nothingMade(error: unknown): never {
  if (!(error instanceof ServiceError)) throw error;
  throw new ServiceError(error.kind, `${error.message} Nothing was made: repeat the request.`, {
    retryAfterSeconds: error.retryAfterSeconds,
    cause: error,
  });
}

/** What a request gets whose Idempotency-Key another request holds. */
function answerOf<T>(held: LedgerRecord, digest: string, now: number): T {
  if (held.digest !== digest) {
    const made = held.outcome ? ` (key pair ${held.outcome.view.name})` : "";
    throw new ServiceError(
      "idempotency-key-reused",
      `This Idempotency-Key was used for another request${made}; use a new key for a new request.`,
    );
  }
  if (held.outcome) return replay<T>(held.outcome);
  const retryAfterSeconds = Math.max(1, Math.ceil((held.runningUntil - now) / 1000));
  throw new ServiceError(
    "request-in-progress",
    `An earlier request with this Idempotency-Key is still running; repeat this one after ${retryAfterSeconds} s for its answer.`,
    { retryAfterSeconds },
  );
}

/** A recorded answer, given again (it was recorded for this very request, so it is a T); never a private key twice. */
function replay<T>(outcome: RecordedOutcome): T {
  const { keyPairId, name, region } = outcome.view;
  if (outcome.kind === "answer") return outcome.view as T;
  throw new ServiceError(
    "private-key-delivered",
    `Key pair ${name} (${keyPairId}) was created by an earlier request with this Idempotency-Key. Its private key is given out ` +
      "once only, in the answer to that request, and is kept nowhere: if you do not hold it, delete this key pair and create " +
      "it again under a new Idempotency-Key (or with escrow: true, which keeps it in SSM Parameter Store).",
    { keyPair: { keyPairId, name, region } },
  );
}

/** Records the outcome. Failing that, the answer still goes out (its key is made); a repeat takes the claim over once it has run out, and finds the key. */
async function record(deps: StoreDeps, id: string, token: string, outcome: RecordedOutcome): Promise<void> {
  await deps.ledger.complete(id, token, outcome).catch((error: unknown) => ledgerFailed("could not record the outcome", outcome, error));
}

/** Gives the claim up. Failing that, a repeat meets 409 until the claim has run out. */
async function giveUp(deps: StoreDeps, id: string, token: string): Promise<void> {
  await deps.ledger.release(id, token).catch((error: unknown) => ledgerFailed("could not release the claim", undefined, error));
}

function ledgerFailed(what: string, outcome: RecordedOutcome | undefined, error: unknown): void {
  logger.warn(`Idempotency-Key ledger: ${what}`, {
    ...(outcome ? { keyPairId: outcome.view.keyPairId } : {}),
    problem: error instanceof ServiceError ? error.kind : "unexpected",
  });
}
