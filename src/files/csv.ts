/**
 * RFC 4180 CSV text → rows of cell text. Quoted fields may hold commas, quotes ("") and line
 * breaks; CRLF, LF and a UTF-8 byte-order mark are handled; a semicolon- or tab-separated export
 * is recognised by its first line. Every cell comes back as text: reading amounts and dates is the
 * core's job, so a CSV and an .xlsx go through the same checks.
 */
export function parseCsv(text: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(input);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  let i = 0;
  const n = input.length;
  while (i < n) {
    const ch = input[i];
    if (inQuotes) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      inQuotes = true;
      i++;
    } else if (ch === delimiter) {
      row.push(field);
      field = "";
      i++;
    } else if (ch === "\r" || ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += ch === "\r" && input[i + 1] === "\n" ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  const count = (d: string): number => firstLine.split(d).length - 1;
  const commas = count(",");
  if (count(";") > commas && count(";") >= count("\t")) return ";";
  if (count("\t") > commas) return "\t";
  return ",";
}
