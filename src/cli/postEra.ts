/**
 * `practice-ledger post-era <book.xlsx|register.csv> <file.835>... [--preview] [--out posted.xlsx]
 * [--json result.json] [--claims-sheet NAME] [--force]`: posts ERA remittances (X12 835) into a NEW
 * copy of the register with a posting journal sheet. The inputs are only read; outputs go through
 * src/files/safeWrite.ts (never an input by identity, an existing one only with --force, written
 * to temporary files and moved into place only when all were written).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { anythingPosted, NoRegisterError, planEraPosting, postingSheets, type EraPosting } from "../core/era/postEraWorkbook";
import { formatCents } from "../core/money/cents";
import type { SheetDescription } from "../core/sheet/sheetDescription";
import { readWorkbookGrids } from "../files/readWorkbook";
import { renderSheet } from "../files/renderSheet";
import { addSheetToXlsxCopy } from "../files/xlsxInject";
import { checkOutputs, writeOutputs, type RunInput, type RunOutput } from "../files/safeWrite";
import { stringOption, UsageError, type ParsedArgs } from "./args";

export { POST_ERA_OPTIONS } from "./postEraOptions";

export const POST_ERA_USAGE = `  practice-ledger post-era <book.xlsx|register.csv> <file.835>... [--preview]
                  [--out posted.xlsx] [--json result.json] [--claims-sheet NAME] [--force]`;

export const POST_ERA_HELP = `post-era  posts payer remittances (X12 835 ERA files) into a new copy of the claims register, with
          a "Posting Journal" sheet; balances each payment first, refuses one posted before.`;

type Write = (text: string) => void;

/** Runs post-era; resolves to the exit code (0 something posted or previewed, 1 nothing could be). */
export async function runPostEra(args: ParsedArgs, out: Write = (t) => process.stdout.write(t), err: Write = (t) => process.stderr.write(t)): Promise<number> {
  const [input, ...eraFiles] = args.positionals;
  if (input === undefined) throw new UsageError("post-era: name the register (.xlsx or .csv) and at least one .835 file");
  if (eraFiles.length === 0) throw new UsageError("post-era: name at least one .835 file after the register");
  const preview = args.options.has("preview");
  const force = args.options.has("force");
  const jsonFile = stringOption(args, "json");
  for (const f of [input, ...eraFiles]) if (!fs.existsSync(f)) throw new Error(`${f}: no such file`);
  const output = preview ? undefined : (stringOption(args, "out") ?? defaultOutput(input));
  const inputs: RunInput[] = [{ path: input, what: "the register" }, ...eraFiles.map((f) => ({ path: f, what: "the .835 file" }))];
  // Refuse bad output names before reading (identity by device/inode, case folding, existing
  // outputs without --force); writeOutputs checks again just before anything is moved into place.
  const named = ([[output, "--out"], [jsonFile, "--json"]] as const).flatMap(([file, what]) => (file !== undefined ? [{ path: file, what }] : []));
  checkOutputs(inputs, named, { force });

  const sheets = await readWorkbookGrids(input);
  const files = await Promise.all(eraFiles.map(async (f) => ({ name: path.basename(f), text: await fs.promises.readFile(f, "latin1") })));
  let posting: EraPosting;
  try {
    posting = planEraPosting(sheets, files, stringOption(args, "claims-sheet"));
  } catch (e) {
    if (e instanceof NoRegisterError) throw new Error(`${path.basename(input)}: ${e.message}`);
    throw e;
  }
  out(previewText(posting));
  const jsonOutput: RunOutput[] = jsonFile === undefined ? [] : [{ path: jsonFile, what: "--json", write: (t) => fs.promises.writeFile(t, `${JSON.stringify(posting.json, null, 2)}\n`) }];
  if (!anythingPosted(posting.result)) {
    await writeOutputs(inputs, jsonOutput, { force });
    err("practice-ledger: nothing was posted: every payment was refused or no 835 could be read\n");
    return 1;
  }
  if (output === undefined) {
    await writeOutputs(inputs, jsonOutput, { force });
    out("preview only: nothing written (run without --preview to post)\n");
    return 0;
  }
  const postedAt = new Date().toISOString().replace("T", " ").slice(0, 19) + " UTC";
  const { register, journal } = postingSheets(posting, postedAt);
  let names: [string, string] = [register.name, journal.name];
  const workbook: RunOutput = { path: output, what: "--out", write: async (t) => void (names = await writePostedWorkbook(input, t, register, journal)) };
  // All outputs written to temporary files, moved into place only when every one succeeded.
  await writeOutputs(inputs, [workbook, ...jsonOutput], { force });
  out(`wrote "${names[0]}" and "${names[1]}" to ${output}${jsonFile !== undefined ? ` and the result to ${jsonFile}` : ""}\n`);
  return 0;
}

/** What the preview shows: per transaction, per claim (matched, paid, adjustments, status), PLB, issues. */
export function previewText(p: EraPosting): string {
  const lines = [`register: sheet "${p.registerSheet}", ${p.register.lines.length} lines`];
  for (const t of p.result.transactions) {
    lines.push(`payment ${t.trn ?? "(no TRN)"} from ${t.payer ?? "?"} (${t.file}): ${formatCents(t.payment)}${t.refused === null ? "" : ` REFUSED: ${t.refused}`}`);
  }
  for (const c of p.result.claims) {
    const adj = c.lines.reduce((s, l) => s + l.contractualAdjustment + l.otherAdjustment, 0);
    const status = [...new Set(c.lines.map((l) => l.status))].join("/");
    lines.push(`  claim ${c.claimId} (CLP02 ${c.clp02}): ${c.matched ? "matched" : "NOT MATCHED"}, paid ${formatCents(c.paid)}, adjustments ${formatCents(adj)}, patient ${formatCents(c.patientResponsibility)}${status !== "" ? `, ${status}` : ""}`);
  }
  for (const a of p.result.providerAdjustments) lines.push(`  provider-level adjustment ${a.reason} (${a.file}): ${formatCents(a.amount)}, not spread over claims`);
  for (const i of p.result.issues) lines.push(`  ${i.file} segment ${i.position} (${i.segment}): ${i.message}`);
  return `${lines.join("\n")}\n`;
}

function defaultOutput(input: string): string {
  const base = path.join(path.dirname(input), `${path.basename(input, path.extname(input))} - posted`);
  let candidate = `${base}.xlsx`;
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${base} (${n}).xlsx`;
  return candidate;
}

/**
 * The posted copy: for an .xlsx, the input's package with the two sheets added (the user's sheets
 * carried over byte for byte) and their Excel tables; for a .csv, a new workbook with the two
 * sheets. `output` is the temporary file safeWrite.ts hands out.
 */
async function writePostedWorkbook(input: string, output: string, register: SheetDescription, journal: SheetDescription): Promise<[string, string]> {
  const ext = path.extname(input).toLowerCase();
  let names: [string, string] = [register.name, journal.name];
  if (ext === ".xlsx" || ext === ".xlsm") {
    const step = `${output}.1`;
    try {
      // The injector carries the sheets' Excel tables (table parts, relationships, unique names).
      const first = await addSheetToXlsxCopy(input, step, register);
      const second = await addSheetToXlsxCopy(step, output, journal);
      names = [first, second];
    } finally {
      await fs.promises.rm(step, { force: true });
    }
    return names;
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Practice Ledger";
  names = [renderSheet(workbook, register), renderSheet(workbook, journal)];
  await workbook.xlsx.writeFile(output);
  return names;
}
