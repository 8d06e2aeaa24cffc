/**
 * A reader's words as an FTS5 query that cannot be a syntax error: each
 * word, split at white space, becomes a quoted string (FTS5's only escape,
 * a doubled quote, inside), so no operator, column filter, parenthesis,
 * `*` or `^` a reader types is read as query syntax. Inside the quotes the
 * index's own tokenizer splits the word as it split the text ("leg-cramps"
 * is the phrase "leg cramps"). Words with no letter or digit are dropped:
 * they hold nothing the index has.
 */

/** At most this many words are searched for (each must be found). */
export const MAX_SEARCH_WORDS = 20;

const HAS_WORD = /[\p{L}\p{N}]/u;

/** The words of a query worth searching for, de-duplicated, in the order given. */
export function searchWords(q: string): string[] {
  return [...new Set(q.split(/\s+/).filter((word) => HAS_WORD.test(word)))];
}

/** An article matches when it has every word, anywhere: its title, headings or text. */
export function allWords(words: readonly string[]): string {
  return words.map(quoted).join(" ");
}

/** An article whose title has every word ranks first. */
export function allWordsInTitle(words: readonly string[]): string {
  return `{title} : (${allWords(words)})`;
}

/**
 * Every word anywhere and again in the title: matches the same articles as
 * allWordsInTitle, and ranks them by bm25 over the whole article with the
 * title's words counted twice (how titled articles are ranked once more
 * articles match than are ranked: src/search/search-index.ts).
 */
export function titledRanking(words: readonly string[]): string {
  return `(${allWords(words)}) AND ${allWordsInTitle(words)}`;
}

/** A sentence is worth showing when it has any of the words. */
export function anyWord(words: readonly string[]): string {
  return words.map(quoted).join(" OR ");
}

function quoted(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}
