/**
 * The four delimiters of an X12 interchange, declared by its ISA segment (X12.5 / 005010X221A1
 * appendix B): element separator = the character right after "ISA" (position 4), repetition
 * separator = ISA11, component separator = ISA16, segment terminator = the character right after
 * ISA16. ISA is fixed length (106 characters), but the elements are counted rather than the
 * characters, so a file whose ISA lost its padding is still read.
 */
export interface Delimiters {
  element: string;
  repetition: string | null;
  component: string;
  segment: string;
  /** Index in the text where the first segment after ISA starts. */
  afterIsa: number;
}

export type DelimitersRead = { kind: "found"; delimiters: Delimiters; isaStart: number } | { kind: "invalid"; message: string };

export function readDelimiters(text: string): DelimitersRead {
  const isaStart = text.search(/\S/);
  if (isaStart < 0 || text.slice(isaStart, isaStart + 3) !== "ISA") {
    return { kind: "invalid", message: "not an X12 interchange: the file does not begin with an ISA segment" };
  }
  const element = text.charAt(isaStart + 3);
  if (element === "" || /[A-Za-z0-9\s]/.test(element)) {
    return { kind: "invalid", message: "ISA: the element separator (the character after \"ISA\") is missing or a letter, digit or space" };
  }
  // Find the 16th element separator: ISA16 is the single character after it.
  let i = isaStart + 3;
  const starts: number[] = [];
  for (let n = 0; n < 16; n++) {
    const at = text.indexOf(element, n === 0 ? i : i + 1);
    if (at < 0) return { kind: "invalid", message: `ISA: only ${n} of its 16 elements were found` };
    starts.push(at);
    i = at;
  }
  const component = text.charAt(i + 1);
  const segment = text.charAt(i + 2);
  if (component === "" || segment === "") return { kind: "invalid", message: "ISA: the file ends inside the ISA segment" };
  if (component === element || segment === element || component === segment) {
    return { kind: "invalid", message: "ISA: the element separator, component separator (ISA16) and segment terminator must differ" };
  }
  // ISA11: the repetition separator in 00501 (a letter "U" in 00401 and before).
  const isa11 = text.slice(starts[10] + 1, starts[11]);
  const repetition = isa11.length === 1 && !/[A-Za-z0-9 ]/.test(isa11) ? isa11 : null;
  return { kind: "found", isaStart, delimiters: { element, repetition, component, segment, afterIsa: i + 3 } };
}
