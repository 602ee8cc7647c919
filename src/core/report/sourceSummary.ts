import { formatCents } from "../money/cents";
import type { ClaimField } from "../claims/claimLine";
import type { BalanceCheck } from "../import/reconcileBalances";
import type { SourceColumns, SourceLayout } from "../import/sourceColumns";

/** Whether the A/R balances are as of the as-of date (posting dates rolled up) or as of the export. */
export type BalancesAsOf = "export" | "asOfDate";

/**
 * What the report knows about its claims source: the columns (where each field came from), the
 * balance check against the export's own balance column, whether balances are as of the export
 * or as of the date, and which sheet was used when several looked like a register.
 */
export interface ClaimsSourceReport {
  /** 'sheet "Claims"'. */
  name: string;
  columns: SourceColumns;
  balanceCheck: BalanceCheck | null;
  balancesAsOf: BalancesAsOf;
  /** Other sheets that also looked like a claims register, and why they were not used. */
  otherSheets: { sheet: string; reason: string }[];
  /** Further notes (as-of date, sheet choice). */
  notes: string[];
}

export interface SourceFieldJson {
  column: string;
  header: string;
  matchedBy: string;
  synonym: string | null;
}

/** The `source` section of the JSON summary (aggregates and headers only, no patient data). */
export interface SourceSummaryJson {
  name: string;
  layout: SourceLayout;
  headerRows: number[];
  columns: {
    /** Each field of the register: the column it came from, or null. */
    fields: Record<ClaimField, SourceFieldJson | null>;
    /** Header cells no field took. */
    notUsed: { column: string; header: string; looksLikeMoney: boolean }[];
    /** Money fields with no column (read as 0.00). */
    missingMoney: ClaimField[];
    ambiguous: { field: string; columns: string[]; chosen: string }[];
    balanceColumn: string | null;
  };
  balanceCheck: {
    column: string;
    linesChecked: number;
    agreeing: number;
    disagreements: number;
    disagreementTotal: string;
    rows: { sheet?: string; row: number; exported: string; computed: string }[];
    adjustmentSignsCorrected: number;
    unsignedCreditBalances: number;
  } | null;
  balancesAsOf: BalancesAsOf;
  otherSheets: { sheet: string; reason: string }[];
  notes: string[];
  assumptions: string[];
}

export function sourceSummaryJson(r: ClaimsSourceReport): SourceSummaryJson {
  const fields = {} as Record<ClaimField, SourceFieldJson | null>;
  for (const f of r.columns.fields) {
    fields[f.field] = f.column === null ? null : { column: f.column, header: f.header ?? "", matchedBy: f.matchedBy ?? "", synonym: f.synonym };
  }
  const c = r.balanceCheck;
  return {
    name: r.name,
    layout: r.columns.layout,
    headerRows: [...r.columns.headerRows],
    columns: {
      fields,
      notUsed: r.columns.notUsed.map((u) => ({ ...u })),
      missingMoney: [...r.columns.missingMoney],
      ambiguous: r.columns.ambiguous.map((a) => ({ ...a, columns: [...a.columns] })),
      balanceColumn: r.columns.balanceColumn,
    },
    balanceCheck: c === null ? null : {
      column: c.column, linesChecked: c.linesChecked, agreeing: c.agreeing, disagreements: c.disagreements,
      disagreementTotal: formatCents(c.disagreementTotal),
      rows: c.rows.map((x) => ({ ...(x.sheet !== undefined ? { sheet: x.sheet } : {}), row: x.row, exported: formatCents(x.exported), computed: formatCents(x.computed) })),
      adjustmentSignsCorrected: c.adjustmentSignsCorrected, unsignedCreditBalances: c.unsignedCreditBalances,
    },
    balancesAsOf: r.balancesAsOf,
    otherSheets: r.otherSheets.map((o) => ({ ...o })),
    notes: [...r.columns.notes, ...r.notes],
    assumptions: [...r.columns.assumptions],
  };
}

/** The few sentences every host shows about the source (CLI lines, report tab notes, task pane). */
export function sourceNoteLines(r: ClaimsSourceReport): string[] {
  const lines: string[] = [];
  lines.push(`read as ${r.columns.layout} (header row ${r.columns.headerRows.join(" and ")})`);
  for (const a of r.columns.assumptions) lines.push(`assumed: ${a}`);
  lines.push(...r.columns.notes, ...r.notes);
  return lines;
}
