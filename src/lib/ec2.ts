/**
 * The EC2 adapter: the only module that knows the SDK. It owns the clients (per region, built
 * lazily, discarded after any failure that did not come from an EC2 answer), the one table that
 * turns EC2 errors into the API's own, the retry policy of each call, and the checks that every
 * EC2 answer is readable and about exactly the key pair asked for. It speaks the API's types.
 */
import {
  CreateKeyPairCommand,
  DeleteKeyPairCommand,
  DescribeKeyPairsCommand,
  EC2Client,
  ImportKeyPairCommand,
  type KeyPairInfo,
  type Tag,
} from "@aws-sdk/client-ec2";
import { setTimeout as delay } from "node:timers/promises";
import { clientOptions, httpHandler } from "./aws-clients.js";
import { config } from "./config.js";
import { ApiError, DryRunSucceeded, type ProblemKind } from "./errors.js";
import { logger } from "./logger.js";

/** A key pair as EC2 holds it, in the API's terms. */
export interface KeyPairRecord {
  keyPairId: string;
  name: string;
  fingerprint: string;
  keyType: "rsa" | "ed25519";
  tags: Record<string, string>;
  createdAt?: Date;
  publicKey?: string;
}

export interface CreatedKeyPairRecord extends Omit<KeyPairRecord, "keyType" | "createdAt" | "publicKey"> {
  keyMaterial: string;
}

/**
 * Two clients per region. Reads are idempotent and use the SDK's retries. Mutations are sent
 * once per attempt of this adapter's own loop (mutate()), because a call that timed out may have
 * been carried out by EC2: retrying it blindly creates a key twice or deletes one twice.
 */
export type ClientKind = "read" | "mutate";
const clients = new Map<string, EC2Client>();
/** A region's two clients share one HTTP handler: one pool of connections (priming's serves the first mutation too). */
const httpHandlers = new Map<string, ReturnType<typeof httpHandler>>();

/** The client of a region for reads or mutations (exported as a seam for the bench, which answers it from memory). */
export function ec2Client(region: string, kind: ClientKind): EC2Client {
  const id = `${kind}:${region}`;
  let client = clients.get(id);
  if (!client) {
    let handler = httpHandlers.get(region);
    if (!handler) httpHandlers.set(region, (handler = httpHandler()));
    client = new EC2Client(clientOptions(region, config.EC2_ENDPOINT, kind === "read" ? config.EC2_MAX_ATTEMPTS : 1, handler));
    clients.set(id, client);
  }
  return client;
}

/**
 * Forgets a region's clients. The SDK's query serializer keeps what it had written when a write
 * throws (e.g. URIError on an unpaired surrogate) and sends it ahead of the next request made with
 * that client: after any failure that is not an EC2 answer, no client state is trusted again.
 */
export function discardClients(region: string): void {
  for (const kind of ["read", "mutate"] as const) {
    clients.get(`${kind}:${region}`)?.destroy();
    clients.delete(`${kind}:${region}`);
  }
  httpHandlers.get(region)?.destroy();
  httpHandlers.delete(region);
}

export type Operation = "CreateKeyPair" | "ImportKeyPair" | "DescribeKeyPairs" | "DeleteKeyPair";

interface Translation {
  kind: ProblemKind;
  /** What the caller reads; `undefined` passes EC2's own message through (it is about their input). */
  detail?: string;
}

const QUOTA = "The region's key pair quota (5,000 by default) is reached: delete keys or request a quota increase.";
const THROTTLED = "EC2 is throttling requests; retry after the delay in Retry-After.";
const INTERNAL = "EC2 reported an internal error.";
const UNAVAILABLE = "EC2 is unavailable.";
const TIMED_OUT = "EC2 did not answer in time.";

/** Every EC2 error code the API distinguishes, and what it becomes. Unlisted codes: see translateEc2Error(). */
const EC2_ERRORS: Record<string, Translation> = {
  "InvalidKeyPair.Duplicate": { kind: "conflict", detail: "A key pair with this name already exists in this region." },
  "InvalidKeyPair.NotFound": { kind: "not-found", detail: "No such key pair in this region." },
  "InvalidKey.Format": { kind: "validation" },
  "InvalidKeyPair.Format": { kind: "validation" },
  InvalidParameterValue: { kind: "validation" },
  InvalidParameter: { kind: "validation" },
  InvalidParameterCombination: { kind: "validation" },
  MissingParameter: { kind: "validation" },
  KeyPairLimitExceeded: { kind: "quota-exceeded", detail: QUOTA },
  ResourceLimitExceeded: { kind: "quota-exceeded", detail: QUOTA },
  RequestLimitExceeded: { kind: "throttled", detail: THROTTLED },
  Throttling: { kind: "throttled", detail: THROTTLED },
  ThrottlingException: { kind: "throttled", detail: THROTTLED },
  OptInRequired: { kind: "validation", detail: "This region is not enabled for the account." },
  AuthFailure: { kind: "upstream-error", detail: "The service could not authenticate to EC2." },
  UnauthorizedOperation: { kind: "upstream-error", detail: "The service is not permitted to perform this EC2 operation." },
  InternalError: { kind: "upstream-error", detail: INTERNAL },
  InternalFailure: { kind: "upstream-error", detail: INTERNAL },
  Unavailable: { kind: "upstream-error", detail: UNAVAILABLE },
  ServiceUnavailable: { kind: "upstream-error", detail: UNAVAILABLE },
  TimeoutError: { kind: "upstream-timeout", detail: TIMED_OUT },
  AbortError: { kind: "upstream-timeout", detail: TIMED_OUT },
  RequestTimeout: { kind: "upstream-timeout", detail: TIMED_OUT },
};

interface SdkError {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number };
}

/** An error EC2 itself answered (an error document the SDK could read), as opposed to one raised on our side. */
const isEc2Answer = (error: SdkError): boolean => error.$fault !== undefined && (error.$metadata?.httpStatusCode ?? 0) >= 300;

const CLIENT_SIDE_TIMEOUTS = new Set(["TimeoutError", "AbortError", "RequestTimeout"]);

export function translateEc2Error(error: unknown, operation: Operation, dryRun = false): Error {
  if (error instanceof ApiError) return error;
  const sdkError = (error ?? {}) as SdkError;
  const code = sdkError.Code ?? sdkError.name ?? sdkError.code ?? "Unknown";
  if (code === "DryRunOperation") return new DryRunSucceeded(operation);
  if (code === "UnauthorizedOperation" && dryRun) {
    return new ApiError("forbidden", `${operation} would fail: the service is not permitted to perform it.`, { ec2Code: code });
  }
  const translation = EC2_ERRORS[code];
  if (translation && (isEc2Answer(sdkError) || CLIENT_SIDE_TIMEOUTS.has(code))) {
    return new ApiError(translation.kind, translation.detail ?? sdkError.message ?? code, {
      cause: error,
      ec2Code: isEc2Answer(sdkError) ? code : undefined,
      retryAfterSeconds: translation.kind === "throttled" ? config.THROTTLE_RETRY_AFTER_SECONDS : undefined,
    });
  }
  const status = sdkError.$metadata?.httpStatusCode ?? 0;
  if (status >= 200 && status < 300) {
    return new ApiError("upstream-error", `EC2's answer to ${operation} could not be read.`, { cause: error });
  }
  const network = typeof sdkError.code === "string" && /^E[A-Z]+/.test(sdkError.code);
  if (isEc2Answer(sdkError) || status >= 500 || network) {
    return new ApiError("upstream-error", "EC2 request failed.", { cause: error, ec2Code: isEc2Answer(sdkError) ? code : undefined });
  }
  // Not an EC2 answer we know: keep the original for the logs, the caller gets a bare 500.
  return error instanceof Error ? error : new Error(String(error));
}

async function send<T>(region: string, kind: ClientKind, operation: Operation, dryRun: boolean, signal: AbortSignal, run: (client: EC2Client) => Promise<T>): Promise<T> {
  try {
    return await run(ec2Client(region, kind));
  } catch (error) {
    if (!isEc2Answer((error ?? {}) as SdkError)) discardClients(region);
    throw translateEc2Error(signal.aborted ? signal.reason ?? error : error, operation, dryRun);
  }
}

/**
 * Whether EC2 may have carried out a call that failed this way: no answer in time, an answer lost
 * or unreadable, or EC2's own fault (5xx). An error EC2 answered as the caller's fault (4xx:
 * throttled, duplicate, invalid, not permitted) was not carried out.
 */
function mayHaveActed(error: ApiError): boolean {
  if (error.kind === "upstream-timeout") return true;
  const cause = (error.cause ?? {}) as SdkError;
  return error.kind === "upstream-error" && (!isEc2Answer(cause) || cause.$fault === "server");
}

/**
 * Tells whether a key pair that EC2 says already exists was made by this very request (e.g. by a
 * request token tag it carries). Asked only after an attempt whose outcome is unknown, so a
 * genuine name conflict stays a conflict.
 */
export type Recognise = (existing: KeyPairRecord) => boolean;

interface Mutation<T> {
  region: string;
  operation: Mutating;
  name: string;
  dryRun: boolean;
  send: (client: EC2Client, abortSignal: AbortSignal) => Promise<T>;
  /** What to do when a retry meets a key of our own: its result, or undefined to try again. */
  ownKey?: { recognise: Recognise; reuse: (existing: KeyPairRecord) => Promise<T | undefined> };
}

/**
 * Runs a mutation, deciding retries per error class: a throttled call was not carried out, so it
 * is sent again (jittered backoff); one whose outcome is unknown (timeout, unreadable answer) is
 * sent again only by create and import, which recognise their own key if EC2 had carried it out;
 * everything else is final. All attempts share one time budget.
 */
async function mutate<T>(mutation: Mutation<T>): Promise<T> {
  const { region, operation, dryRun, ownKey } = mutation;
  const signal = AbortSignal.timeout(config.EC2_TOTAL_TIMEOUT_MS);
  let outcomeUnknown = false;
  for (let attempt = 1; ; attempt += 1) {
    let error: unknown;
    try {
      return await send(region, "mutate", operation, dryRun, signal, (client) => mutation.send(client, signal));
    } catch (thrown) {
      error = thrown;
    }
    if (!(error instanceof ApiError)) throw error;
    outcomeUnknown ||= mayHaveActed(error);
    const canRetry = attempt < config.EC2_MAX_ATTEMPTS && !signal.aborted;
    if (canRetry && error.kind === "throttled") {
      await delay(Math.random() * 100 * 2 ** attempt);
      continue;
    }
    if (canRetry && ownKey && mayHaveActed(error)) continue;
    if (ownKey && outcomeUnknown && error.kind === "conflict") {
      const [existing] = await describeKeyPairs(region, { name: mutation.name }, false);
      if (existing && ownKey.recognise(existing)) {
        const reused = await ownKey.reuse(existing);
        if (reused !== undefined) return reused;
        if (canRetry) continue;
        throw new ApiError("upstream-timeout", `EC2 did not answer in time, and the key pair ${mutation.name} it made meanwhile was removed again (its answer was lost). Nothing was kept: send the request again.`);
      }
    }
    // A name held by a key that is not ours means ours was never made: names are unique.
    throw outcomeUnknown && error.kind !== "conflict" ? withUnknownOutcome(error, operation, mutation.name) : error;
  }
}

type Mutating = Exclude<Operation, "DescribeKeyPairs">;

const OUTCOME: Record<Mutating, string> = {
  CreateKeyPair: "may have been created",
  ImportKeyPair: "may have been imported",
  DeleteKeyPair: "may have been deleted",
};

/** The same problem, saying that EC2 may have carried the call out: the caller can look the key up. */
function withUnknownOutcome(error: ApiError, operation: Mutating, name: string): ApiError {
  return new ApiError(error.kind, `${error.message} The key pair ${name} ${OUTCOME[operation]}: look it up by name to know.`, { ec2Code: error.ec2Code, retryAfterSeconds: error.retryAfterSeconds });
}

const toTags = (tags: Record<string, string>): Tag[] => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
const tagMap = (tags: Tag[] | undefined): Record<string, string> => Object.fromEntries((tags ?? []).map((tag) => [tag.Key ?? "", tag.Value ?? ""]));
const keyPairTags = (tags: Record<string, string>) => (Object.keys(tags).length ? [{ ResourceType: "key-pair" as const, Tags: toTags(tags) }] : undefined);

/** An EC2 answer that lacks what every key pair has, or names another key than the one asked for. */
function inconsistent(operation: Operation, what: string): ApiError {
  return new ApiError("upstream-error", `EC2's answer to ${operation} ${what}.`);
}

function readKeyPair(info: KeyPairInfo): KeyPairRecord {
  if (!info.KeyPairId || !info.KeyName || !info.KeyFingerprint) throw inconsistent("DescribeKeyPairs", "lists a key pair without an id, name or fingerprint");
  return {
    keyPairId: info.KeyPairId,
    name: info.KeyName,
    fingerprint: info.KeyFingerprint,
    keyType: info.KeyType === "ed25519" ? "ed25519" : "rsa",
    tags: tagMap(info.Tags),
    ...(info.CreateTime ? { createdAt: info.CreateTime } : {}),
    ...(info.PublicKey ? { publicKey: info.PublicKey.trim() } : {}),
  };
}

interface NewKeyOutput {
  KeyPairId?: string;
  KeyName?: string;
  KeyFingerprint?: string;
  Tags?: Tag[];
}

type CreatedRecord = Omit<CreatedKeyPairRecord, "keyMaterial">;

/** The record of a key EC2 says it just made; tags fall back to those sent when EC2 echoes none. */
function readNewKey(operation: Mutating, output: NewKeyOutput, sent: { name: string; tags: Record<string, string> }): CreatedRecord {
  if (!output.KeyPairId || !output.KeyFingerprint || output.KeyName !== sent.name) {
    const what = output.KeyName && output.KeyName !== sent.name ? "names another key pair" : "lacks the key pair's id, name or fingerprint";
    throw withUnknownOutcome(inconsistent(operation, what), operation, sent.name);
  }
  return { keyPairId: output.KeyPairId, name: sent.name, fingerprint: output.KeyFingerprint, tags: output.Tags?.length ? tagMap(output.Tags) : sent.tags };
}

/** What identifies a key pair to look up; all are matched literally. */
export type KeyPairLookup = { name: string } | { keyPairId: string } | { tag: { key: string; value: string } };

/** The DescribeKeyPairs parameters for a lookup, and the check every answered key must pass. */
function selectorFor(lookup: KeyPairLookup | undefined) {
  if (lookup === undefined) return { input: {}, matches: () => true };
  if ("name" in lookup) return { input: { KeyNames: [lookup.name] }, matches: (record: KeyPairRecord) => record.name === lookup.name };
  if ("keyPairId" in lookup) {
    return { input: { Filters: [{ Name: "key-pair-id", Values: [lookup.keyPairId] }] }, matches: (record: KeyPairRecord) => record.keyPairId === lookup.keyPairId };
  }
  // Only the service's own tags are looked up (hashes: no * or ? in them), and checked exactly again.
  const { key, value } = lookup.tag;
  return { input: { Filters: [{ Name: `tag:${key}`, Values: [value] }] }, matches: (record: KeyPairRecord) => record.tags[key] === value };
}

/**
 * The key pairs of a region, or those `lookup` names. Names go in KeyNames (literal, unlike the
 * key-name filter, where * and ? are wildcards); ids in the key-pair-id filter (moto ignores
 * KeyPairIds; ids are validated hex, so no wildcard can be in one). Whatever EC2 answers is then
 * checked: a key that is not exactly the one asked for is never handed on.
 */
export async function describeKeyPairs(region: string, lookup: KeyPairLookup | undefined, includePublicKey: boolean): Promise<KeyPairRecord[]> {
  const signal = AbortSignal.timeout(config.EC2_TOTAL_TIMEOUT_MS);
  const selector = selectorFor(lookup);
  let infos: KeyPairInfo[];
  try {
    const output = await send(region, "read", "DescribeKeyPairs", false, signal, (client) =>
      client.send(new DescribeKeyPairsCommand({ ...selector.input, IncludePublicKey: includePublicKey }), { abortSignal: signal }),
    );
    infos = output.KeyPairs ?? [];
  } catch (error) {
    // KeyNames answers NotFound for a missing name; the API's answer is "no such key".
    if (error instanceof ApiError && error.kind === "not-found" && lookup) return [];
    throw error;
  }
  const records = infos.map(readKeyPair);
  const exact = records.filter(selector.matches);
  if (exact.length !== records.length) logger.warn("EC2 answered key pairs other than the one asked for; ignored", { ignored: records.length - exact.length });
  return exact;
}

export interface NewKeyPair {
  name: string;
  keyType: "rsa" | "ed25519";
  keyFormat: "pem" | "ppk";
  tags: Record<string, string>;
  dryRun: boolean;
}

export interface PublicKeyImport {
  name: string;
  openssh: string;
  tags: Record<string, string>;
  dryRun: boolean;
}

/**
 * Creates a key pair. When an attempt's outcome is unknown and the next one meets
 * InvalidKeyPair.Duplicate for this request's own key, that key's private key was lost on the
 * way: nobody holds it, so the key is deleted and created again.
 */
export async function createKeyPair(region: string, input: NewKeyPair, recognise: Recognise): Promise<CreatedKeyPairRecord> {
  const output = await mutate({
    region,
    operation: "CreateKeyPair",
    name: input.name,
    dryRun: input.dryRun,
    send: (client, abortSignal) =>
      client.send(
        new CreateKeyPairCommand({ KeyName: input.name, KeyType: input.keyType, KeyFormat: input.keyFormat, TagSpecifications: keyPairTags(input.tags), DryRun: input.dryRun }),
        { abortSignal },
      ),
    ownKey: { recognise, reuse: async (existing) => void (await deleteKeyPair(region, existing, false)) },
  });
  const created = readNewKey("CreateKeyPair", output, input);
  if (!output.KeyMaterial) throw withUnknownOutcome(inconsistent("CreateKeyPair", "holds no private key"), "CreateKeyPair", input.name);
  return { ...created, keyMaterial: output.KeyMaterial };
}

/** Imports a public key. A retry that meets this request's own key answers with that key. */
export async function importKeyPair(region: string, input: PublicKeyImport, recognise: Recognise): Promise<CreatedRecord> {
  const output = await mutate<NewKeyOutput>({
    region,
    operation: "ImportKeyPair",
    name: input.name,
    dryRun: input.dryRun,
    send: (client, abortSignal) =>
      client.send(
        new ImportKeyPairCommand({ KeyName: input.name, PublicKeyMaterial: Buffer.from(input.openssh), TagSpecifications: keyPairTags(input.tags), DryRun: input.dryRun }),
        { abortSignal },
      ),
    ownKey: { recognise, reuse: async (existing) => ({ KeyPairId: existing.keyPairId, KeyName: existing.name, KeyFingerprint: existing.fingerprint, Tags: toTags(existing.tags) }) },
  });
  return readNewKey("ImportKeyPair", output, input);
}

/**
 * Deletes exactly the key pair that was looked up, by its id: by name, a key deleted and made again
 * under the same name meanwhile (by anyone, or by a racing retry) would be the one deleted. Sent
 * once per attempt of mutate(): not again after an unknown outcome.
 */
export async function deleteKeyPair(region: string, keyPair: { name: string; keyPairId: string }, dryRun: boolean): Promise<void> {
  await mutate({
    region,
    operation: "DeleteKeyPair",
    name: keyPair.name,
    dryRun,
    send: (client, abortSignal) => client.send(new DeleteKeyPairCommand({ KeyPairId: keyPair.keyPairId, DryRun: dryRun }), { abortSignal }),
  });
}
