/**
 * Eventual consistency of key pairs. After a change (create, import, delete, tags), describes show
 * the key pair as it was before the change until a window drawn for that change has passed; the
 * change itself happened at once (the emulator holds the truth, and mutations read it).
 * Per account and region ("scope"), a key pair changed again within its window keeps the view from
 * before the first change, and its window ends at the later of the two ends.
 */
import type { Clock } from "./token-bucket.ts";

export interface KeyPairView {
  keyPairId: string;
  keyName: string;
  keyFingerprint: string;
  keyType?: string;
  createTime?: string;
  publicKey?: string;
  tags: { key: string; value: string }[];
}

interface Pending {
  /** What describes show until `until`: undefined, the key pair did not exist. */
  before: KeyPairView | undefined;
  until: number;
}

export class KeyPairViews {
  private readonly scopes = new Map<string, Map<string, Pending>>();
  private readonly clock: Clock;
  /** The window of one change, in milliseconds (drawn from the seeded generator). */
  private readonly drawWindowMs: () => number;

  // Fields assigned by hand: Node runs these scripts by stripping types, which parameter properties are not.
  constructor(clock: Clock, drawWindowMs: () => number) {
    this.clock = clock;
    this.drawWindowMs = drawWindowMs;
  }

  /** Records a change of `keyPairId` that succeeded now; `before` is how describes showed it. */
  changed(scope: string, keyPairId: string, before: KeyPairView | undefined): void {
    const pending = this.pending(scope);
    const until = this.clock() + this.drawWindowMs();
    const earlier = pending.get(keyPairId);
    pending.set(keyPairId, earlier ? { before: earlier.before, until: Math.max(earlier.until, until) } : { before, until });
  }

  /** Whether any change in `scope` is still inside its window (otherwise describes are the truth). */
  hasPending(scope: string): boolean {
    return this.pending(scope).size > 0;
  }

  /** The key pairs describes show now, given the truth (every key pair of the scope, in its order). */
  visible(scope: string, truth: KeyPairView[]): KeyPairView[] {
    const pending = this.pending(scope);
    const shown = truth.flatMap((view) => {
      const entry = pending.get(view.keyPairId);
      if (!entry) return [view];
      return entry.before ? [entry.before] : [];
    });
    const present = new Set(truth.map((view) => view.keyPairId));
    // Deleted within the window: still shown.
    for (const [keyPairId, entry] of pending) if (!present.has(keyPairId) && entry.before) shown.push(entry.before);
    return shown;
  }

  private pending(scope: string): Map<string, Pending> {
    let pending = this.scopes.get(scope);
    if (!pending) {
      pending = new Map();
      this.scopes.set(scope, pending);
    }
    const now = this.clock();
    for (const [keyPairId, entry] of pending) if (entry.until <= now) pending.delete(keyPairId);
    return pending;
  }
}
