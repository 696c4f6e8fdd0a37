/** The EC2 adapter's priming at INIT: one real call that matches no key, then rehearsals answered in process. */
import {
  CreateKeyPairCommand,
  DeleteKeyPairCommand,
  DescribeKeyPairsCommand,
  type EC2Client,
  ImportKeyPairCommand,
} from "@aws-sdk/client-ec2";
import { config } from "../platform/config.js";
import { logger } from "../platform/logger.js";
import { type ClientKind, discardClients, ec2Client } from "./ec2-clients.js";
import { answeredInProcess } from "./in-process.js";
import { markShare } from "./own-share.js";

/** A key pair id no key has (ids are key- and 17 hex digits): priming's describe matches nothing. */
const NO_SUCH_KEY_PAIR_ID = "key-00000000000000000";
/**
 * The longest INIT waits for priming's EC2 call; then it goes on without it. Priming pays only when
 * EC2 answers at once: waiting on a slow or busy EC2 would make the cold start slower than no
 * priming at all, and every environment starting at once (a burst) would wait together.
 */
export const PRIMING_BUDGET_MS = 50;

class PrimingBudgetSpent extends Error {
  override name = "PrimingBudgetSpent";
}
type StartBudget = (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>;

/**
 * Priming, at INIT (deployed functions: PRIME_EC2_ON_INIT): one DescribeKeyPairs of the default
 * region that matches no key, sent by the client of the function's first call. On Lambda INIT runs
 * at full CPU while an invocation gets CPU in proportion to memory (512 MB: ~0.3 vCPU), so the first
 * caller no longer waits for what a first call costs: credentials, endpoint rules, signing, the
 * connection, the XML parser. Never a mutation, at most this one call per cold start, waited for at
 * most PRIMING_BUDGET_MS; a failure only costs the priming (the request meets the same fault and
 * answers it). Then the function's own calls are rehearsed (see rehearse()): they never leave the
 * process.
 */
export async function primeEc2Client(kind: ClientKind, rehearsals: Rehearsal[] = [], enabled = config.PRIME_EC2_ON_INIT): Promise<void> {
  if (!enabled) return;
  const region = config.DEFAULT_REGION;
  const budget = new AbortController();
  const spent = new Promise<never>((_, reject) => budget.signal.addEventListener("abort", () => reject(budget.signal.reason)));
  let timer: NodeJS.Timeout | undefined;
  try {
    const command = new DescribeKeyPairsCommand({ Filters: [{ Name: "key-pair-id", Values: [NO_SUCH_KEY_PAIR_ID] }] });
    // The budget starts when the request leaves (the stack's last middleware): the first call's CPU
    // before it (providers, endpoint rules, signing) is what priming is for, not a wait on EC2.
    const startBudget: StartBudget = (next) => (args) => {
      timer ??= setTimeout(() => budget.abort(new PrimingBudgetSpent()), PRIMING_BUDGET_MS);
      return next(args);
    };
    command.middlewareStack.add(startBudget as never, { step: "deserialize", priority: "low", name: "primingBudget" });
    // A real call, counted against the rate share with the next one: INIT loads no ledger client.
    markShare(command, "owe");
    // Aborted, the request ends with its socket; settled after the race when the budget ran out first.
    const sent = ec2Client(region, kind).send(command, { abortSignal: budget.signal });
    sent.catch(() => undefined);
    await Promise.race([sent, spent]);
  } catch (error) {
    if (budget.signal.aborted) {
      // EC2 was slow, not the client: it keeps its providers and pool for the first request.
      logger.info("priming skipped: EC2 did not answer within the priming budget", { region, budgetMs: PRIMING_BUDGET_MS });
    } else {
      discardClients(region);
      logger.warn("priming the EC2 client failed", { region, error: (error as Error).name });
    }
  } finally {
    clearTimeout(timer);
  }
  await rehearse(region, rehearsals);
}

const REHEARSED_KEY = `<keyName>rehearsal</keyName><keyPairId>${NO_SUCH_KEY_PAIR_ID}</keyPairId><keyFingerprint>rehearsal</keyFingerprint>`;
const REHEARSED_TAGS = [{ ResourceType: "key-pair" as const, Tags: [{ Key: "rehearsal", Value: "true" }] }];
const REHEARSED_TAG_SET = "<tagSet><item><key>rehearsal</key><value>true</value></item></tagSet>";

/**
 * A call a function can rehearse at INIT: the client that makes it for real, and its command
 * (mutations as dry runs: even if one were sent, it would change nothing), answered in process as
 * EC2 answers the real call: a key with tags and a creation time, and for a create a placeholder
 * "private key". One constant each, so a function's bundle holds only the commands it rehearses.
 */
export interface Rehearsal {
  kind: ClientKind;
  send: (client: EC2Client) => Promise<unknown>;
}

export const DESCRIBE_KEY_PAIRS: Rehearsal = {
  kind: "read",
  send: (client) =>
    client.send(
      answeredInProcess(
        new DescribeKeyPairsCommand({ KeyPairIds: [NO_SUCH_KEY_PAIR_ID], IncludePublicKey: true }),
        `<DescribeKeyPairsResponse><keySet><item>${REHEARSED_KEY}<keyType>ed25519</keyType><createTime>2026-01-01T00:00:00.000Z</createTime><publicKey>rehearsal</publicKey>${REHEARSED_TAG_SET}</item></keySet></DescribeKeyPairsResponse>`,
      ),
    ),
};

export const CREATE_KEY_PAIR: Rehearsal = {
  kind: "mutate",
  send: (client) =>
    client.send(
      answeredInProcess(
        new CreateKeyPairCommand({
          KeyName: "rehearsal",
          KeyType: "ed25519",
          KeyFormat: "pem",
          TagSpecifications: REHEARSED_TAGS,
          DryRun: true,
        }),
        `<CreateKeyPairResponse>${REHEARSED_KEY}<keyMaterial>rehearsal</keyMaterial>${REHEARSED_TAG_SET}</CreateKeyPairResponse>`,
      ),
    ),
};

export const IMPORT_KEY_PAIR: Rehearsal = {
  kind: "mutate",
  send: (client) =>
    client.send(
      answeredInProcess(
        new ImportKeyPairCommand({
          KeyName: "rehearsal",
          PublicKeyMaterial: Buffer.from("rehearsal"),
          TagSpecifications: REHEARSED_TAGS,
          DryRun: true,
        }),
        `<ImportKeyPairResponse>${REHEARSED_KEY}${REHEARSED_TAG_SET}</ImportKeyPairResponse>`,
      ),
    ),
};

export const DELETE_KEY_PAIR: Rehearsal = {
  kind: "mutate",
  send: (client) =>
    client.send(
      answeredInProcess(
        new DeleteKeyPairCommand({ KeyPairId: NO_SUCH_KEY_PAIR_ID, DryRun: true }),
        `<DeleteKeyPairResponse><return>true</return><keyPairId>${NO_SUCH_KEY_PAIR_ID}</keyPairId></DeleteKeyPairResponse>`,
      ),
    ),
};

/**
 * Rehearses calls with the region's clients that make them for real, each answered in process:
 * the clients' providers, the commands' serializers, signing and the parsing of full answers have
 * all run before the first caller needs them, and nothing reaches EC2. A failure only costs the
 * rehearsal (and, as after any failure that is not EC2's answer, the region's clients).
 */
async function rehearse(region: string, rehearsals: Rehearsal[]): Promise<void> {
  try {
    for (const rehearsal of rehearsals) await rehearsal.send(ec2Client(region, rehearsal.kind));
  } catch (error) {
    discardClients(region);
    logger.warn("rehearsing EC2 calls failed", { region, error: (error as Error).name });
  }
}
