/**
 * The EC2 adapter, the key pair store: the only module that sends EC2 calls. It decides the retry
 * policy of each call and checks that every EC2 answer is readable and about exactly the key pair
 * asked for. Its clients are in ec2-clients.ts, its one error table in ec2-errors.ts.
 */

import { setTimeout as delay } from "node:timers/promises";
import {
  CreateKeyPairCommand,
  DeleteKeyPairCommand,
  DescribeKeyPairsCommand,
  type EC2Client,
  ImportKeyPairCommand,
  type KeyPairInfo,
  type Tag,
} from "@aws-sdk/client-ec2";
import { ServiceError } from "../keypairs/errors.js";
import type {
  CreatedKeyPairRecord,
  KeyPairLookup,
  KeyPairRecord,
  KeyPairStore,
  NewKeyPair,
  NewKeyPairRecord,
  PublicKeyImport,
  Recognise,
} from "../keypairs/ports.js";
import { removeKeyPair } from "../keypairs/remove.js";
import { config } from "../platform/config.js";
import { logger } from "../platform/logger.js";
import { type ClientKind, discardClients, ec2Client } from "./ec2-clients.js";
import { isEc2Answer, mayHaveActed, type Operation, type SdkError, translateEc2Error, type UsageOperation } from "./ec2-errors.js";
import { isOwnShareSpent } from "./own-share.js";

/** Sends one call with the region's client of `kind`; errors through the one table (a client is discarded after any failure that is not an EC2 answer). */
export async function send<T>(
  region: string,
  kind: ClientKind,
  operation: Operation,
  dryRun: boolean,
  signal: AbortSignal,
  run: (client: EC2Client) => Promise<T>,
): Promise<T> {
  try {
    return await run(ec2Client(region, kind));
  } catch (error) {
    if (!(error instanceof ServiceError || isEc2Answer((error ?? {}) as SdkError))) discardClients(region);
    throw translateEc2Error(signal.aborted ? (signal.reason ?? error) : error, operation, dryRun);
  }
}

/** A call's time budget: the caller's if it gave one, never more than EC2_TOTAL_TIMEOUT_MS. */
const within = (budgetMs: number | undefined): number =>
  Math.max(0, Math.min(config.EC2_TOTAL_TIMEOUT_MS, budgetMs ?? Number.POSITIVE_INFINITY));

interface Mutation<T> {
  region: string;
  operation: Mutating;
  name: string;
  dryRun: boolean;
  send: (client: EC2Client, abortSignal: AbortSignal) => Promise<T>;
  /** The caller's budget for all attempts, if shorter than EC2_TOTAL_TIMEOUT_MS. */
  budgetMs?: number;
  /** What to do when a retry meets a key of our own: its result, or undefined to try again. */
  ownKey?: { recognise: Recognise; reuse: (existing: KeyPairRecord) => Promise<T | undefined> };
}

/**
 * Runs a mutation, deciding retries per error class: a throttled call was not carried out, so it
 * is sent again (jittered backoff); one whose outcome is unknown (timeout, unreadable answer) is
 * sent again only by create and import, which recognise their own key if EC2 had carried it out;
 * everything else is final. All attempts share one time budget.
 */
export async function mutate<T>(mutation: Mutation<T>): Promise<T> {
  const { region, operation, dryRun, ownKey } = mutation;
  const signal = AbortSignal.timeout(within(mutation.budgetMs));
  let outcomeUnknown = false;
  for (let attempt = 1; ; attempt += 1) {
    let error: unknown;
    try {
      return await send(region, "mutate", operation, dryRun, signal, (client) => mutation.send(client, signal));
    } catch (thrown) {
      error = thrown;
    }
    if (!(error instanceof ServiceError)) throw error;
    outcomeUnknown ||= mayHaveActed(error);
    // The service's own share refused the call: it was not sent, and waiting for the share is the caller's (Retry-After).
    if (isOwnShareSpent(error)) throw error;
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
        throw new ServiceError(
          "upstream-timeout",
          `EC2 did not answer in time, and the key pair ${mutation.name} it made meanwhile was removed again (its answer was lost). ` +
            `Nothing was kept: send the request again.`,
        );
      }
    }
    // A name held by a key that is not ours means ours was never made: names are unique.
    throw outcomeUnknown && error.kind !== "conflict" ? withUnknownOutcome(error, operation, mutation.name) : error;
  }
}

type Mutating = Exclude<Operation, "DescribeKeyPairs" | UsageOperation>;

const OUTCOME: Record<Mutating, string> = {
  CreateKeyPair: "may have been created",
  ImportKeyPair: "may have been imported",
  DeleteKeyPair: "may have been deleted",
  CreateTags: "may have been tagged",
  DeleteTags: "may have had tags removed",
};

/** The same problem, saying that EC2 may have carried the call out: the caller can look the key up. */
function withUnknownOutcome(error: ServiceError, operation: Mutating, name: string): ServiceError {
  return new ServiceError(error.kind, `${error.message} The key pair ${name} ${OUTCOME[operation]}: look it up by name to know.`, {
    ec2Code: error.ec2Code,
    retryAfterSeconds: error.retryAfterSeconds,
    outcomeUnknown: true,
  });
}

export const toTags = (tags: Record<string, string>): Tag[] => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
const tagMap = (tags: Tag[] | undefined): Record<string, string> =>
  Object.fromEntries((tags ?? []).map((tag) => [tag.Key ?? "", tag.Value ?? ""]));
const keyPairTags = (tags: Record<string, string>) =>
  Object.keys(tags).length ? [{ ResourceType: "key-pair" as const, Tags: toTags(tags) }] : undefined;

/** An EC2 answer that lacks what every key pair has, or names another key than the one asked for. */
export function inconsistent(operation: Operation, what: string): ServiceError {
  return new ServiceError("upstream-error", `EC2's answer to ${operation} ${what}.`);
}

function readKeyPair(info: KeyPairInfo): KeyPairRecord {
  if (!info.KeyPairId || !info.KeyName || !info.KeyFingerprint)
    throw inconsistent("DescribeKeyPairs", "lists a key pair without an id, name or fingerprint");
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

/** The record of a key EC2 says it just made; tags fall back to those sent when EC2 echoes none. */
function readNewKey(operation: Mutating, output: NewKeyOutput, sent: { name: string; tags: Record<string, string> }): NewKeyPairRecord {
  if (!output.KeyPairId || !output.KeyFingerprint || output.KeyName !== sent.name) {
    const what = output.KeyName && output.KeyName !== sent.name ? "names another key pair" : "lacks the key pair's id, name or fingerprint";
    throw withUnknownOutcome(inconsistent(operation, what), operation, sent.name);
  }
  return {
    keyPairId: output.KeyPairId,
    name: sent.name,
    fingerprint: output.KeyFingerprint,
    tags: output.Tags?.length ? tagMap(output.Tags) : sent.tags,
  };
}

/** The DescribeKeyPairs parameters for a lookup, and the check every answered key must pass. */
function selectorFor(lookup: KeyPairLookup | undefined) {
  if (lookup === undefined) return { input: {}, matches: () => true };
  if ("name" in lookup) return { input: { KeyNames: [lookup.name] }, matches: (record: KeyPairRecord) => record.name === lookup.name };
  if ("fingerprint" in lookup)
    return {
      input: { Filters: [{ Name: "fingerprint", Values: [lookup.fingerprint] }] },
      matches: (record: KeyPairRecord) => record.fingerprint === lookup.fingerprint,
    };
  return {
    input: { Filters: [{ Name: "key-pair-id", Values: [lookup.keyPairId] }] },
    matches: (record: KeyPairRecord) => record.keyPairId === lookup.keyPairId,
  };
}

/**
 * The key pairs of a region, or those `lookup` names. Names go in KeyNames (literal, unlike the
 * key-name filter, where * and ? are wildcards); ids in the key-pair-id filter (moto ignores
 * KeyPairIds; ids are validated hex, so no wildcard can be in one); fingerprints in the fingerprint
 * filter (validated hex or base64: no `*`, `?` or backslash), so a leaked-key search across an estate
 * carries one key per scope, not the whole scope. Whatever EC2 answers is then
 * checked: a key that is not exactly the one asked for is never handed on.
 */
export async function describeKeyPairs(
  region: string,
  lookup: KeyPairLookup | undefined,
  includePublicKey: boolean,
  budgetMs?: number,
): Promise<KeyPairRecord[]> {
  const signal = AbortSignal.timeout(within(budgetMs));
  const selector = selectorFor(lookup);
  let infos: KeyPairInfo[];
  try {
    const output = await send(region, "read", "DescribeKeyPairs", false, signal, (client) =>
      client.send(new DescribeKeyPairsCommand({ ...selector.input, IncludePublicKey: includePublicKey }), { abortSignal: signal }),
    );
    infos = output.KeyPairs ?? [];
  } catch (error) {
    // KeyNames answers NotFound for a missing name; the API's answer is "no such key".
    if (error instanceof ServiceError && error.kind === "not-found" && lookup) return [];
    throw error;
  }
  const records = infos.map(readKeyPair);
  const exact = records.filter(selector.matches);
  if (exact.length !== records.length)
    logger.warn("EC2 answered key pairs other than the one asked for; ignored", { ignored: records.length - exact.length });
  return exact;
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
        new CreateKeyPairCommand({
          KeyName: input.name,
          KeyType: input.keyType,
          KeyFormat: input.keyFormat,
          TagSpecifications: keyPairTags(input.tags),
          DryRun: input.dryRun,
        }),
        { abortSignal },
      ),
    ownKey: { recognise, reuse: async (existing) => void (await removeKeyPair({ delete: deleteKeyPair }, region, existing)) },
  });
  const created = readNewKey("CreateKeyPair", output, input);
  if (!output.KeyMaterial) throw withUnknownOutcome(inconsistent("CreateKeyPair", "holds no private key"), "CreateKeyPair", input.name);
  return { ...created, keyMaterial: output.KeyMaterial };
}

/** Imports a public key. A retry that meets this request's own key answers with that key. */
export async function importKeyPair(region: string, input: PublicKeyImport, recognise: Recognise): Promise<NewKeyPairRecord> {
  const output = await mutate<NewKeyOutput>({
    region,
    operation: "ImportKeyPair",
    name: input.name,
    dryRun: input.dryRun,
    send: (client, abortSignal) =>
      client.send(
        new ImportKeyPairCommand({
          KeyName: input.name,
          PublicKeyMaterial: Buffer.from(input.openssh),
          TagSpecifications: keyPairTags(input.tags),
          DryRun: input.dryRun,
        }),
        { abortSignal },
      ),
    ownKey: {
      recognise,
      reuse: async (existing) => ({
        KeyPairId: existing.keyPairId,
        KeyName: existing.name,
        KeyFingerprint: existing.fingerprint,
        Tags: toTags(existing.tags),
      }),
    },
  });
  return readNewKey("ImportKeyPair", output, input);
}

/**
 * Deletes exactly the key pair that was looked up, by its id: by name, a key deleted and made again
 * under the same name meanwhile (by anyone, or by a racing retry) would be the one deleted. Sent
 * once per attempt of mutate(): not again after an unknown outcome.
 */
export async function deleteKeyPair(
  region: string,
  keyPair: { name: string; keyPairId: string },
  dryRun: boolean,
  budgetMs?: number,
): Promise<void> {
  await mutate({
    region,
    operation: "DeleteKeyPair",
    name: keyPair.name,
    dryRun,
    budgetMs,
    send: (client, abortSignal) => client.send(new DeleteKeyPairCommand({ KeyPairId: keyPair.keyPairId, DryRun: dryRun }), { abortSignal }),
  });
}

/** The whole store; a function that makes only some of the calls takes those alone (src/lib/service/). */
// Without retag: the tags and expiry changes have their own adapter (ec2-tags.ts), outside the delete function's INIT.
export const ec2KeyPairStore: Omit<KeyPairStore, "retag"> = {
  describe: describeKeyPairs,
  create: createKeyPair,
  import: importKeyPair,
  delete: deleteKeyPair,
};
