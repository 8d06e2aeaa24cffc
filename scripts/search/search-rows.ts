/**
 * What the search index holds for an article, and the SQL that seeds it. No
 * Node.js module is used here: the build writes the seed with it, and the
 * Worker's tests seed a scratch database with it inside workerd.
 *
 * Index units are the publisher's whole sentences and list items
 * (src/content/publisher-text.ts, ICU sentence segmentation), never a clause
 * cut out of one, so a snippet shown from the index is always a whole
 * sentence of the article. Figure captions are left out: they describe an
 * illustration, and pages do not show a caption without its image.
 */
import type { CompiledArticle, ListItem, Section } from "../../src/content/model";
import { sentencesOf } from "../../src/content/publisher-text";
import { ARTICLES, type SearchArticle, type SearchUnit, UNITS } from "../../src/search/schema";

/** D1 refuses a statement over 100 KB; each statement stays under this many bytes of UTF-8. */
export const MAX_STATEMENT_BYTES = 90_000;

/** The statements every seed starts with: the seed replaces what the index held. */
export const CLEAR_STATEMENTS = [`DELETE FROM ${ARTICLES.table};`, `DELETE FROM ${UNITS.table};`];

type Unit = Omit<SearchUnit, "rowid">;

/** Every unit of an article, in document order. */
export function searchUnits(article: CompiledArticle): Unit[] {
  const units: Unit[] = [];
  const visit = (section: Section) => {
    for (const body of sectionSentences(section)) {
      units.push({ body, slug: article.slug, section: section.id, section_title: section.title });
    }
    for (const child of section.sections) visit(child);
  };
  for (const section of article.sections) visit(section);
  return units;
}

/** The whole sentences of a section's own paragraphs and list items (not its subsections'). */
function sectionSentences(section: Section): string[] {
  const items = (list: readonly ListItem[]): string[] =>
    list.flatMap((item) => [...sentencesOf(item.text), ...items(item.items)]);
  return section.blocks.flatMap((block) => {
    if (block.type === "paragraph") return sentencesOf(block.text);
    if (block.type === "list") return items(block.items);
    return [];
  });
}

/** Every heading of an article, in document order. */
function headingsOf(sections: readonly Section[]): string[] {
  return sections.flatMap((section) => [...(section.title ? [section.title] : []), ...headingsOf(section.sections)]);
}

/** A table's name and columns, as src/search/schema.ts declares them. */
interface Table<Row> {
  table: string;
  columns: readonly (keyof Row & string)[];
}

type Value = string | number | null;

/**
 * Batches rows into multi-row INSERT statements of at most `maxBytes` each,
 * one statement per line (no literal holds a line break: one is written as
 * `char(10)`). Each full statement is handed to `emit`; `flush` emits the last.
 */
export class InsertBatcher<Row extends Record<string, Value>> {
  readonly head: string;
  private rows: string[] = [];
  private bytes = 0;
  statements = 0;
  count = 0;

  constructor(
    private readonly into: Table<Row>,
    private readonly emit: (statement: string) => void,
    readonly maxBytes = MAX_STATEMENT_BYTES,
  ) {
    this.head = `INSERT INTO ${into.table} (${into.columns.join(", ")}) VALUES `;
  }

  /** Adds a row; false, adding nothing, when the row alone would not fit one statement. */
  tryAdd(row: Row): boolean {
    const values = this.values(row);
    const size = utf8Length(values) + 1;
    const head = utf8Length(this.head);
    if (head + size + 1 > this.maxBytes) return false;
    if (this.rows.length > 0 && head + this.bytes + size + 1 > this.maxBytes) this.flush();
    this.rows.push(values);
    this.bytes += size;
    this.count++;
    return true;
  }

  add(row: Row): void {
    if (!this.tryAdd(row)) throw new Error(`a row of ${this.into.table} is too long for one statement (${row.slug})`);
  }

  flush(): void {
    if (this.rows.length === 0) return;
    this.emit(`${this.head}${this.rows.join(",")};`);
    this.statements++;
    this.rows = [];
    this.bytes = 0;
  }

  private values(row: Row): string {
    return `(${this.into.columns.map((column) => literal(row[column] ?? null)).join(", ")})`;
  }
}

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

/** Writes the seed's statements for articles given one at a time: `add` each, then `finish`. */
export class SeedWriter {
  readonly units: InsertBatcher<SearchUnit>;
  readonly articles: InsertBatcher<SearchArticle>;
  private unitId = 0;
  private articleId = 0;

  constructor(
    private readonly emit: (statement: string) => void,
    maxBytes = MAX_STATEMENT_BYTES,
  ) {
    this.units = new InsertBatcher(UNITS, emit, maxBytes);
    this.articles = new InsertBatcher(ARTICLES, emit, maxBytes);
  }

  add(article: CompiledArticle): void {
    const units = searchUnits(article).map((unit) => ({ rowid: ++this.unitId, ...unit }));
    for (const unit of units) this.units.add(unit);
    const row: SearchArticle = {
      rowid: ++this.articleId,
      title: article.title,
      // Space-separated: the tokenizer splits them as a line break would, and no SQL expression is needed for one.
      headings: headingsOf(article.sections).join(" "),
      body: units.map((unit) => unit.body).join(" "),
      slug: article.slug,
      first_unit: this.unitId - units.length + 1,
      last_unit: this.unitId,
    };
    if (!this.articles.tryAdd(row)) {
      const sentences = units.map((unit) => unit.body);
      for (const statement of longArticle(row, sentences, this.articles)) this.emit(statement);
      this.articles.count++;
    }
  }

  finish(): void {
    this.articles.flush();
    this.units.flush();
  }
}

/**
 * An article whose text will not fit one statement: inserted with as many of
 * its sentences as fit, the rest appended by UPDATEs of its row, each under
 * the statement limit.
 */
function longArticle(row: SearchArticle, sentences: string[], batcher: InsertBatcher<SearchArticle>): string[] {
  const room = batcher.maxBytes - utf8Length(batcher.head) - utf8Length(literal(row.headings)) - 1_000;
  const chunks: string[] = [];
  for (const sentence of sentences) {
    const last = chunks.at(-1);
    if (last !== undefined && utf8Length(literal(`${last} ${sentence}`)) <= room) {
      chunks[chunks.length - 1] = `${last} ${sentence}`;
    } else if (utf8Length(literal(sentence)) <= room) chunks.push(sentence);
    else throw new Error(`a sentence of ${row.slug} is too long for one statement`);
  }
  const [first = "", ...rest] = chunks;
  const values = ARTICLES.columns.map((column) => literal(column === "body" ? first : row[column]));
  const appends = rest.map(
    (chunk) => `UPDATE ${ARTICLES.table} SET body = body || ' ' || ${literal(chunk)} WHERE rowid = ${row.rowid};`,
  );
  return [`${batcher.head}(${values.join(", ")});`, ...appends];
}

/** The seed statements for a whole library held in memory (the tests' and small libraries'). */
export function seedStatements(articles: Iterable<CompiledArticle>, maxBytes = MAX_STATEMENT_BYTES): string[] {
  const statements = [...CLEAR_STATEMENTS];
  const writer = new SeedWriter((statement) => statements.push(statement), maxBytes);
  for (const article of articles) writer.add(article);
  writer.finish();
  return statements;
}
