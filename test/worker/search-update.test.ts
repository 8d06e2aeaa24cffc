/**
 * One article's rows replaced in a search database that holds it, as
 * `npm run search:local` replaces them (scripts/search/search-update.ts:
 * the article taken out by the rowids its revision records, then its new
 * statements), and read by the Worker's own queries
 * (src/search/search-index.ts), which rely on each article's sentences
 * having consecutive rowids named by its row. Derived from the library, so
 * it holds for any articles.
 */
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { articleStatements, type HeldRevision, removalStatements } from "../../scripts/search/article-statements";
import { seedStatements } from "../../scripts/search/search-rows";
import { searchUnits } from "../../scripts/search/search-text";
import type { CompiledArticle, Section } from "../../src/content/model";
import { searchIndex } from "../../src/search/search-index";
import { loadArticles } from "../support/articles";
import { SLUGS } from "../support/library";

const LOADED = await loadArticles();
const db = env.SEARCH_SCRATCH;
const run = (statements: string[]) => db.batch(statements.map((sql) => db.prepare(sql)));
const find = (word: string) => searchIndex(db, { words: [word], page: 1, pageSize: 100, snippets: 100 });
/** A word in no article, and the sentence that brings it into the edited one. */
const NEW_WORD = "zymurgy";
const NEW_SENTENCE = `Zymurgy has nothing to do with this.`;

/** The article with its first paragraph's text replaced by NEW_SENTENCE, and the paragraph's old text. */
function edited(article: CompiledArticle): { article: CompiledArticle; removed: string } {
  const copy = structuredClone(article);
  const paragraphs = (sections: Section[]): { text: string }[] =>
    sections.flatMap((section) => [
      ...section.blocks.filter((block) => block.type === "paragraph"),
      ...paragraphs(section.sections),
    ]);
  const [first] = paragraphs(copy.sections);
  if (!first) throw new Error(`${article.slug} has no paragraph`);
  const removed = first.text;
  first.text = NEW_SENTENCE;
  return { article: copy, removed };
}

describe("search after one article's rows are replaced", () => {
  it("finds the article by its new text and not its old, and every other article as before", async () => {
    const article = LOADED.get(SLUGS[0] ?? "")?.entry.article;
    if (!article) throw new Error("the library is empty");
    const other = { ...article, slug: "a-copy-under-another-slug" };
    await applyD1Migrations(db, env.TEST_SEARCH_MIGRATIONS);
    await run(seedStatements([article, other]));
    const change = edited(article);
    const word = change.removed.split(/\W+/).find((candidate) => candidate.length > 3) ?? "";
    const before = await find(word);
    expect(before.hits.map((hit) => hit.slug)).toContain(article.slug);

    const held = await db
      .prepare("SELECT * FROM search_revisions WHERE slug = ?1")
      .bind(article.slug)
      .first<HeldRevision>();
    if (!held) throw new Error("the seed recorded no revision");
    await run([...removalStatements(held), ...articleStatements(change.article, "edited")]);

    const found = await find(NEW_WORD);
    expect(found.hits.map((hit) => hit.slug)).toEqual([article.slug]);
    expect(found.hits[0]?.snippets.map((snippet) => snippet.text)).toEqual([NEW_SENTENCE]);
    const after = await find(word);
    const snippets = after.hits.find((hit) => hit.slug === article.slug)?.snippets.map((snippet) => snippet.text) ?? [];
    expect(snippets.some((text) => change.removed.includes(text))).toBe(false);
    expect(after.hits.find((hit) => hit.slug === other.slug)).toEqual(
      before.hits.find((hit) => hit.slug === other.slug),
    );

    const row = await db
      .prepare("SELECT first_unit, last_unit FROM search_articles WHERE slug = ?1")
      .bind(article.slug)
      .first<{ first_unit: number; last_unit: number }>();
    expect((row?.last_unit ?? 0) - (row?.first_unit ?? 0) + 1).toBe(searchUnits(change.article).length);
  });
});
