/**
 * SQL text for the search index's statements: literals, and multi-row
 * VALUES lists cut into statements under D1's statement limit. No Node.js
 * module is used here: the Worker's tests build statements inside workerd.
 */

/** D1 refuses a statement over 100 KB; each statement stays under this many bytes of UTF-8. */
export const MAX_STATEMENT_BYTES = 90_000;

export type Value = string | number | null;

/** A SQL literal: a number, text in single quotes (line breaks as char(10) and char(13)), or NULL. */
export function literal(value: Value): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return String(value);
  const quoted = `'${value.replace(/'/g, "''")}'`;
  return quoted.replace(/\r/g, "' || char(13) || '").replace(/\n/g, "' || char(10) || '");
}

const encoder = new TextEncoder();
export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/**
 * Batches rows of values into statements `head (row),(row)... tail` of at
 * most `maxBytes` each, one statement per line (no literal holds a line
 * break: one is written as `char(10)`). Each full statement is handed to
 * `emit`; `flush` emits the last.
 */
export class ValuesBatcher {
  private rows: string[] = [];
  private bytes = 0;
  private readonly fixed: number;
  statements = 0;
  count = 0;

  constructor(
    readonly head: string,
    readonly tail: string,
    private readonly emit: (statement: string) => void,
    readonly maxBytes = MAX_STATEMENT_BYTES,
  ) {
    this.fixed = utf8Length(head) + utf8Length(tail);
  }

  /** Adds a row; false, adding nothing, when the row alone would not fit one statement. */
  tryAdd(row: readonly Value[]): boolean {
    const values = `(${row.map(literal).join(", ")})`;
    const size = utf8Length(values) + 1;
    if (this.fixed + size > this.maxBytes) return false;
    if (this.rows.length > 0 && this.fixed + this.bytes + size > this.maxBytes) this.flush();
    this.rows.push(values);
    this.bytes += size;
    this.count++;
    return true;
  }

  flush(): void {
    if (this.rows.length === 0) return;
    this.emit(`${this.head}${this.rows.join(",")}${this.tail}`);
    this.statements++;
    this.rows = [];
    this.bytes = 0;
  }
}
