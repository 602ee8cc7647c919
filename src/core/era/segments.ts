import type { Delimiters } from "./delimiters";

/** One segment: its ID, its elements (elements[0] is the ID), its 1-based position in the file. */
export interface Segment {
  id: string;
  elements: string[];
  position: number;
}

/**
 * Splits an interchange into segments with the delimiters its ISA declares. Line breaks and
 * spaces between segments (many files put each segment on its own line) are not part of any
 * segment and are dropped; the ISA is segment 1.
 */
export function splitSegments(text: string, isaStart: number, d: Delimiters): Segment[] {
  const out: Segment[] = [];
  const isaText = text.slice(isaStart, d.afterIsa - 1);
  out.push(segmentOf(isaText, d.element, 1));
  let position = 1;
  for (const raw of text.slice(d.afterIsa).split(d.segment)) {
    const s = raw.replace(/^[\r\n\t ]+|[\r\n\t ]+$/g, "");
    if (s === "") continue;
    position++;
    out.push(segmentOf(s, d.element, position));
  }
  return out;
}

function segmentOf(text: string, element: string, position: number): Segment {
  const elements = text.split(element);
  return { id: elements[0].trim().toUpperCase(), elements, position };
}

/** Element n (1-based, as "CLP01" = 1) of a segment, trimmed; "" when absent. */
export function el(s: Segment, n: number): string {
  return (s.elements[n] ?? "").trim();
}
