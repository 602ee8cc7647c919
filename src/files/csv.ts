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

/**
 * The separator that splits the first lines (up to 20 non-blank ones, so a title line above the
 * header does not decide) into the most fields most consistently: comma, semicolon or tab.
 */
function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 200).filter((l) => l.trim() !== "").slice(0, 20);
  let best = ",";
  let bestScore = -1;
  for (const d of [",", ";", "\t"]) {
    // Lines that split into 2+ fields, weighted by how many fields they give.
    let score = 0;
    for (const line of lines) {
      const fields = line.split(d).length;
      if (fields > 1) score += fields;
    }
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
