/**
 * What the launch template versions a usage scan read name, kept for this instance's later scans: a
 * version never changes once made (EC2 makes a new version for every change; deleting is the only
 * other thing that happens to it), so what it names is read once, and a warm instance's scan asks
 * only for versions it has not seen (a new default or latest, a newly pinned one). A version
 * deleted since still names its key while a group or fleet points at it: at worst a key is shown
 * in use, never unused. Template ids are never reused. Bounded: past `limit`, the least recently
 * used go first.
 */
import type { LaunchTemplateVersionKey } from "./key-usage-ec2.js";

export class LaunchTemplateVersionMemory {
  private readonly known = new Map<string, LaunchTemplateVersionKey>();
  private readonly limit: number;

  constructor(limit = 20_000) {
    this.limit = limit;
  }

  recall(region: string, launchTemplateId: string, version: number): LaunchTemplateVersionKey | undefined {
    const key = `${region}:${launchTemplateId}:${version}`;
    const found = this.known.get(key);
    if (found) {
      // Most recently used last: the Map's order is the eviction order.
      this.known.delete(key);
      this.known.set(key, found);
    }
    return found;
  }

  remember(region: string, version: LaunchTemplateVersionKey): void {
    const key = `${region}:${version.launchTemplateId}:${version.version}`;
    this.known.delete(key);
    this.known.set(key, version);
    if (this.known.size > this.limit) this.known.delete(this.known.keys().next().value!);
  }
}
