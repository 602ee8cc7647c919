/**
 * A procedure code and its modifiers written in one cell, as line-item charge exports write them:
 * "99213-25", "20610-50", "99214 25 59", "17110-51", "G0439:33". The code is a CPT (five digits,
 * or four digits and a letter: 0001F, 0591T) or a HCPCS Level II code (a letter and four digits);
 * a modifier is two letters or digits (AMA CPT, CMS Claims Processing Manual ch. 12 §30).
 * Null when the text is not a code followed by one or more modifiers.
 */
export function splitCptModifiers(text: string): { cpt: string; modifiers: string[] } | null {
  const t = text.trim().toUpperCase();
  if (t.length < 8) return null; // "99213-25" is the shortest
  const m = CODE_WITH_MODIFIERS.exec(t);
  if (m === null) return null;
  const modifiers = m[2].split(/[\s\-:,/]+/).filter((x) => x !== "");
  return { cpt: m[1], modifiers };
}

const CODE_WITH_MODIFIERS = /^(\d{5}|\d{4}[A-Z]|[A-Z]\d{4})((?:\s*[-:,/]\s*|\s+)[0-9A-Z]{2}(?:(?:\s*[-:,/]\s*|\s+)[0-9A-Z]{2})*)$/;
