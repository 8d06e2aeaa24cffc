/** Plain-text tables for the terminal (and for pasting into Markdown as a code block). */

export type Align = "left" | "right";

export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[],
): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? cell.length;
        return align[column] === "right" ? cell.padStart(width) : cell.padEnd(width);
      })
      .join("  ")
      .trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(headers), rule, ...rows.map(line)].join("\n");
}

/** 12345.6 -> "12,346" */
export function count(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** Microseconds as "640 µs" or "12.3 ms". */
export function micros(us: number): string {
  if (us < 1000) return `${us.toFixed(0)} µs`;
  return `${(us / 1000).toFixed(us < 10_000 ? 2 : 1)} ms`;
}

export function millis(ms: number): string {
  return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KiB`;
}
