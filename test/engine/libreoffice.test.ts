/**
 * An independent engine agrees: a register is written with ExcelJS as plain values next to a sheet
 * of native Excel formulas (SUMIFS, COUNTIFS, TRIM, DATE) computing definitions.md's figures, with
 * no cached values; LibreOffice headless recalculates it; every figure it computed must equal the
 * core's (arAging, daysInAR, collectionRates, payerMix, denialRates) on the same lines: money to
 * the cent, rates to 6 decimals, days in A/R to 1 decimal. Each line's balance is compared too.
 *
 * Needs `soffice` (apt-get install -y --no-install-recommends libreoffice-calc). Without it the
 * test is skipped, except under CI=true, where a missing soffice fails.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { arAging } from "../../src/core/aging";
import { lineBalance, readClaimLines, type ClaimLine } from "../../src/core/claims";
import { dayFromYMD, excelSerialFromDay, type Day } from "../../src/core/dates";
import { syntheticClaimLines } from "../../src/sample";
import {
  CANARY_CELL, FIGURES_SHEET, FIRST_FIGURE_ROW, buildFormulaWorkbook, cellsOfLine, compareBalances, compareFigures, coreFigures, formulaResult,
  literal, rangesFor, type Comparison, type Figure, type RegisterRowCells,
} from "./formulaWorkbook";
import { findSoffice, recalcWithLibreOffice, runningInCI, SOFFICE_INSTALL, type SofficeFound } from "./soffice";

jest.setTimeout(180_000);

const day = (y: number, m: number, d: number): Day => dayFromYMD(y, m, d) as Day;
const serial = (y: number, m: number, d: number): number => excelSerialFromDay(day(y, m, d));

// ---------------------------------------------------------------------------------------------
// Case 1: 3,000 synthetic lines (fixed seed) with credit balances, lines after the as-of date and
// lines before the reporting period.
// Generated through 2026-11-30 and reported as of 2026-11-13, so the lines of 14-30 November are
// after the as-of date; every 400th line is moved a year back (before the period, which starts
// 2025-12-01, still in A/R at 121+, splitting some claims across the period edge); every 300th line
// is overpaid by $5.00 + i cents (a credit balance); every 500th line is set to Draft and every
// 700th to a blank status (a claim is submitted when any of its lines is not Draft).
// ---------------------------------------------------------------------------------------------
const SYNTHETIC_AS_OF = day(2026, 11, 13);

function syntheticCase(): ClaimLine[] {
  return syntheticClaimLines(3000, { seed: 20261113, asOf: day(2026, 11, 30) }).map((line, i) => {
    let out = line;
    if (i % 400 === 5) out = { ...out, dateOfService: out.dateOfService - 365 };
    if (i % 300 === 17) out = { ...out, patientPaid: out.patientPaid + lineBalance(out) + 500 + i };
    if (i % 500 === 250) out = { ...out, status: "Draft" };
    if (i % 700 === 350) out = { ...out, status: null };
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// Case 2: a small register with traps, as-of 2026-10-31 (period 2025-11-01 … 2026-10-31, days in
// A/R window 2026-08-03 … 2026-10-31). null = blank cell. The core reads the same cells through
// readClaimLines (blank money = 0, blank status = none, the blank row skipped).
// ---------------------------------------------------------------------------------------------
const TRAP_AS_OF = day(2026, 10, 31);
type Row = [string, number, string, number, number | null, number | null, number | null, number | null, string | null];
const TRAP_ROWS: (Row | null)[] = [
  /* r2  */ ["T-001", serial(2026, 10, 20), "Aetna PPO", 200, 120, null, 50, null, "Paid"], // bal 30.00, age 11
  /* r3  */ ["T-002", serial(2026, 9, 10), "AETNA PPO", 150, null, null, null, null, "Submitted"], // bal 150.00, age 51; same payer, upper case
  /* r4  */ ["T-003", serial(2026, 11, 5), "Medicare", 300, null, null, null, null, "Submitted"], // after the as-of date
  /* r5  */ null, // a wholly blank row
  /* r6  */ ["T-004", serial(2026, 6, 1), "Medicare", 100, 90, 30, null, null, "Paid"], // credit −20.00, age 152
  /* r7  */ ["T-005", serial(2026, 7, 15), "Medicare", 0.3, 0.1, 0.2, null, null, "Paid"], // zero balance (0.30 − 0.10 − 0.20), age 108
  /* r8  */ ["T-006", serial(2026, 8, 1), "Cigna", 120, null, null, null, null, "Denied"], // bal 120.00, age 91
  /* r9  */ ["T-006", serial(2026, 8, 1), "Cigna", 80, null, null, null, null, "Submitted"], // bal 80.00, age 91
  /* r10 */ ["T-007", serial(2026, 10, 1), "Aetna PPO ", 75, null, null, null, null, null], // trailing space, blank status; bal 75.00, age 30
  /* r11 */ ["T-008", serial(2026, 8, 2), "Self-pay", 60, null, null, null, null, "Draft"], // bal 60.00, age 90, one day before the window
  /* r12 */ ["T-009", serial(2025, 10, 15), "Medicare", 500, null, null, null, null, "Denied"], // before the period; bal 500.00, age 381
  /* r13 */ ["T-010", serial(2025, 11, 1), "cigna", 40, 40, null, null, null, "Paid"], // first day of the period; zero balance, age 364
  /* r14 */ ["T-011", serial(2026, 7, 3), "Medicaid", 33.33, null, null, null, null, "Submitted"], // bal 33.33, age 120
  /* r15 */ ["T-012", serial(2026, 7, 2), "Medicaid", 44.44, 10.01, null, null, 4.43, "Partially paid"], // bal 30.00, age 121
  /* r16 */ ["T-013", serial(2026, 9, 1), "Medicare", 25, null, null, null, null, "Submitted"], // bal 25.00, age 60
  /* r17 */ ["T-014", serial(2026, 8, 31), "Medicare", 35, null, null, null, null, "Submitted"], // bal 35.00, age 61
  /* r18 */ ["T-015", serial(2026, 8, 3), "Medicaid", 12.34, null, null, null, null, "Appealed"], // bal 12.34, age 89, first window day
  /* r19 */ ["T-006", serial(2026, 8, 1), "Cigna", 10, 10, null, null, null, "Paid"], // third line of T-006, not next to the others; zero balance
];

const BLANK_ROW: RegisterRowCells = {
  claimId: null, dateOfService: null, payer: null, charge: null, insurancePaid: null, patientPaid: null,
  contractualAdjustment: null, otherAdjustment: null, status: null,
};

function trapCells(): RegisterRowCells[] {
  return TRAP_ROWS.map((r) =>
    r === null
      ? BLANK_ROW
      : {
          claimId: r[0], dateOfService: r[1], payer: r[2], charge: r[3], insurancePaid: r[4], patientPaid: r[5],
          contractualAdjustment: r[6], otherAdjustment: r[7], status: r[8],
        },
  );
}

/** Trap-only figures with hand-worked values (not the core's): what plain SUMIFS on the raw payer column does. */
function trapExtraFigures(rowCount: number): Figure[] {
  const r = rangesFor(rowCount);
  const period = `${r.dos},">="&${r.periodFrom},${r.dos},"<="&${r.asOf}`;
  return [
    // Without TRIM, "Aetna PPO" matches r2 (200) and r3 ("AETNA PPO", 150: SUMIFS ignores case)
    // but not r10 ("Aetna PPO ", 75): 200 + 150 = 350.00, where the core's trimmed key gives 425.00.
    { label: "Aetna PPO charges on the raw payer column (no TRIM)", kind: "money", formula: `SUMIFS(${r.charge},${r.payer},${literal("Aetna PPO")},${period})`, expected: 35000 },
    // Case-insensitive on the raw column: "Cigna" and "cigna" in the period: 120 + 80 + 40 + 10 = 250.00.
    { label: "Cigna charges on the raw payer column", kind: "money", formula: `SUMIFS(${r.charge},${r.payer},${literal("Cigna")},${period})`, expected: 25000 },
    // "<>Draft" counts blank status cells (r10): data lines not Draft in the period = 15 period lines − 1 Draft = 14.
    { label: "Period lines with status <> Draft (blanks included)", kind: "count", formula: `COUNTIFS(${r.status},"<>Draft",${period})`, expected: 14 },
  ];
}

// ---------------------------------------------------------------------------------------------

interface Prepared {
  name: string;
  lines: ClaimLine[];
  figures: Figure[];
  file: string;
}

const soffice: SofficeFound | null = findSoffice();

if (soffice === null) {
  const message = `soffice (LibreOffice) not found; install it with: ${SOFFICE_INSTALL}`;
  if (runningInCI()) {
    test("LibreOffice is installed (CI installs it, so a missing soffice is a failure)", () => {
      throw new Error(`CI is set but ${message}`);
    });
  } else {
    console.warn(`Skipping the LibreOffice recalculation test: ${message}`);
    test.skip(`LibreOffice recalculation (SKIPPED: ${message})`, () => undefined);
  }
} else {
  const engine = soffice;
  describe(`LibreOffice recalculates the core's figures with native formulas (${engine.version})`, () => {
    let dir = "";
    const cases = new Map<string, Prepared>();
    const recalculated = new Map<string, ExcelJS.Workbook>();
    let recalcMs = 0;

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "practice-ledger-engine-"));
      const inDir = path.join(dir, "in");
      fs.mkdirSync(inDir);

      const synthetic = syntheticCase();
      const syntheticRows = synthetic.map(cellsOfLine); // line i sits at sheet row i + 2 = line.row
      const trap = trapCells();
      const read = readClaimLines(trap.map((cells, i) => ({ row: i + 2, cells: { ...cells } })), { sheet: "Claims" });
      const errors = read.issues.filter((issue) => issue.severity === "error");
      if (errors.length > 0) throw new Error(`trap register rows left out: ${JSON.stringify(errors)}`);

      const prepared: [string, RegisterRowCells[], ClaimLine[], Day, Figure[]][] = [
        ["synthetic", syntheticRows, synthetic, SYNTHETIC_AS_OF, []],
        ["traps", trap, read.lines, TRAP_AS_OF, trapExtraFigures(trap.length)],
      ];
      for (const [name, rows, lines, asOf, extra] of prepared) {
        const figures = [...coreFigures(lines, asOf, rangesFor(rows.length)), ...extra];
        const file = path.join(inDir, `${name}.xlsx`);
        await buildFormulaWorkbook(rows, asOf, figures).xlsx.writeFile(file);
        cases.set(name, { name, lines, figures, file });
      }

      const inputs = [...cases.values()].map((c) => c.file);
      const run = recalcWithLibreOffice(engine, inputs, path.join(dir, "out"));
      recalcMs = run.milliseconds;
      for (const [i, c] of [...cases.values()].entries()) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(run.outputs[i]);
        recalculated.set(c.name, wb);
      }
    });

    afterAll(() => {
      if (dir !== "") fs.rmSync(dir, { recursive: true, force: true });
    });

    const report = (name: string, figures: Comparison[], balances: Comparison[]): void => {
      const unequal = figures.filter((c) => !c.equal).length + balances.filter((c) => !c.equal).length;
      console.log(
        `[${name}] ${engine.version}: ${figures.length} figures and ${balances.length} line balances compared, ` +
          `${unequal === 0 ? "all equal" : `${unequal} NOT equal`}; recalculation of both books took ${recalcMs} ms`,
      );
    };

    test("the formulas went out without cached values and LibreOffice recalculated them (canary 99 → 2)", async () => {
      for (const c of cases.values()) {
        const written = new ExcelJS.Workbook();
        await written.xlsx.readFile(c.file);
        const sheet = written.getWorksheet(FIGURES_SHEET) as ExcelJS.Worksheet;
        const cached = c.figures.filter((_, i) => formulaResult(sheet.getCell(`B${FIRST_FIGURE_ROW + i}`)) !== undefined);
        expect(cached).toEqual([]);
        // The canary =1+1 was written with a cached 99: the always-recalculate profile makes it 2.
        const out = (recalculated.get(c.name) as ExcelJS.Workbook).getWorksheet(FIGURES_SHEET) as ExcelJS.Worksheet;
        expect(formulaResult(out.getCell(CANARY_CELL))).toBe(2);
      }
    });

    test("3,000 synthetic lines: every figure and every line balance equals the core's", () => {
      const c = cases.get("synthetic") as Prepared;
      const wb = recalculated.get("synthetic") as ExcelJS.Workbook;
      // The register holds what the case promises: credit balances, lines after D, lines before the period.
      const aging = arAging(c.lines, SYNTHETIC_AS_OF);
      expect(aging.creditBalances).toBeLessThan(0);
      expect(aging.linesAfterAsOf).toBeGreaterThan(0);
      expect(c.lines.filter((l) => l.dateOfService < day(2025, 12, 1)).length).toBeGreaterThan(0);

      const figures = compareFigures(wb, c.figures);
      const balances = compareBalances(wb, c.lines);
      report("synthetic", figures, balances);
      expect(figures.filter((f) => !f.equal)).toEqual([]);
      expect(balances.filter((f) => !f.equal)).toEqual([]);
    });

    test("traps (blanks, after the as-of date, credit, zero balance, payer case and trailing space, bucket edges): LibreOffice = core = hand", () => {
      const c = cases.get("traps") as Prepared;
      const wb = recalculated.get("traps") as ExcelJS.Workbook;
      // 17 data rows, the blank row skipped: 17 lines.
      expect(c.lines).toHaveLength(17);

      const figures = compareFigures(wb, c.figures);
      const balances = compareBalances(wb, c.lines);
      report("traps", figures, balances);
      expect(figures.filter((f) => !f.equal)).toEqual([]);
      expect(balances.filter((f) => !f.equal)).toEqual([]);

      // The same figures worked out by hand from TRAP_ROWS (what both engines must say).
      const value = (label: string): string => {
        const found = figures.find((f) => f.label === label);
        if (found === undefined) throw new Error(`no figure "${label}"`);
        return found.libreOffice;
      };
      // Lines aged: 19 sheet rows − r4 (after D) − r5 (blank) − header = 16; after D: r4 = 1.
      expect(value("Lines aged (DOS <= as-of)")).toBe("16");
      expect(value("Lines after the as-of date")).toBe("1");
      // 0-30: r2 30.00 + r10 75.00 (age 30) = 105.00, 2 lines.
      expect(value("Bucket 0-30 amount")).toBe("105.00");
      expect(value("Bucket 0-30 lines (balance <> 0)")).toBe("2");
      // 31-60: r3 150.00 + r16 25.00 (age 60) = 175.00, 2 lines.
      expect(value("Bucket 31-60 amount")).toBe("175.00");
      // 61-90: r11 60.00 (age 90) + r17 35.00 (age 61) + r18 12.34 = 107.34, 3 lines.
      expect(value("Bucket 61-90 amount")).toBe("107.34");
      expect(value("Bucket 61-90 lines (balance <> 0)")).toBe("3");
      // 91-120: r7 0 + r8 120.00 (age 91) + r9 80.00 + r14 33.33 (age 120) + r19 0 = 233.33; 3 non-zero lines.
      expect(value("Bucket 91-120 amount")).toBe("233.33");
      expect(value("Bucket 91-120 lines (balance <> 0)")).toBe("3");
      // 121+: r6 −20.00 + r12 500.00 + r13 0 + r15 30.00 (age 121) = 510.00; 3 non-zero lines.
      expect(value("Bucket 121+ amount")).toBe("510.00");
      expect(value("Bucket 121+ lines (balance <> 0)")).toBe("3");
      // A/R = 105.00 + 175.00 + 107.34 + 233.33 + 510.00 = 1130.67; credit balances: r6 −20.00.
      expect(value("A/R total")).toBe("1130.67");
      expect(value("Credit balances")).toBe("-20.00");
      // Over 90 = 233.33 + 510.00 = 743.33 ÷ 1130.67 = 0.65742435…; over 120 = 510 ÷ 1130.67 = 0.45105999…
      expect(value("Share of A/R over 90 days")).toBe("0.657424");
      expect(value("Share of A/R over 120 days")).toBe("0.451060");
      // Window 2026-08-03 … 10-31: r2 200 + r3 150 + r10 75 + r16 25 + r17 35 + r18 12.34 = 497.34;
      // days = 1130.67 × 90 ÷ 497.34 = 204.609…
      expect(value("Charges of the 90-day window")).toBe("497.34");
      expect(value("Days in A/R")).toBe("204.6");
      // Period 2025-11-01 … 2026-10-31: every aged line but r12: 15 lines; charges 200 + 150 + 100 +
      // 0.30 + 120 + 80 + 75 + 60 + 40 + 33.33 + 44.44 + 25 + 35 + 12.34 + 10 = 985.41.
      expect(value("Period lines")).toBe("15");
      expect(value("Period charges")).toBe("985.41");
      // Payments: insurance 120 + 90 + 0.10 + 40 + 10.01 + 10 = 270.11, patient 30 + 0.20 = 30.20: 300.31.
      expect(value("Period payments")).toBe("300.31");
      // Gross 300.31 ÷ 985.41 = 0.30475639…; net 300.31 ÷ (985.41 − 50) = 0.32104638…
      expect(value("Gross collection rate")).toBe("0.304756");
      expect(value("Net collection rate")).toBe("0.321046");
      // Aetna PPO (r2, r3 upper case, r10 trailing space): 200 + 150 + 75 = 425.00, shown as first written.
      expect(value("Payer Aetna PPO: charges")).toBe("425.00");
      expect(value("Aetna PPO charges on the raw payer column (no TRIM)")).toBe("350.00");
      // Cigna (r8, r9, r13 "cigna", r19): 120 + 80 + 40 + 10 = 250.00.
      expect(value("Payer Cigna: charges")).toBe("250.00");
      // Claims in the period: T-001, 002, 004-008, 010-015 = 13; submitted: all but T-008 (Draft) = 12,
      // T-007's blank status counting; denied: T-006 = 1; 1 ÷ 12 = 0.083333.
      expect(value("Submitted claims")).toBe("12");
      expect(value("Denied claims")).toBe("1");
      expect(value("Denial rate (claims)")).toBe("0.083333");
      // Dollars: T-006 120 + 80 + 10 = 210.00 ÷ (985.41 − T-008 60.00 = 925.41) = 0.22692644…
      expect(value("Charges of denied claims")).toBe("210.00");
      expect(value("Charges of submitted claims")).toBe("925.41");
      expect(value("Denial rate (dollars)")).toBe("0.226926");
    });
  });
}
