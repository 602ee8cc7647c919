/** The options of `practice-ledger post-era` (the parser's table in args.ts spreads them). */
import type { OptionSpec } from "./args";

export const POST_ERA_OPTIONS: readonly OptionSpec[] = [
  { name: "preview", value: false, help: "show what would be posted; write no workbook (--json still written)" },
  { name: "out", value: true, placeholder: "FILE", help: "the posted copy of the register (.xlsx; default \"<input> - posted.xlsx\" beside the input)" },
  { name: "json", value: true, placeholder: "FILE", help: "the result as JSON (transactions, claims, providerAdjustments, issues; money as strings)" },
  { name: "force", value: false, help: "replace --out or --json when it already exists (never an input file)" },
  { name: "claims-sheet", value: true, placeholder: "NAME", help: "the register's sheet (default: the newest \"Claims Register (posted)\", else found by its header row)" },
];
