/**
 * Unit tests of the reader's words as an FTS5 query, beside the module. The
 * queries run against the search index's own tables (migrations/) in SQLite's
 * FTS5 as Node.js ships it, the engine D1 runs: whatever a reader types is
 * never a syntax error, and a word of the text finds it.
 */
import { readFileSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { allWords, allWordsInTitle, anyWord, MAX_SEARCH_WORDS, searchWords } from "./fts-query";

const MIGRATION = new URL("../../migrations/0001_search_index.sql", import.meta.url);

describe("searchWords", () => {
  it("splits at white space, in the order given, each word once", () => {
    expect(searchWords("leg  cramps\tat\nnight leg")).toEqual(["leg", "cramps", "at", "night"]);
    expect(searchWords("  ")).toEqual([]);
  });

  it("keeps words with a letter or digit in any script, and drops the rest", () => {
    expect(searchWords('* -- " ( ) ^ : 111 é 中文 leg-cramps')).toEqual(["111", "é", "中文", "leg-cramps"]);
  });

  it("is capped by a documented constant", () => {
    expect(MAX_SEARCH_WORDS).toBe(20);
  });
});

describe("the FTS5 queries", () => {
  it("quote each word, doubling a quote inside it", () => {
    expect(allWords(["leg", 'say"hi', "NOT"])).toBe('"leg" "say""hi" "NOT"');
    expect(allWordsInTitle(["leg", "cramps"])).toBe('{title} : ("leg" "cramps")');
    expect(anyWord(["leg", "OR", "cramps"])).toBe('"leg" OR "OR" OR "cramps"');
  });
});

describe("the FTS5 queries, run by SQLite's FTS5 on the search index's tables", () => {
  let db: DatabaseSync;
  beforeAll(() => {
    db = new DatabaseSync(":memory:");
    db.exec(readFileSync(MIGRATION, "utf8"));
    const insert = db.prepare(
      "INSERT INTO search_articles (title, headings, body, slug, first_unit, last_unit) VALUES (?, ?, ?, ?, 1, 1)",
    );
    insert.run("Leg cramps", "Causes; Treatments", "Stretching the calf (heel-walk) helps. Call 111.", "leg-cramps");
    insert.run("Headaches", "Causes", "Drink water; NOT every headache is serious.", "headaches");
  });
  const matching = (query: string, table = "search_articles") =>
    db
      .prepare(`SELECT slug FROM ${table} WHERE ${table} MATCH ? ORDER BY slug`)
      .all(query)
      .map((row) => row.slug);

  it("find the articles holding every word, and those with every word in the title", () => {
    expect(matching(allWords(searchWords("cramps calf")))).toEqual(["leg-cramps"]);
    expect(matching(allWords(searchWords("causes")))).toEqual(["headaches", "leg-cramps"]);
    expect(matching(allWords(searchWords("cramps headache")))).toEqual([]);
    expect(matching(allWordsInTitle(searchWords("leg")))).toEqual(["leg-cramps"]);
    expect(matching(allWordsInTitle(searchWords("causes")))).toEqual([]);
    expect(matching(anyWord(searchWords("cramps headache")))).toEqual(["headaches", "leg-cramps"]);
  });

  it("read operators, column filters and punctuation as words, never as syntax", () => {
    expect(matching(allWords(searchWords("NOT")))).toEqual(["headaches"]);
    expect(matching(allWords(searchWords("heel-walk")))).toEqual(["leg-cramps"]);
    expect(matching(allWords(searchWords("(heel-walk)")))).toEqual(["leg-cramps"]);
    // As a column filter it would find "Headaches"; as words, the phrase "title headaches" is nowhere.
    expect(matching(allWords(searchWords("title:headaches")))).toEqual([]);
    expect(matching(allWords(searchWords("cramps OR headaches")))).toEqual([]);
  });

  it("are valid queries for any text a reader can type", () => {
    const typed = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: "grapheme", maxLength: 20 }),
      fc.string({ unit: fc.constantFrom('"', "*", "^", ":", "(", ")", "{", "}", "-", "+", "NEAR", "AND", " ", "a") }),
    );
    fc.assert(
      fc.property(typed, (text) => {
        const words = searchWords(text);
        fc.pre(words.length > 0);
        for (const query of [allWords(words), allWordsInTitle(words), anyWord(words)]) {
          expect(() => matching(query)).not.toThrow();
        }
        expect(() => matching(anyWord(words), "search_units")).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
