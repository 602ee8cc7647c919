import { payerKey } from "./payerKey";

/**
 * Groups payer names as the definitions compare them (trimmed, case-insensitive: payerKey), each
 * group shown as first written. A raw spelling is looked up first, so the key is built once per
 * distinct spelling, not once per line: this sits in the hot loops of aging, payer mix and days to pay.
 */
export class PayerGroups {
  /** Display name of each group, as first written (trimmed). */
  readonly names: string[] = [];
  /** payerKey of each group, for sorting ties by name. */
  readonly keys: string[] = [];
  private readonly byName = new Map<string, number>();
  private readonly byKey = new Map<string, number>();

  /** The group index of a payer name; a new group gets the next index (the old `size`). */
  groupOf(payer: string): number {
    let group = this.byName.get(payer);
    if (group !== undefined) return group;
    const key = payerKey(payer);
    group = this.byKey.get(key);
    if (group === undefined) {
      group = this.names.length;
      this.byKey.set(key, group);
      this.names.push(payer.trim());
      this.keys.push(key);
    }
    this.byName.set(payer, group);
    return group;
  }

  get size(): number {
    return this.names.length;
  }

  /** Compares two groups by key, for a stable tie-break by name. */
  compareByName(a: number, b: number): number {
    const ka = this.keys[a];
    const kb = this.keys[b];
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  }
}
