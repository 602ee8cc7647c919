import type { ProviderProductivityRow } from "../kpis/providerProductivity";
import { ratio } from "../money/ratio";
import type { PayerMixRow } from "../payerMix/payerMix";
import type { ClaimColumns } from "./claimColumns";
import { claimPairs, countPair, everyClaim, type ClaimPairs } from "./claimPairs";
import { grownArray } from "./grownArray";
import { periodRunStart } from "./periodRun";

/** payerMix and providerProductivity of the period lines: both sum charges and payments, so one pass. */
export interface PayersAndProviders {
  payerMix: PayerMixRow[];
  providers: ProviderProductivityRow[];
}

/** Per payer group and per provider group: Σ charges, Σ payments; per provider: lines and visits. */
interface GroupTally {
  payerCharges: Float64Array;
  payerPayments: Float64Array;
  providerCharges: Float64Array;
  providerPayments: Float64Array;
  lines: Float64Array;
  visits: Float64Array;
}

/**
 * payerMix (definitions.md, "Payer mix") and providerProductivity of the period lines, over columns,
 * in one pass. Visits = distinct (claim, provider) pairs (ClaimPairs).
 */
export function payersAndProvidersFromColumns(cols: ClaimColumns): PayersAndProviders {
  const tally = new PayersAndProvidersTally();
  tally.add(cols, false);
  return tally.finish(cols);
}

/**
 * payersAndProvidersFromColumns over chunks of the register. State: per payer and provider group,
 * and the claim being read (ClaimPairs) when claims are listed together, else each claim's first
 * provider (one chunk, the whole register).
 */
export class PayersAndProvidersTally {
  private readonly t: GroupTally = {
    payerCharges: new Float64Array(0), payerPayments: new Float64Array(0), providerCharges: new Float64Array(0),
    providerPayments: new Float64Array(0), lines: new Float64Array(0), visits: new Float64Array(0),
  };
  private readonly claims = claimPairs();

  /** `claimsTogether`: each claim's lines so far come together (then any number of chunks), else one chunk only. */
  add(cols: ClaimColumns, claimsTogether: boolean): void {
    const t = this.t;
    const payers = cols.payers.size, providers = cols.providers.size;
    t.payerCharges = grownArray(t.payerCharges, payers);
    t.payerPayments = grownArray(t.payerPayments, payers);
    t.providerCharges = grownArray(t.providerCharges, providers);
    t.providerPayments = grownArray(t.providerPayments, providers);
    t.lines = grownArray(t.lines, providers);
    t.visits = grownArray(t.visits, providers);
    if (!claimsTogether) everyClaim(this.claims, cols.claimCount);
    tallyGroups(cols, t, this.claims);
  }

  /** The rows; `cols`: the last chunk (its group tables and names are the register's). */
  finish(cols: ClaimColumns): PayersAndProviders {
    return { payerMix: payerMixRows(cols, this.t), providers: providerRows(cols, this.t) };
  }
}

/** The one pass (a function of its own: the hot loop is optimised apart from the rows around it). */
function tallyGroups(cols: ClaimColumns, t: GroupTally, claims: ClaimPairs): void {
  const { periodIndexes, payer, provider, claim, charge, payments: paid } = cols;
  const { payerCharges, payerPayments, providerCharges, providerPayments, lines, visits } = t;
  const run = periodRunStart(cols);
  for (let k = 0; k < periodIndexes.length; k++) {
    const i = run >= 0 ? run + k : periodIndexes[k];
    const amount = charge[i], payment = paid[i];
    const p = payer[i], v = provider[i], c = claim[i];
    payerCharges[p] += amount;
    payerPayments[p] += payment;
    providerCharges[v] += amount;
    providerPayments[v] += payment;
    lines[v]++;
    visits[v] += countPair(claims, c, v);
  }
}

/** The payer mix rows: payers with a period line, largest charges first (ties by payer key). */
function payerMixRows(cols: ClaimColumns, t: GroupTally): PayerMixRow[] {
  const { payerCharges: charges, payerPayments: payments } = t;
  const keys = cols.payers.keys;
  const order: number[] = [];
  let totalCharges = 0, totalPayments = 0;
  for (let g = 0; g < cols.payers.size; g++) {
    totalCharges += charges[g];
    totalPayments += payments[g];
    if (cols.payerNamePeriod[g] !== undefined) order.push(g);
  }
  order.sort((a, b) => charges[b] - charges[a] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  return order.map((g) => ({
    payer: cols.payerNamePeriod[g] as string,
    charges: charges[g], chargeShare: ratio(charges[g], totalCharges),
    payments: payments[g], paymentShare: ratio(payments[g], totalPayments),
    collectionRatio: ratio(payments[g], charges[g]),
  }));
}

/** The provider rows: providers with a period line, largest charges first (ties by name). */
function providerRows(cols: ClaimColumns, t: GroupTally): ProviderProductivityRow[] {
  const rows: ProviderProductivityRow[] = [];
  for (let v = 0; v < cols.providerNamePeriod.length; v++) {
    const name = cols.providerNamePeriod[v];
    if (name !== undefined) rows.push({ provider: name, charges: t.providerCharges[v], payments: t.providerPayments[v], visits: t.visits[v], lines: t.lines[v] });
  }
  return rows.sort((a, b) => b.charges - a.charges || a.provider.localeCompare(b.provider));
}
