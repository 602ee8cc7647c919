import { NO_PROVIDER } from "../kpis/providerProductivity";

/**
 * Provider names grouped as providerProductivity compares them: trimmed, case-insensitive, a blank
 * name grouped as "(no provider)". A raw spelling is looked up first, so the key is built once per
 * distinct spelling, not once per line.
 */
export class NameGroups {
  private readonly byRaw = new Map<string | null, number>();
  private readonly byKey = new Map<string, number>();
  private count = 0;

  /** The name as shown: trimmed, or "(no provider)" when blank. */
  nameOf(raw: string | null): string {
    return raw === null || raw.trim() === "" ? NO_PROVIDER : raw.trim();
  }

  groupOf(raw: string | null): number {
    let group = this.byRaw.get(raw);
    if (group !== undefined) return group;
    const key = this.nameOf(raw).toLowerCase();
    group = this.byKey.get(key);
    if (group === undefined) {
      group = this.count++;
      this.byKey.set(key, group);
    }
    this.byRaw.set(raw, group);
    return group;
  }

  get size(): number {
    return this.count;
  }
}
