/* Addresses as Office.js gives them ("'Sheet name'!A1:C9"). */

/** "'Claims Export'!A4:N2004" → { sheet: "Claims Export", address: "A4:N2004" }; null when not of that shape. */
export function splitAddress(full: string): { sheet: string; address: string } | null {
  const bang = full.lastIndexOf("!");
  if (bang <= 0) return null;
  let sheet = full.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  const address = full.slice(bang + 1);
  return sheet === "" || address === "" ? null : { sheet, address };
}
