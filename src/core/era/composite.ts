import type { Procedure } from "./types";

/** Characters X12 files commonly use as component separators (ISA16 in the wild). */
const LIKELY_SEPARATORS = [":", ">", "^", "|", "\\", "!", "}", "<", "~", "*"];

/**
 * Product/service ID qualifiers of SVC01-1 and SVC06-1 (005010X221A1, 2110 SVC): CPT/HCPCS (HC),
 * ABC codes (AD), NDC (N4), revenue codes (NU), HIEC (IV), state-specific (WK), HIPPS (HP), ER,
 * N6, UI.
 */
export const PROCEDURE_QUALIFIERS = ["AD", "ER", "HC", "HP", "IV", "N4", "N6", "NU", "UI", "WK"];

export type CompositeRead = { kind: "value"; components: string[] } | { kind: "invalid"; message: string };

/**
 * Splits a composite element by the component separator declared in ISA16. A composite that
 * holds no ISA16 separator but another separator-like character ("HC>12345>26" where ISA16 is
 * ":") does not follow the interchange's own declaration: it is reported, never re-split on a
 * guessed separator.
 */
export function splitComposite(value: string, componentSeparator: string, name: string): CompositeRead {
  if (value.includes(componentSeparator)) return { kind: "value", components: value.split(componentSeparator).map((c) => c.trim()) };
  const foreign = LIKELY_SEPARATORS.find((c) => c !== componentSeparator && value.includes(c));
  if (foreign !== undefined) {
    return {
      kind: "invalid",
      message: `${name} "${value}" is not split by the component separator "${componentSeparator}" declared in ISA16 (it holds "${foreign}"); it was not read`,
    };
  }
  return { kind: "value", components: [value.trim()] };
}

export type ProcedureRead = { kind: "value"; procedure: Procedure } | { kind: "blank" } | { kind: "invalid"; message: string };

/** SVC01 / SVC06: qualifier, code, modifiers (components 3 to 6); a composite not following ISA16 is invalid. */
export function readProcedure(value: string, componentSeparator: string, name: string): ProcedureRead {
  if (value.trim() === "") return { kind: "blank" };
  const split = splitComposite(value, componentSeparator, name);
  if (split.kind === "invalid") return split;
  const [qualifier, code, ...rest] = split.components;
  if (!PROCEDURE_QUALIFIERS.includes(qualifier.toUpperCase())) {
    return { kind: "invalid", message: `${name} "${value}" does not begin with a product/service qualifier (HC, NU, …); it was not read` };
  }
  if (code === undefined || code === "") return { kind: "invalid", message: `${name} "${value}" has no procedure code; it was not read` };
  const modifiers = rest.slice(0, 4).map((m) => m.toUpperCase()).filter((m) => m !== "");
  return { kind: "value", procedure: { qualifier: qualifier.toUpperCase(), code: code.toUpperCase(), modifiers } };
}
