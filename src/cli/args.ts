/** Minimal argument parsing for the command line: positionals and --name value / --flag options. */
export interface ParsedArgs {
  command: string | null;
  positionals: string[];
  options: Map<string, string | true>;
}

/** Options that never take a value (so `--force book.xlsx` leaves book.xlsx a positional). */
export const FLAG_OPTIONS: ReadonlySet<string> = new Set(["quiet", "force", "detail"]);

export function parseArgs(argv: readonly string[], flags: ReadonlySet<string> = FLAG_OPTIONS): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  let command: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      if (eq > 0) {
        options.set(a.slice(2, eq), a.slice(eq + 1));
      } else {
        const next = argv[i + 1];
        if (next !== undefined && !next.startsWith("--") && !flags.has(a.slice(2))) {
          options.set(a.slice(2), next);
          i++;
        } else {
          options.set(a.slice(2), true);
        }
      }
    } else if (command === null) {
      command = a;
    } else {
      positionals.push(a);
    }
  }
  return { command, positionals, options };
}

/** A string option's value, or undefined; a flag given without a value is an error. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}

export class UsageError extends Error {}
