/**
 * The command line's arguments: one table of commands, each with its positionals and its options
 * (name, whether it takes a value, help line). An option or a positional the table does not list is
 * a usage error (exit 2), never silently ignored. Adding an option is one line in its command's
 * list (or a spread of a constant declared in the feature's own file); adding a command is one
 * entry in COMMANDS. `--help`/`-h` (also after a command) and `--version` are handled for all.
 */

import { HANDOUT_OPTIONS } from "./handout";
import { POST_ERA_OPTIONS } from "./postEraOptions";
import { STREAM_OPTIONS } from "./streamedRead";

export interface OptionSpec {
  /** Without the dashes: "as-of". */
  name: string;
  /** True when the option takes a value (`--out FILE`); false for a flag (`--quiet`). */
  value: boolean;
  /** What the value is, for the help text ("YYYY-MM-DD"). */
  placeholder?: string;
  help: string;
  required?: boolean;
}

export interface CommandSpec {
  name: string;
  /** One line: what the command does. */
  summary: string;
  /** Positionals in order, for the usage line ("<book.xlsx|claims.csv>"). */
  positionals: { name: string; required: boolean; /** takes every further argument too */ repeats?: boolean }[];
  options: readonly OptionSpec[];
}

export const REPORT_OPTIONS: readonly OptionSpec[] = [
  { name: "as-of", value: true, placeholder: "YYYY-MM-DD", required: true, help: "the as-of date: A/R and aging on that day, the 12 months ending with its month" },
  { name: "fee-schedule", value: true, placeholder: "FILE", help: "a fee schedule in another .xlsx or .csv file" },
  { name: "out", value: true, placeholder: "FILE", help: "the workbook to write (default: '<input> - Physician Report YYYY-MM.xlsx')" },
  { name: "json", value: true, placeholder: "FILE", help: "also write the summary as JSON (aggregates only)" },
  { name: "claims-sheet", value: true, placeholder: "NAME", help: "the sheet holding the claims register (default: found by its header row)" },
  { name: "fee-schedule-sheet", value: true, placeholder: "NAME", help: "the sheet holding the fee schedule" },
  { name: "practice", value: true, placeholder: "NAME", help: "the practice name in the report's title (default: Settings sheet, else the export's title)" },
  { name: "quiet", value: false, help: "print only the summary lines (no progress, no left-out rows)" },
  { name: "force", value: false, help: "replace output files that already exist (never an input file)" },
  { name: "detail", value: false, help: "put line-level detail in --json (claim ids, rows, cell text of reasons)" },
  ...HANDOUT_OPTIONS,
  ...STREAM_OPTIONS,
];

export const DEMO_OPTIONS: readonly OptionSpec[] = [
  { name: "out", value: true, placeholder: "DIR", help: "where to write the sample workbook and its report (default: ./practice-ledger-demo)" },
];

/** Every command. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "report",
    summary: "the physician report of a practice's workbook or CSV, written into a copy (the input is never modified)",
    positionals: [{ name: "<book.xlsx|claims.csv>", required: true }],
    options: REPORT_OPTIONS,
  },
  {
    name: "demo",
    summary: "a sample practice workbook (three physicians, seven payers, twelve months) and its report",
    positionals: [],
    options: DEMO_OPTIONS,
  },
  {
    name: "post-era",
    summary: "posts payer remittances (X12 835 ERA files) into a new copy of the claims register, with a posting journal",
    positionals: [
      { name: "<book.xlsx|register.csv>", required: true },
      { name: "<file.835>...", required: true, repeats: true },
    ],
    options: POST_ERA_OPTIONS,
  },
  { name: "help", summary: "this help; `practice-ledger help report` for one command", positionals: [{ name: "[command]", required: false }], options: [] },
];

export interface ParsedArgs {
  command: string | null;
  positionals: string[];
  options: Map<string, string | true>;
  /** `--help` / `-h` was given: print the (command's) help and exit 0. */
  help: boolean;
  /** `--version` was given: print the version and exit 0. */
  version: boolean;
}

export class UsageError extends Error {}

const HELP = new Set(["--help", "-h"]);
const VERSION = new Set(["--version", "-V"]);

/**
 * Parses argv against the command table: `--name value`, `--name=value`, flags; `--` ends the
 * options. Unknown commands, unknown options (with the closest known one suggested), a value
 * missing or given to a flag, and extra positionals are UsageErrors.
 */
export function parseArgs(argv: readonly string[], commands: readonly CommandSpec[] = COMMANDS): ParsedArgs {
  const parsed: ParsedArgs = { command: null, positionals: [], options: new Map(), help: false, version: false };
  let spec: CommandSpec | undefined;
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!onlyPositionals && HELP.has(a)) { parsed.help = true; continue; }
    if (!onlyPositionals && VERSION.has(a)) { parsed.version = true; continue; }
    if (!onlyPositionals && a === "--") { onlyPositionals = true; continue; }
    if (!onlyPositionals && a.startsWith("-") && a !== "-") {
      if (spec === undefined) throw new UsageError(`${a}: give the command first (${commands.map((c) => c.name).join(", ")})`);
      const eq = a.indexOf("=");
      const name = a.startsWith("--") ? a.slice(2, eq > 0 ? eq : undefined) : a.slice(1);
      const option = spec.options.find((o) => o.name === name);
      if (option === undefined) throw new UsageError(`unknown option ${a.split("=")[0]} for ${spec.name}${suggestion(name, spec)}`);
      if (parsed.options.has(name)) throw new UsageError(`--${name} is given twice`);
      if (!option.value) {
        if (eq > 0) throw new UsageError(`--${name} takes no value`);
        parsed.options.set(name, true);
      } else if (eq > 0) {
        parsed.options.set(name, a.slice(eq + 1));
      } else {
        const next = argv[i + 1];
        if (next === undefined || (next.startsWith("--") && next.length > 2)) throw new UsageError(`--${name} needs a value (${option.placeholder ?? "VALUE"})`);
        parsed.options.set(name, next);
        i++;
      }
      continue;
    }
    if (parsed.command === null) {
      spec = commands.find((c) => c.name === a);
      if (spec === undefined) throw new UsageError(`unknown command "${a}" (commands: ${commands.map((c) => c.name).join(", ")})`);
      parsed.command = a;
      continue;
    }
    if (spec !== undefined && parsed.positionals.length >= spec.positionals.length && spec.positionals.at(-1)?.repeats !== true) {
      throw new UsageError(`unexpected argument "${a}" for ${spec.name}${spec.positionals.length === 0 ? " (it takes none)" : ` (it takes ${spec.positionals.map((p) => p.name).join(" ")})`}`);
    }
    parsed.positionals.push(a);
  }
  return parsed;
}

/** " (did you mean --fee-schedule?)" for a near miss, else "". */
function suggestion(name: string, spec: CommandSpec): string {
  let best: { name: string; d: number } | null = null;
  for (const o of spec.options) {
    const d = editDistance(name, o.name);
    if (best === null || d < best.d) best = { name: o.name, d };
  }
  return best !== null && best.d <= Math.max(2, Math.floor(name.length / 4)) ? ` (did you mean --${best.name}?)` : ` (options: ${spec.options.map((o) => `--${o.name}`).join(", ") || "none"})`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = keep;
    }
  }
  return row[b.length];
}

/** A string option's value, or undefined; a flag given without a value is an error. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}

/** The help text of one command: usage line, summary, options with their help lines. */
export function commandHelp(spec: CommandSpec): string {
  const opts = spec.options.map((o) => {
    const flag = `--${o.name}${o.value ? ` ${o.placeholder ?? "VALUE"}` : ""}`;
    return { flag: o.required === true ? flag : `[${flag}]`, help: o.help };
  });
  const usage = `practice-ledger ${spec.name}${spec.positionals.map((p) => ` ${p.name}`).join("")}${opts.map((o) => ` ${o.flag}`).join("")}`;
  const width = Math.max(0, ...opts.map((o) => o.flag.length));
  const lines = [`Usage: ${usage}`, "", `${spec.name}: ${spec.summary}.`];
  if (opts.length > 0) lines.push("", "Options:", ...opts.map((o) => `  ${o.flag.padEnd(width)}  ${o.help}`));
  return `${lines.join("\n")}\n`;
}
