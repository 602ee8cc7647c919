import * as fs from "node:fs";
import * as path from "node:path";
import { parseCsv } from "../../src/files/csv";
import { dayFromYMD, type Day } from "../../src/core/dates/day";
import type { WorkbookSheet } from "../../src/core/report/workbookReport";

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
