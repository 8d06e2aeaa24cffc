/**
 * Highlight ranges from FTS5's `highlight()`: the text with a start and an
 * end marker around each match, read back into offsets of the unmarked text.
 */

/** Wrapped around each match by the query (src/search/search-index.ts). */
export const MARK_START = "\u0001";
export const MARK_END = "\u0002";

/** A match: `text.slice(start, end)`, in UTF-16 code units (JavaScript's and JSON's string indices). */
export interface Highlight {
  start: number;
  end: number;
}

/**
 * The ranges marked in `marked`, or none if its unmarked text is not `text`
 * (a text that itself held a marker character): no range is ever given that
 * could point at the wrong words.
 */
export function highlightRanges(marked: string, text: string): Highlight[] {
  const ranges: Highlight[] = [];
  let plain = "";
  let start = -1;
  for (const char of marked) {
    if (char === MARK_START) start = plain.length;
    else if (char === MARK_END && start >= 0) {
      if (plain.length > start) ranges.push({ start, end: plain.length });
      start = -1;
    } else plain += char;
  }
  return plain === text ? ranges : [];
}
