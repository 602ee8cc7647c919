import { PayerGroups } from "./payerGroups";

/**
 * Running totals of the payer mix (definitions.md, "Payer mix"), one line at a time: charges and
 * payments per payer group (names compared as payerKey does), in exact integer cents. payerMix
 * feeds it its lines; PRACTICE.PAYERMIX feeds it the cells it reads, so a million rows make no
 * line objects.
 */
export class PayerMixTotals {
  readonly groups = new PayerGroups();
  /** Σ charges of each group, by group index. */
  readonly charges: number[] = [];
  /** Σ insurance paid + patient paid of each group, by group index. */
  readonly payments: number[] = [];
  totalCharges = 0;
  totalPayments = 0;

  /** Adds one line: its payer name, charge and payments (insurance paid + patient paid), in cents. */
  add(payer: string, charge: number, paid: number): void {
    const row = this.groups.groupOf(payer);
    if (row === this.charges.length) {
      this.charges.push(0);
      this.payments.push(0);
    }
    this.charges[row] += charge;
    this.payments[row] += paid;
    this.totalCharges += charge;
    this.totalPayments += paid;
  }
}
