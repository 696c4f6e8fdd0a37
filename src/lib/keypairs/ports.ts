/**
 * What the key-pair rules need from the outside world, in their own terms: a store of key pairs
 * (EC2: aws/ec2.ts) and a vault for escrowed private keys (SSM: aws/ssm.ts). Tests use in-memory
 * implementations (test/support/in-memory-ports.ts). Failures are ServiceErrors; a dry run that
 * would succeed is DryRunSucceeded.
 */
import type { KeyPairEvent } from "../api/events.js";
import type { ProblemKind } from "../api/problems.js";
import type { CreatedKeyPairView, EscrowedKeyPairView, KeyFormatName, KeyPairView, KeyTypeName, USAGE_CHECKS } from "../api/schemas.js";

/** A key pair as the store holds it. */
export interface KeyPairRecord {
  keyPairId: string;
  name: string;
  fingerprint: string;
  keyType: KeyTypeName;
  tags: Record<string, string>;
  createdAt?: Date;
  publicKey?: string;
}

/** A key pair the store just made or imported (it knows no creation time or type yet). */
export type NewKeyPairRecord = Omit<KeyPairRecord, "keyType" | "createdAt" | "publicKey">;

export interface CreatedKeyPairRecord extends NewKeyPairRecord {
  keyMaterial: string;
}

/** What identifies key pairs to look up; all are matched literally. */
export type KeyPairLookup = { name: string } | { keyPairId: string } | { fingerprint: string };

export type KeyPairRef = { name: string } | { keyPairId: string };

export interface NewKeyPair {
  name: string;
  keyType: KeyTypeName;
  keyFormat: KeyFormatName;
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
 * Tells whether a key pair that the store says already exists was made by this very request (by
 * the request token tag it carries). Asked only after an attempt whose outcome is unknown, so a
 * genuine name conflict stays a conflict.
 */
export type Recognise = (existing: KeyPairRecord) => boolean;

export interface KeyPairStore {
  /** The region's key pairs, or exactly those `lookup` names (none: an empty list); within `budgetMs` if given. */
  describe(region: string, lookup: KeyPairLookup | undefined, includePublicKey: boolean, budgetMs?: number): Promise<KeyPairRecord[]>;
  /** Makes a key pair; a retry that meets this request's own key (`recognise`) makes it anew. */
  create(region: string, input: NewKeyPair, recognise: Recognise): Promise<CreatedKeyPairRecord>;
  /** Imports a public key; a retry that meets this request's own key answers with it. */
  import(region: string, input: PublicKeyImport, recognise: Recognise): Promise<NewKeyPairRecord>;
  /**
   * Deletes exactly this key pair, by its id; one that is gone (deleted meanwhile) is a not-found ServiceError.
   * `budgetMs`: the longest it may take (else the store's own budget); one that runs out has an unknown outcome.
   */
  delete(region: string, keyPair: { name: string; keyPairId: string }, dryRun: boolean, budgetMs?: number): Promise<void>;
  /**
   * Sets and removes tags of exactly this key pair, by its id (a removed tag goes whatever its
   * value): the set ones first, then the removed ones. A dry run is DryRunSucceeded.
   */
  retag(region: string, keyPair: { name: string; keyPairId: string }, change: TagChange, dryRun: boolean): Promise<void>;
}

/** Tags to set (key to value) and tag keys to remove, on one key pair. */
export interface TagChange {
  set: Record<string, string>;
  remove: readonly string[];
}

/** An escrowed private key, as the vault lists it: whose it is and when it was stored, never the key. */
export interface EscrowedPrivateKey {
  keyPairId: string;
  storedAt?: Date;
}

export interface PrivateKeyVault {
  /** Stores a key pair's private key (never overwriting); returns where it is kept. */
  put(region: string, keyPairId: string, keyMaterial: string, tags: Record<string, string>): Promise<string>;
  /** Removes a key pair's private key; none there is success. */
  delete(region: string, keyPairId: string): Promise<void>;
  /** The private keys stored with this tag (the service's own), every one. */
  list(region: string, tag: { key: string; value: string }): Promise<EscrowedPrivateKey[]>;
}

/**
 * Where the changes go (EventBridge: aws/eventbridge.ts, behind service/events.ts), after EC2
 * confirmed them. It never throws: a change stands whether or not its event could be published.
 */
export interface EventPublisher {
  publish(event: KeyPairEvent): Promise<void>;
}

/**
 * A request with an Idempotency-Key claims its key in the ledger before it changes anything: one
 * claim per caller, key and region at a time, decided by a strongly consistent conditional write
 * (DynamoDB: aws/idempotency-ledger.ts), never by what EC2's eventually consistent describes show.
 */
export interface IdempotencyLedger {
  /** Claims `id` for this request: undefined when claimed, else the record that holds it. */
  claim(id: string, claim: LedgerClaim): Promise<LedgerRecord | undefined>;
  /** Records the request's outcome, if `token` still holds the claim. */
  complete(id: string, token: string, outcome: RecordedOutcome): Promise<void>;
  /** Gives the claim up (the request changed nothing), if `token` still holds it. */
  release(id: string, token: string): Promise<void>;
}

export interface LedgerClaim {
  /** The request's own random token. */
  token: string;
  /** The request's digest: a repeat must send the same request. */
  digest: string;
  /** Now, ms since the epoch: a record past `expiresAt`, or a running one past `runningUntil` with this digest, is taken over. */
  now: number;
  /** Until when (ms) the request may still be running: the longest a request can run. */
  runningUntil: number;
  /** When (ms) the record may be forgotten: then the key is free for a new request. */
  expiresAt: number;
}

export interface LedgerRecord {
  digest: string;
  /** Set once the request finished; absent while it runs (or if it died). */
  outcome?: RecordedOutcome;
  runningUntil: number;
}

/**
 * What a finished request leaves for its repeats, never a private key: an answer to give again
 * (an import, an escrowed create), or the key pair whose private key only the first answer held.
 */
export type RecordedOutcome = { kind: "answer" | "private-key-delivered"; view: RecordedView };

/** A key pair as an answer showed it, without its private key (the type refuses one). */
export type RecordedView = (KeyPairView | EscrowedKeyPairView | Omit<CreatedKeyPairView, "keyMaterial">) & { keyMaterial?: never };

/** The settings the rules read, as values (the deployment's come from platform/config.ts). */
export interface KeyPairSettings {
  managedTag: { key: string; value: string };
  allowUnmanagedDelete: boolean;
  /** The longest a request can run (the function timeout): a key younger than this may still be in the making. */
  requestMaxSeconds: number;
  allowedRegions: readonly string[];
  /** The time budget of a request's EC2 calls (an all-regions list shares one). */
  timeBudgetMs: number;
  /** How long an Idempotency-Key's record is kept: a repeat within it gets the first outcome. */
  idempotencyRecordSeconds: number;
}

/**
 * What each group of rules needs, no more: a function's composition root passes only the adapter
 * calls its rules make, so its bundle holds no other.
 */
export interface ReadDeps {
  store: Pick<KeyPairStore, "describe">;
  /** What names key pairs (includeUsage, unused). */
  usage: KeyUsageSource;
  settings: KeyPairSettings;
}

export interface DeleteDeps {
  store: Pick<KeyPairStore, "describe" | "delete">;
  vault: Pick<PrivateKeyVault, "delete">;
  events: EventPublisher;
  /** The guard: a key something still names is not deleted (unless forced). */
  usage: KeyUsageSource;
  settings: KeyPairSettings;
  /** Against which a request's deadline is read. */
  clock: Pick<Clock, "now">;
}

/** Changing a key's tags or expiry: look it up, retag it, publish the change. */
export interface RetagDeps {
  store: Pick<KeyPairStore, "describe" | "retag">;
  events: EventPublisher;
  settings: KeyPairSettings;
  /** A ttl counts from now. */
  clock: Pick<Clock, "now">;
}

/** A cleanup: what a delete needs, and the most deletions one request makes (stage parameter cleanupMaxDeletions). */
export interface CleanupDeps extends DeleteDeps {
  maxDeletions: number;
}

/** Time: now (ms since the epoch) and waiting. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Import and idempotency: the whole store, the ledger of Idempotency-Keys, the events, and the clock. */
export interface StoreDeps {
  store: Omit<KeyPairStore, "retag">;
  ledger: IdempotencyLedger;
  events: EventPublisher;
  settings: KeyPairSettings;
  clock: Clock;
}

/** The sweep: every key of a region, deleting expired ones, and the escrowed private keys. */
export interface SweepDeps {
  store: Pick<KeyPairStore, "describe" | "delete">;
  vault: Pick<PrivateKeyVault, "list" | "delete">;
  events: EventPublisher;
  settings: KeyPairSettings;
  clock: Clock;
}

/** Create: the store and the vault (escrow). */
export interface KeyPairDeps extends StoreDeps {
  vault: PrivateKeyVault;
}

/** What a usage check covers, each part on its own (one failing part leaves the others checked): the API's list. */
export type UsageCheck = (typeof USAGE_CHECKS)[number];

/** A part of a usage check that could not be completed, and why (the problem kind it met). */
export interface UsageGap {
  check: UsageCheck;
  reason: string;
  kind: ProblemKind;
  /** Throttled: when to try again (the service's own share says; AWS's throttling, the configured default). */
  retryAfterSeconds?: number;
}

/**
 * Everything in a region that names a key pair, read once for all keys (a list checks every key
 * against one scan). Key names are as the store answered them, compared literally by the rules.
 */
export interface UsageScan {
  /** Instances in every state but terminated. */
  instances: { instanceId: string; state: string; keyName: string }[];
  /** The default and latest versions of every launch template, and every version a group or fleet pins, that name a key. */
  launchTemplateVersions: { launchTemplateId: string; launchTemplateName: string; version: number; keyName: string }[];
  launchConfigurations: { name: string; keyName: string }[];
  /** Every group, with what it launches from (template versions resolved to numbers) and its instances. */
  autoScalingGroups: {
    name: string;
    launchConfigurationName?: string;
    launchTemplateVersions: { launchTemplateId: string; version: number }[];
    instanceIds: string[];
  }[];
  /** Spot Instance requests that will launch again: persistent ones open or active, one-time ones still open. */
  spotInstanceRequests: { spotInstanceRequestId: string; state: string; keyName: string }[];
  /** Spot Fleet requests of type maintain that are not cancelled: the keys of their launch specifications, the template versions they launch from. */
  spotFleetRequests: {
    spotFleetRequestId: string;
    keyNames: string[];
    launchTemplateVersions: { launchTemplateId: string; version: number }[];
  }[];
  /** EC2 Fleets of type maintain that are not deleted: the template versions they launch from. */
  fleets: { fleetId: string; launchTemplateVersions: { launchTemplateId: string; version: number }[] }[];
  incomplete: UsageGap[];
}

export interface KeyUsageSource {
  /**
   * Reads a region's instances, launch templates, launch configurations, groups, Spot requests,
   * Spot Fleets and EC2 Fleets, every call paged to the end, until `signal` aborts.
   */
  scan(region: string, signal: AbortSignal): Promise<UsageScan>;
}
