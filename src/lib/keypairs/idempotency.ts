/**
 * The marks (tags) a create or import leaves on its key pair, so that a retry can recognise the
 * request that made it without any store besides EC2 itself: a random token per request (for the
 * store's own retries), the caller, and with an Idempotency-Key its hash and the request's digest.
 */
import { createHash, randomUUID } from "node:crypto";
import { SERVICE_TAGS } from "../api/reserved-tags.js";
import { logger } from "../platform/logger.js";
import { ServiceError } from "./errors.js";
import type { KeyPairRecord, Recognise, StoreDeps } from "./ports.js";
import { removeKeyPair } from "./remove.js";
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

/**
 * A request with an Idempotency-Key marks its key complete as its last step, by appending this to
 * the request-digest tag (no tag of its own: the caller keeps every tag they had). base64url has no
 * "+", so a digest never ends this way by itself.
 */
const COMPLETE = "+complete";

const digestOf = (record: KeyPairRecord): string | undefined => record.tags[SERVICE_TAGS.requestDigest]?.replace(/\+complete$/, "");

/** Whether the request that made this key finished (answered its caller): a retry gets its final answer, never a 409. */
export const isComplete = (record: KeyPairRecord): boolean => record.tags[SERVICE_TAGS.requestDigest]?.endsWith(COMPLETE) === true;

/**
 * Marks a request's key complete; returns the tags it set (none: not marked), for the answer to show as GET will. If
 * that fails the caller still gets their answer (the key is made); a retry within
 * requestMaxSeconds then meets a 409, as before there was a mark.
 */
export async function markComplete(
  deps: StoreDeps,
  region: string,
  marks: RequestMarks,
  keyPair: { keyPairId: string },
): Promise<Record<string, string> | undefined> {
  if (!marks.idempotent) return undefined;
  const mark = { [SERVICE_TAGS.requestDigest]: `${marks.tags[SERVICE_TAGS.requestDigest]}${COMPLETE}` };
  try {
    await deps.store.tag(region, keyPair.keyPairId, mark);
    return mark;
  } catch (error) {
    logger.warn("could not mark the request complete", {
      keyPairId: keyPair.keyPairId,
      problem: error instanceof ServiceError ? error.kind : "unexpected",
    });
    return undefined;
  }
}

/** Recognises the key this very request made (its random token), after an attempt whose answer was lost. */
export const madeBy =
  (marks: RequestMarks, deps: StoreDeps): Recognise =>
  (existing) =>
    isManaged(existing.tags, deps.settings) && existing.tags[SERVICE_TAGS.requestToken] === marks.tags[SERVICE_TAGS.requestToken];

const keysMadeUnder = (deps: StoreDeps, region: string, marks: RequestMarks) =>
  deps.store.describe(region, { tag: { key: SERVICE_TAGS.idempotencyKey, value: marks.tags[SERVICE_TAGS.idempotencyKey]! } }, false);

/**
 * The order of the keys made under one Idempotency-Key, the same for every racer: made first (EC2's
 * CreateTime, whole seconds), then the lower id. The first is the request's one outcome.
 */
const madeEarlier = (a: KeyPairRecord, b: KeyPairRecord): number =>
  (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0) || (a.keyPairId < b.keyPairId ? -1 : a.keyPairId > b.keyPairId ? 1 : 0);

const firstMadeUnder = async (deps: StoreDeps, region: string, marks: RequestMarks): Promise<KeyPairRecord | undefined> =>
  (await keysMadeUnder(deps, region, marks)).sort(madeEarlier)[0];

/**
 * Margin past the end of our key's CreateTime second before the race is settled: EC2's clock and
 * ours differ by milliseconds (both NTP-synchronised), and a key EC2 made is visible to its next
 * describe.
 */
export const SETTLE_MARGIN_MS = 250;

/**
 * The keys made under our Idempotency-Key, seen by a describe that began after the second of our
 * key's CreateTime ended. Whole seconds cannot order two keys made in one second, so a key made in
 * our second after we looked could still rank first; once that second is over, every key that can
 * rank before ours is visible, and every key made later ranks after it. Costs an idempotent create
 * the rest of its second (about half a second on average), never more than one extra describe.
 */
async function settledKeysMadeUnder(
  deps: StoreDeps,
  region: string,
  marks: RequestMarks,
  ours: { keyPairId: string },
): Promise<KeyPairRecord[]> {
  // Ours was made before we first look: in that second or earlier, if no describe shows it yet.
  const firstLook = deps.clock.now();
  // Two looks suffice; a third only if EC2's clock runs ahead of ours across a second.
  for (let look = 1; ; look += 1) {
    const lookedAt = deps.clock.now();
    const made = await keysMadeUnder(deps, region, marks);
    const madeAt = made.find((key) => key.keyPairId === ours.keyPairId)?.createdAt?.getTime() ?? firstLook;
    const settledAt = (Math.floor(madeAt / 1000) + 1) * 1000 + SETTLE_MARGIN_MS;
    if (lookedAt >= settledAt || look === 3) return made;
    await deps.clock.sleep(settledAt - lookedAt);
  }
}

/**
 * The key pair an earlier request with the same Idempotency-Key made in this region, if any.
 * Another request under that key is a 422. With `whileRunning: "refuse"`, a key whose request may
 * still be running (not marked complete, made less than requestMaxSeconds ago) is a 409 with
 * Retry-After: that request will still hand its answer to its caller.
 */
export async function earlierRequest(
  deps: StoreDeps,
  region: string,
  marks: RequestMarks,
  whileRunning: "refuse" | "accept",
): Promise<KeyPairRecord | undefined> {
  if (!marks.idempotent) return undefined;
  const earlier = await firstMadeUnder(deps, region, marks);
  if (!earlier) return undefined;
  if (digestOf(earlier) !== marks.tags[SERVICE_TAGS.requestDigest]) {
    throw new ServiceError(
      "idempotency-key-reused",
      `This Idempotency-Key was used for another request (key pair ${earlier.name}); use a new key for a new request.`,
    );
  }
  // +1: EC2's CreateTime has whole seconds.
  const waitSeconds = Math.ceil(deps.settings.requestMaxSeconds + 1 - (deps.clock.now() - (earlier.createdAt?.getTime() ?? 0)) / 1000);
  if (whileRunning === "refuse" && waitSeconds > 0 && !isComplete(earlier)) {
    throw new ServiceError(
      "request-in-progress",
      `The request that made key pair ${earlier.name} with this Idempotency-Key may still be running; retry after ${waitSeconds} s.`,
      {
        retryAfterSeconds: waitSeconds,
      },
    );
  }
  return earlier;
}

/**
 * Requests racing under one Idempotency-Key can all pass earlierRequest() before any has made its
 * key. Once ours is made and the race settled, the first key made under that Idempotency-Key
 * (madeEarlier) is the one outcome; the error for a later one, whose key its request must undo.
 * Undefined when ours is the first (or no key is visible).
 */
export async function lostRace(
  deps: StoreDeps,
  region: string,
  marks: RequestMarks,
  ours: { keyPairId: string },
): Promise<ServiceError | undefined> {
  if (!marks.idempotent) return undefined;
  const [first] = (await settledKeysMadeUnder(deps, region, marks, ours)).sort(madeEarlier);
  if (!first || first.keyPairId === ours.keyPairId) return undefined;
  if (digestOf(first) !== marks.tags[SERVICE_TAGS.requestDigest]) {
    return new ServiceError(
      "idempotency-key-reused",
      `This Idempotency-Key was used for another request at the same time (key pair ${first.name}); use a new key for a new request.`,
    );
  }
  const retryAfterSeconds = deps.settings.requestMaxSeconds;
  return new ServiceError(
    "request-in-progress",
    `Another request with this Idempotency-Key made key pair ${first.name} at the same time; retry after ${retryAfterSeconds} s.`,
    { retryAfterSeconds },
  );
}

/** Deletes the key this request just made if a racing request under its Idempotency-Key made one first. */
export async function undoIfRaceLost(
  deps: StoreDeps,
  region: string,
  marks: RequestMarks,
  ours: { name: string; keyPairId: string },
): Promise<void> {
  const lost = await lostRace(deps, region, marks, ours);
  if (!lost) return;
  await removeKeyPair(deps.store, region, ours);
  throw lost;
}

/**
 * A name conflict with a key made under the same Idempotency-Key means a request with that key is
 * running right now (it made the key after this one looked): 409 with Retry-After, not "exists".
 * Any other conflict names the key and the region, as a 404 does.
 */
export function concurrentSameKey(deps: StoreDeps, region: string, marks: RequestMarks, name: string) {
  return async (error: unknown): Promise<never> => {
    if (!(error instanceof ServiceError && error.kind === "conflict")) throw error;
    if (marks.idempotent) await earlierRequest(deps, region, marks, "refuse");
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
