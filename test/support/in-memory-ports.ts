/**
 * In-memory implementations of the key-pair rules' ports (src/lib/keypairs/ports.ts), for unit
 * tests of the rules: EC2's semantics that the rules rely on (names unique per region, lookups
 * exact, delete by id, DryRunOperation), SSM's (a parameter is never overwritten), and faults
 * injected per call, before or after the call took effect.
 */
import { createHash } from "node:crypto";
import type { KeyPairEvent } from "../../src/lib/api/events.js";
import type { CreateKeyPairInput, KeyUsageView } from "../../src/lib/api/schemas.js";
import { DryRunSucceeded, ServiceError } from "../../src/lib/keypairs/errors.js";
import type {
  Clock,
  EventPublisher,
  IdempotencyLedger,
  KeyPairDeps,
  KeyPairLookup,
  KeyPairRecord,
  KeyPairSettings,
  KeyPairStore,
  KeyUsageSource,
  LedgerClaim,
  LedgerRecord,
  NewKeyPairRecord,
  PrivateKeyVault,
  RecordedOutcome,
  TagChange,
  UsageScan,
} from "../../src/lib/keypairs/ports.js";
import { applied } from "../../src/lib/keypairs/retag.js";

type StoreCall = keyof KeyPairStore;
interface Fault {
  error: Error;
  /** The call took effect, then its answer was lost. */
  afterEffect: boolean;
}

/**
 * Real time, except that sleeping only moves this clock on (tests never wait), and a test can run
 * something at the moment a rule starts to wait (`whileSleeping`). Made `at` an instant, it stands
 * still but for sleeping: for rules that measure time left, where real milliseconds would vary.
 */
export class TestClock implements Clock {
  private offsetMs = 0;
  readonly sleeps: number[] = [];
  whileSleeping?: () => Promise<void>;

  constructor(private readonly at?: number) {}

  now(): number {
    return (this.at ?? Date.now()) + this.offsetMs;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    const during = this.whileSleeping;
    this.whileSleeping = undefined;
    await during?.();
    this.offsetMs += ms;
  }
}

export class InMemoryKeyPairStore implements KeyPairStore {
  readonly regions = new Map<string, Map<string, KeyPairRecord>>();
  readonly calls: { call: StoreCall; region: string; detail: string }[] = [];
  private readonly faults: Partial<Record<StoreCall, Fault[]>> = {};
  private sequence = 0;
  /** When the next key is made (EC2's CreateTime, whole seconds): the clock's now, unless a test sets another time. */
  now?: Date;
  /** The ids the next keys get (EC2's are random), else a sequence. */
  readonly nextKeyPairIds: string[] = [];

  constructor(private readonly clock: Clock = new TestClock()) {}

  /** The next `call` fails with `error`, having taken effect first when `afterEffect`. */
  failNext(call: StoreCall, error: Error, afterEffect = false): void {
    (this.faults[call] ??= []).push({ error, afterEffect });
  }

  keys(region: string): KeyPairRecord[] {
    return [...(this.regions.get(region)?.values() ?? [])];
  }

  /** Puts a key pair in the store directly, as someone outside the service would. */
  seed(region: string, record: Partial<KeyPairRecord> & { name: string }): KeyPairRecord {
    return this.add(region, { keyType: "rsa", tags: {}, ...record });
  }

  async describe(
    region: string,
    lookup: KeyPairLookup | undefined,
    includePublicKey: boolean,
    _budgetMs?: number,
  ): Promise<KeyPairRecord[]> {
    return this.run("describe", region, JSON.stringify(lookup ?? {}), () =>
      this.keys(region)
        .filter((record) => matches(record, lookup))
        .map((record) => (includePublicKey ? { ...record } : withoutPublicKey(record))),
    );
  }

  async create(region: string, input: Parameters<KeyPairStore["create"]>[1]): Promise<NewKeyPairRecord & { keyMaterial: string }> {
    return this.run("create", region, input.name, () => {
      this.refuseDuplicate(region, input.name, input.dryRun, "CreateKeyPair");
      const record = this.add(region, { name: input.name, keyType: input.keyType, tags: input.tags });
      return { ...newRecord(record), keyMaterial: `PRIVATE KEY OF ${record.keyPairId}` };
    });
  }

  async import(region: string, input: Parameters<KeyPairStore["import"]>[1]): Promise<NewKeyPairRecord> {
    return this.run("import", region, input.name, () => {
      this.refuseDuplicate(region, input.name, input.dryRun, "ImportKeyPair");
      const keyType = input.openssh.startsWith("ssh-ed25519") ? "ed25519" : "rsa";
      return newRecord(this.add(region, { name: input.name, keyType, tags: input.tags, publicKey: input.openssh }));
    });
  }

  async delete(region: string, keyPair: { name: string; keyPairId: string }, dryRun: boolean, _budgetMs?: number): Promise<void> {
    return this.run("delete", region, keyPair.keyPairId, () => {
      const keys = this.regions.get(region);
      const record = [...(keys?.values() ?? [])].find((candidate) => candidate.keyPairId === keyPair.keyPairId);
      if (!record) throw new ServiceError("not-found", "No such key pair in this region.", { ec2Code: "InvalidKeyPair.NotFound" });
      if (dryRun) throw new DryRunSucceeded("DeleteKeyPair");
      keys!.delete(record.name);
    });
  }

  async retag(region: string, keyPair: { name: string; keyPairId: string }, change: TagChange, dryRun: boolean): Promise<void> {
    return this.run("retag", region, keyPair.keyPairId, () => {
      const record = this.keys(region).find((candidate) => candidate.keyPairId === keyPair.keyPairId);
      if (!record) throw new ServiceError("not-found", "No such key pair in this region.", { ec2Code: "InvalidKeyPair.NotFound" });
      if (dryRun) throw new DryRunSucceeded(Object.keys(change.set).length > 0 ? "CreateTags" : "DeleteTags");
      record.tags = applied(record.tags, change);
    });
  }

  private refuseDuplicate(region: string, name: string, dryRun: boolean, operation: string): void {
    if (this.regions.get(region)?.has(name)) {
      throw new ServiceError("conflict", "A key pair with this name already exists in this region.", {
        ec2Code: "InvalidKeyPair.Duplicate",
      });
    }
    if (dryRun) throw new DryRunSucceeded(operation);
  }

  private add(
    region: string,
    record: Omit<KeyPairRecord, "keyPairId" | "fingerprint" | "createdAt"> & Partial<KeyPairRecord>,
  ): KeyPairRecord {
    this.sequence += 1;
    const keyPairId = record.keyPairId ?? this.nextKeyPairIds.shift() ?? `key-${this.sequence.toString(16).padStart(17, "0")}`;
    const full: KeyPairRecord = {
      fingerprint: createHash("sha256").update(keyPairId).digest("base64"),
      createdAt: new Date(Math.floor((this.now?.getTime() ?? this.clock.now()) / 1000) * 1000),
      ...record,
      keyPairId,
    };
    if (!this.regions.has(region)) this.regions.set(region, new Map());
    this.regions.get(region)!.set(full.name, full);
    return full;
  }

  private run<T>(call: StoreCall, region: string, detail: string, effect: () => T): T {
    this.calls.push({ call, region, detail });
    const fault = this.faults[call]?.shift();
    if (fault && !fault.afterEffect) throw fault.error;
    const result = effect();
    if (fault) throw fault.error;
    return result;
  }
}

function matches(record: KeyPairRecord, lookup: KeyPairLookup | undefined): boolean {
  if (lookup === undefined) return true;
  if ("name" in lookup) return record.name === lookup.name;
  if ("fingerprint" in lookup) return record.fingerprint === lookup.fingerprint;
  return record.keyPairId === lookup.keyPairId;
}

const withoutPublicKey = ({ publicKey: _publicKey, ...record }: KeyPairRecord): KeyPairRecord => record;
const newRecord = ({ keyPairId, name, fingerprint, tags }: KeyPairRecord): NewKeyPairRecord => ({ keyPairId, name, fingerprint, tags });

export class InMemoryPrivateKeyVault implements PrivateKeyVault {
  readonly parameters = new Map<string, { keyMaterial: string; tags: Record<string, string>; storedAt: Date }>();
  private readonly faults: Partial<Record<"put" | "delete" | "list", Fault[]>> = {};

  constructor(private readonly clock: Clock = new TestClock()) {}

  /** The next `call` fails with `error`, having taken effect first when `afterEffect` (a put whose answer was lost). */
  failNext(call: "put" | "delete" | "list", error: Error, afterEffect = false): void {
    (this.faults[call] ??= []).push({ error, afterEffect });
  }

  async put(region: string, keyPairId: string, keyMaterial: string, tags: Record<string, string>): Promise<string> {
    return this.run("put", () => {
      const name = `${region}:/ec2/keypair/${keyPairId}`;
      if (this.parameters.has(name))
        throw new ServiceError("upstream-error", "SSM Parameter Store request failed. (ParameterAlreadyExists)");
      this.parameters.set(name, { keyMaterial, tags, storedAt: new Date(this.clock.now()) });
      return name;
    });
  }

  async delete(region: string, keyPairId: string): Promise<void> {
    return this.run("delete", () => void this.parameters.delete(`${region}:/ec2/keypair/${keyPairId}`));
  }

  async list(region: string, tag: { key: string; value: string }) {
    return this.run("list", () =>
      [...this.parameters]
        .filter(([name, parameter]) => name.startsWith(`${region}:`) && parameter.tags[tag.key] === tag.value)
        .map(([name, parameter]) => ({ keyPairId: name.slice(name.lastIndexOf("/") + 1), storedAt: parameter.storedAt })),
    );
  }

  private run<T>(call: "put" | "delete" | "list", effect: () => T): T {
    const fault = this.faults[call]?.shift();
    if (fault && !fault.afterEffect) throw fault.error;
    const result = effect();
    if (fault) throw fault.error;
    return result;
  }
}

/** The events published, in order. */
export class RecordingEventPublisher implements EventPublisher {
  readonly published: KeyPairEvent[] = [];

  async publish(event: KeyPairEvent): Promise<void> {
    this.published.push(event);
  }
}

/** A scan with nothing in it. */
export const emptyScan = (): UsageScan => ({
  instances: [],
  launchTemplateVersions: [],
  launchConfigurations: [],
  spotInstanceRequests: [],
  spotFleetRequests: [],
  fleets: [],
  autoScalingGroups: [],
  incomplete: [],
});

/** The usage of a key nothing names, complete (with `names`: what a test says names it). */
export const noUsage = (names: Partial<KeyUsageView> = {}): KeyUsageView => ({
  instances: [],
  launchTemplates: [],
  launchConfigurations: [],
  autoScalingGroups: [],
  spotInstanceRequests: [],
  spotFleetRequests: [],
  fleets: [],
  complete: true,
  incomplete: [],
  ...names,
});

/** What names keys, per region, as a test sets it; counts the scans (one per region and request). */
export class InMemoryKeyUsage implements KeyUsageSource {
  readonly scans: Record<string, UsageScan> = {};
  readonly calls: string[] = [];

  set(region: string, scan: Partial<UsageScan>): void {
    this.scans[region] = { ...emptyScan(), ...scan };
  }

  async scan(region: string, signal: AbortSignal): Promise<UsageScan> {
    this.calls.push(region);
    if (signal.aborted) throw signal.reason;
    return this.scans[region] ?? emptyScan();
  }
}

/**
 * The ledger as DynamoDB keeps it (aws/idempotency-ledger.ts): a claim is a conditional put, taking
 * over only an expired record or a running one that ran out with the same digest; complete and
 * release only by the claim's token. `failNext` fails the next call of that name, before it acts.
 */
export class InMemoryIdempotencyLedger implements IdempotencyLedger {
  readonly records = new Map<string, LedgerRecord & { token: string; expiresAt: number }>();
  readonly calls: string[] = [];
  private readonly failures = new Set<keyof IdempotencyLedger>();

  failNext(call: keyof IdempotencyLedger): void {
    this.failures.add(call);
  }

  private enter(call: keyof IdempotencyLedger): void {
    this.calls.push(call);
    if (this.failures.delete(call)) throw new ServiceError("upstream-error", `DynamoDB ${call} failed (injected)`);
  }

  async claim(id: string, claim: LedgerClaim): Promise<LedgerRecord | undefined> {
    this.enter("claim");
    const held = this.records.get(id);
    const free = !held || held.expiresAt < claim.now || (!held.outcome && held.runningUntil < claim.now && held.digest === claim.digest);
    if (!free) return structuredClone({ digest: held.digest, runningUntil: held.runningUntil, outcome: held.outcome });
    this.records.set(id, { token: claim.token, digest: claim.digest, runningUntil: claim.runningUntil, expiresAt: claim.expiresAt });
    return undefined;
  }

  async complete(id: string, token: string, outcome: RecordedOutcome): Promise<void> {
    this.enter("complete");
    const held = this.records.get(id);
    if (held?.token === token) held.outcome = structuredClone(outcome);
  }

  async release(id: string, token: string): Promise<void> {
    this.enter("release");
    if (this.records.get(id)?.token === token) this.records.delete(id);
  }
}

export const SETTINGS: KeyPairSettings = {
  managedTag: { key: "managed-by", value: "ec2-keypairs-api" },
  allowUnmanagedDelete: false,
  requestMaxSeconds: 15,
  allowedRegions: ["eu-west-1", "us-east-1"],
  timeBudgetMs: 2000,
  idempotencyRecordSeconds: 86_400,
};

/** Fresh ports and settings (overridable) for one test. */
export function inMemoryDeps(settings: Partial<KeyPairSettings> = {}): KeyPairDeps & {
  store: InMemoryKeyPairStore;
  vault: InMemoryPrivateKeyVault;
  events: RecordingEventPublisher;
  clock: TestClock;
  usage: InMemoryKeyUsage;
  ledger: InMemoryIdempotencyLedger;
} {
  const clock = new TestClock();
  return {
    store: new InMemoryKeyPairStore(clock),
    vault: new InMemoryPrivateKeyVault(clock),
    events: new RecordingEventPublisher(),
    usage: new InMemoryKeyUsage(),
    ledger: new InMemoryIdempotencyLedger(),
    settings: { ...SETTINGS, ...settings },
    clock,
  };
}

/** A create's input as the handler gives it to the rule (defaults filled in), with the test's changes. */
export const createInput = (overrides: Partial<CreateKeyPairInput> = {}): CreateKeyPairInput => ({
  name: "deploy-bot",
  keyType: "ed25519",
  keyFormat: "pem",
  escrow: false,
  tags: { team: "ci" },
  ...overrides,
});
