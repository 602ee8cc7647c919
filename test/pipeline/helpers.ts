import * as fs from "node:fs";
import * as path from "node:path";
import { parseCsv } from "../../src/files/csv";
import { dayFromYMD, type Day } from "../../src/core/dates/day";
import type { WorkbookSheet } from "../../src/core/report/workbookReport";
import { main } from "../../src/cli/main";

export const FIXTURES = path.join(__dirname, "fixtures");

/** A Day from an ISO date, for options. */
export function day(iso: string): Day {
  const [y, m, d] = iso.split("-").map(Number);
  return dayFromYMD(y, m, d) as Day;
}

/** A .csv fixture as the command line reads it: one sheet named after the file, every cell text. */
export function csvSheet(file: string): WorkbookSheet {
  const text = fs.readFileSync(path.join(FIXTURES, file), "utf8");
  return { name: path.basename(file, path.extname(file)), grid: parseCsv(text) };
}

/** What a run of the command line printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line's main() in process, with process.stdout / process.stderr writes captured. */
export async function runCli(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const grab = (into: string[]) => ((chunk: unknown) => {
    into.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
    return true;
  }) as unknown as typeof process.stdout.write;
  const o = jest.spyOn(process.stdout, "write").mockImplementation(grab(out));
  const e = jest.spyOn(process.stderr, "write").mockImplementation(grab(err));
  try {
    const code = await main(argv);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
