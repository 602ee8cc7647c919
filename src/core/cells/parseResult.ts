/** The outcome of reading one cell: a value, a blank, or something unusable with the reason. */
export type Parsed<T> =
  | { kind: "value"; value: T }
  | { kind: "blank" }
  | { kind: "invalid"; message: string; found: string };

export const BLANK: { kind: "blank" } = { kind: "blank" };

export function invalid(message: string, found: string): { kind: "invalid"; message: string; found: string } {
  return { kind: "invalid", message, found };
}
