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
import { type SearchTitle, type SearchUnit, TITLES, UNITS } from "../../src/search/schema";

/** D1 refuses a statement over 100 KB; each INSERT stays under this many bytes of UTF-8. */
export const MAX_STATEMENT_BYTES = 90_000;

/** Every unit of an article, in document order. */
export function searchUnits(article: CompiledArticle): SearchUnit[] {
  const units: SearchUnit[] = [];
  const visit = (section: Section, headings: string[]) => {
    const path = section.title === null ? headings : [...headings, section.title];
    for (const body of sectionSentences(section)) {
      units.push({
        title: article.title,
        headings: path.join(" | "),
        body,
        slug: article.slug,
        section: section.id,
        section_title: section.title,
      });
    }
    for (const child of section.sections) visit(child, path);
  };
  for (const section of article.sections) visit(section, []);
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

/** The statements every seed starts with: the seed replaces what the index held. */
export const CLEAR_STATEMENTS = [`DELETE FROM ${UNITS.table};`, `DELETE FROM ${TITLES.table};`];

/** A table's name and columns, as src/search/schema.ts declares them. */
interface Table<Row> {
  table: string;
  columns: readonly (keyof Row & string)[];
}

/**
 * Batches units into multi-row INSERT statements of at most
 * MAX_STATEMENT_BYTES each, one statement per line (no literal holds a line
 * break: one is written as `char(10)`). Feed it units with `add`; each full
 * statement is handed to `emit`; `flush` emits the last one.
 */
export class InsertBatcher<Row extends Record<string, string | null>> {
  private readonly head: string;
  private rows: string[] = [];
  private bytes = 0;
  statements = 0;
  units = 0;

  constructor(
    private readonly into: Table<Row>,
    private readonly emit: (statement: string) => void,
    private readonly maxBytes = MAX_STATEMENT_BYTES,
  ) {
    this.head = `INSERT INTO ${into.table} (${into.columns.join(", ")}) VALUES `;
  }

  add(unit: Row): void {
    const row = `(${this.into.columns.map((column) => literal(unit[column] ?? null)).join(", ")})`;
    const size = utf8Length(row) + 1;
    if (utf8Length(this.head) + size + 1 > this.maxBytes) {
      throw new Error(`a row of ${this.into.table} is too long for one statement: ${size} bytes (${unit.slug})`);
    }
    if (this.rows.length > 0 && utf8Length(this.head) + this.bytes + size + 1 > this.maxBytes) this.flush();
    this.rows.push(row);
    this.bytes += size;
    this.units++;
  }

  flush(): void {
    if (this.rows.length === 0) return;
    this.emit(`${this.head}${this.rows.join(",")};`);
    this.statements++;
    this.rows = [];
    this.bytes = 0;
  }
}

/** A SQL literal: text in single quotes (line breaks as char(10) and char(13)), or NULL. */
function literal(value: string | null): string {
  if (value === null) return "NULL";
  const quoted = `'${value.replace(/'/g, "''")}'`;
  return quoted.replace(/\r/g, "' || char(13) || '").replace(/\n/g, "' || char(10) || '");
}

const encoder = new TextEncoder();
function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

/** Writes the seed's INSERTs of articles given one at a time: `add` each, then `finish`. */
export class SeedWriter {
  readonly units: InsertBatcher<SearchUnit>;
  readonly titles: InsertBatcher<SearchTitle>;
  articles = 0;

  constructor(emit: (statement: string) => void, maxBytes = MAX_STATEMENT_BYTES) {
    this.units = new InsertBatcher(UNITS, emit, maxBytes);
    this.titles = new InsertBatcher(TITLES, emit, maxBytes);
  }

  add(article: CompiledArticle): void {
    this.titles.add({ title: article.title, slug: article.slug });
    for (const unit of searchUnits(article)) this.units.add(unit);
    this.articles++;
  }

  finish(): void {
    this.titles.flush();
    this.units.flush();
  }
}

/** The seed statements for a whole library held in memory (the tests' and small libraries'). */
export function seedStatements(articles: Iterable<CompiledArticle>, maxBytes = MAX_STATEMENT_BYTES): string[] {
  const statements = [...CLEAR_STATEMENTS];
  const writer = new SeedWriter((statement) => statements.push(statement), maxBytes);
  for (const article of articles) writer.add(article);
  writer.finish();
  return statements;
}
