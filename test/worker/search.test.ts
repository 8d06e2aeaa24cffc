/**
 * GET /v1/search against the real Worker and miniflare's D1 (SQLite FTS5),
 * seeded from the build's output for this project's library
 * (test/support/search-database.ts). What each test expects is derived from
 * the library (test/support/library.ts), so it holds for any articles.
 */
import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seedStatements } from "../../scripts/search/search-rows";
import type { ArticleResource, SearchResults } from "../../src/api/schemas";
import type { CompiledEntry, IndexedArticle } from "../../src/content/model";
import { blockSentences } from "../../src/content/publisher-text";
import { allWords, allWordsInTitle } from "../../src/search/fts-query";
import { MARK_END, MARK_START } from "../../src/search/highlights";
import { ARTICLES as ARTICLES_TABLE, BM25_WEIGHTS } from "../../src/search/schema";
import { bestSentences, RANKED_AT_MOST, type SearchRequest, searchIndex } from "../../src/search/search-index";
import { loadArticles } from "../support/articles";
import { ARTICLES, SLUGS } from "../support/library";
import { call, getJson, getProblem, ORIGIN } from "../support/worker";

const LOADED = await loadArticles();
/** The whole article with this slug, which the library holds. */
function loaded(slug: string) {
  const article = LOADED.get(slug);
  if (!article) throw new Error(`the library has no article "${slug}"`);
  return article;
}
/** The fixtures' articles, as their build wrote them (test/fixtures/generated/assets). */
const FIXTURES = Object.values(
  import.meta.glob<CompiledEntry>("../fixtures/generated/assets/_content/articles/*.json", {
    eager: true,
    import: "default",
  }),
).map((entry) => entry.article);

const search = (q: string, extra = "") => `/v1/search?q=${encodeURIComponent(q)}${extra}`;

/** Every whole sentence or list item of an article's text, by section id. */
function sentencesBySection(slug: string): Map<string, Set<string>> {
  return new Map(
    loaded(slug)
      .sections()
      .map(({ section }) => [section.id, new Set(blockSentences(section.blocks))]),
  );
}

/** The words of a text, as a reader would type them. */
const wordsOf = (text: string): string[] => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** The longest word of an article's first sentence: a word the article certainly holds. */
function wordOf(article: IndexedArticle): string {
  const [first] = loaded(article.slug)
    .sections()
    .flatMap(({ section }) => blockSentences(section.blocks));
  const words = wordsOf(first ?? article.title).sort((a, b) => b.length - a.length);
  return words[0] ?? article.title;
}

/** Queries drawn from the library: a title, a heading, a sentence's longest word, two words together. */
const QUERIES = [
  ...new Set(
    ARTICLES.flatMap((article) => {
      const headings = loaded(article.slug)
        .sections()
        .flatMap(({ section }) => (section.title ? [section.title] : []));
      return [article.title, headings[1] ?? article.title, wordOf(article), `${wordOf(article)} ${article.title}`];
    }),
  ),
];

async function everyPage(q: string, pageSize: number): Promise<SearchResults["items"]> {
  const items: SearchResults["items"] = [];
  for (let page = 1; ; page++) {
    const results = await getJson<SearchResults>(search(q, `&page=${page}&pageSize=${pageSize}`));
    items.push(...results.items);
    if (page >= results.totalPages) return items;
  }
}

describe("GET /v1/search: what it finds", () => {
  it.each(QUERIES)("%s: every snippet is a whole sentence or list item of its section, verbatim", async (q) => {
    const results = await getJson<SearchResults>(search(q, "&pageSize=100"));
    expect(results.items.length).toBeGreaterThan(0);
    for (const item of results.items) {
      const sentences = sentencesBySection(item.slug);
      expect(SLUGS).toContain(item.slug);
      expect(item.title).toBe(LOADED.get(item.slug)?.entry.article.title);
      for (const snippet of item.snippets) {
        expect(sentences.get(snippet.section.id)?.has(snippet.text), `${item.slug}#${snippet.section.id}`).toBe(true);
        expect(snippet.section.title).toBe(LOADED.get(item.slug)?.section(snippet.section.id)?.section.title);
      }
    }
  });

  it.each(QUERIES)("%s: every highlight is a searched-for word inside its sentence", async (q) => {
    const stems = wordsOf(q).map((word) => word.toLowerCase().slice(0, 4));
    const results = await getJson<SearchResults>(search(q, "&pageSize=100"));
    for (const snippet of results.items.flatMap((item) => item.snippets)) {
      expect(snippet.highlights.length).toBeGreaterThan(0);
      for (const { start, end } of snippet.highlights) {
        expect(0 <= start && start < end && end <= snippet.text.length).toBe(true);
        const highlighted = snippet.text.slice(start, end).toLowerCase();
        expect(wordsOf(highlighted)).toEqual([highlighted]);
        expect(
          stems.some((stem) => highlighted.startsWith(stem)),
          highlighted,
        ).toBe(true);
      }
    }
  });

  it("finds every article holding a word, links to it and to each snippet's section", async () => {
    for (const article of ARTICLES) {
      const word = wordOf(article);
      const holders = ARTICLES.filter((other) =>
        loaded(other.slug)
          .sections()
          .some(({ section }) => blockSentences(section.blocks).some((sentence) => wordsOf(sentence).includes(word))),
      ).map((other) => other.slug);
      const items = await everyPage(word, 100);
      expect(items.map((item) => item.slug)).toEqual(expect.arrayContaining(holders));
      const found = items.find((item) => item.slug === article.slug);
      expect(found?.canonicalUrl).toBe(`${ORIGIN}/articles/${article.slug}`);
      expect(found?.links).toEqual({
        self: `${ORIGIN}/v1/articles/${article.slug}`,
        html: `${ORIGIN}/articles/${article.slug}`,
      });
      for (const snippet of found?.snippets ?? []) {
        expect(snippet.links.html).toBe(`${ORIGIN}/articles/${article.slug}#${snippet.section.id}`);
        expect((await call(new URL(snippet.links.self ?? "").pathname)).status).toBe(200);
      }
    }
  });

  it("gives every result its article's attribution, licence, disclaimer and urgent care advice", async () => {
    for (const q of QUERIES) {
      const results = await getJson<SearchResults>(search(q, "&pageSize=100"));
      for (const item of results.items) {
        const article = await getJson<ArticleResource>(`/v1/articles/${item.slug}`);
        const { attribution, licence, disclaimer, urgentCareAdvice } = article;
        expect(item).toMatchObject({ attribution, licence, disclaimer, urgentCareAdvice });
      }
    }
  });

  it("answers a query nothing holds with an empty page, 200", async () => {
    const results = await getJson<SearchResults>(search("qqxzzyqq"));
    expect(results).toMatchObject({
      query: "qqxzzyqq",
      items: [],
      total: 0,
      totalIsLowerBound: false,
      totalPages: 1,
      page: 1,
      pageSize: 10,
    });
  });
});

describe("GET /v1/search: ranking", () => {
  it("ranks an article whose title has the word above one that only mentions it", async () => {
    // A scratch index of two articles with the same text: the library's first, and a copy under another title.
    const article = loaded(SLUGS[0] ?? "").entry.article;
    const body = new Set(
      loaded(article.slug)
        .sections()
        .flatMap(({ section }) => blockSentences(section.blocks)),
    );
    const word = wordsOf(article.title).find((candidate) => [...body].some((s) => wordsOf(s).includes(candidate)));
    if (!word) throw new Error(`no word of "${article.title}" is in its text`);
    // Its slug sorts first, so a tie would put it first.
    const untitled = { ...article, slug: "a-copy-under-another-title", title: "Another title" };
    await applyD1Migrations(env.SEARCH_SCRATCH, env.TEST_SEARCH_MIGRATIONS);
    const statements = seedStatements([untitled, article]);
    await env.SEARCH_SCRATCH.batch(statements.map((statement) => env.SEARCH_SCRATCH.prepare(statement)));
    const found = await searchIndex(env.SEARCH_SCRATCH, { words: [word], page: 1, pageSize: 10, snippets: 3 });
    expect(found.total).toBe(2);
    expect(found.hits.map((hit) => hit.slug)).toEqual([article.slug, untitled.slug]);
  });

  it("finds the same in an article too long for one statement, written in several", async () => {
    const article = loaded(SLUGS[0] ?? "").entry.article;
    const maxBytes = 4_000;
    const statements = seedStatements([article], maxBytes);
    expect(statements.some((statement) => statement.startsWith("UPDATE"))).toBe(true);
    for (const statement of statements)
      expect(new TextEncoder().encode(statement).length).toBeLessThanOrEqual(maxBytes);
    await applyD1Migrations(env.SEARCH_SCRATCH, env.TEST_SEARCH_MIGRATIONS);
    await env.SEARCH_SCRATCH.batch(statements.map((statement) => env.SEARCH_SCRATCH.prepare(statement)));
    for (const q of QUERIES) {
      const request = { words: wordsOf(q), page: 1, pageSize: 100, snippets: 3 };
      const chunked = await searchIndex(env.SEARCH_SCRATCH, request);
      const whole = await searchIndex(env.SEARCH, request);
      expect(chunked.hits, q).toEqual(whole.hits.filter((hit) => hit.slug === article.slug));
    }
  });

  it("keeps hostile text verbatim through the seed: quotes, markup, invisible and bidirectional characters", async () => {
    const articles = FIXTURES;
    expect(articles.length).toBeGreaterThan(0);
    await applyD1Migrations(env.SEARCH_SCRATCH, env.TEST_SEARCH_MIGRATIONS);
    const statements = seedStatements(articles);
    await env.SEARCH_SCRATCH.batch(statements.map((statement) => env.SEARCH_SCRATCH.prepare(statement)));
    for (const article of articles) {
      const sentences = article.sections.flatMap(function all(section): string[] {
        // Captions are not indexed (scripts/search/search-rows.ts).
        const text = section.blocks.filter((block) => block.type !== "figure");
        return [...blockSentences(text), ...section.sections.flatMap(all)];
      });
      for (const sentence of sentences) {
        const words = wordsOf(sentence).slice(0, 3);
        if (words.length === 0) continue;
        const found = await searchIndex(env.SEARCH_SCRATCH, { words, page: 1, pageSize: 10, snippets: 100 });
        const hit = found.hits.find((candidate) => candidate.slug === article.slug);
        expect(
          hit?.snippets.map((snippet) => snippet.text),
          sentence,
        ).toContain(sentence);
      }
    }
  });

  it("orders the same for every page size", async () => {
    for (const q of QUERIES) {
      const whole = (await everyPage(q, 100)).map((item) => item.slug);
      expect(
        (await everyPage(q, 1)).map((item) => item.slug),
        q,
      ).toEqual(whole);
      expect(new Set(whole).size).toBe(whole.length);
    }
  });
});

/**
 * A scratch index in which ranking has something to settle: the fixtures,
 * the library's first article, a copy of it under another title, and a copy
 * under another slug only (the same text and title: a tie bm25 cannot
 * break). The titled ones come last in the index's order.
 */
async function seedRankingScratch(): Promise<void> {
  const article = loaded(SLUGS[0] ?? "").entry.article;
  const untitled = { ...article, slug: "a-copy-under-another-title", title: "Another title" };
  const twin = { ...article, slug: `${article.slug}-twin` };
  await applyD1Migrations(env.SEARCH_SCRATCH, env.TEST_SEARCH_MIGRATIONS);
  const statements = seedStatements([untitled, ...FIXTURES, twin, article]);
  await env.SEARCH_SCRATCH.batch(statements.map((statement) => env.SEARCH_SCRATCH.prepare(statement)));
}

/**
 * The ranking as it was before searches were bounded, every match ranked in
 * one statement: titled first, then bm25, then slug. The reference for any
 * search matching no more articles than are ranked.
 */
async function exactRanking(db: D1Database, words: string[]): Promise<string[]> {
  const A = ARTICLES_TABLE.table;
  const { results } = await db
    .prepare(
      `WITH titled AS MATERIALIZED (SELECT rowid AS id FROM ${A} WHERE ${A} MATCH ?2)
      SELECT slug FROM ${A} WHERE ${A} MATCH ?1 ORDER BY rowid IN titled DESC, bm25(${A}, ${BM25_WEIGHTS}), slug`,
    )
    .bind(allWords(words), allWordsInTitle(words))
    .all<{ slug: string }>();
  return results.map((row) => row.slug);
}

/** The slugs of every page of a search in `db`, `pageSize` at a time, and what the first page said of the total. */
async function everyIndexPage(db: D1Database, request: Omit<SearchRequest, "page" | "pageSize">, pageSize: number) {
  const first = await searchIndex(db, { ...request, page: 1, pageSize });
  const slugs = first.hits.map((hit) => hit.slug);
  for (let page = 2; page <= Math.ceil(first.total / pageSize); page++) {
    slugs.push(...(await searchIndex(db, { ...request, page, pageSize })).hits.map((hit) => hit.slug));
  }
  return { slugs, total: first.total, totalIsLowerBound: first.totalIsLowerBound };
}

/** Words whose ranking is worth checking: the test queries', and common ones every copy holds. */
const RANKING_QUERIES = [...QUERIES, "leg", "cramps", "leg cramps", "the", "and"].map(wordsOf);

describe("GET /v1/search: ranking bounded by RANKED_AT_MOST", () => {
  it("ranks as every match ranked at once when no more match than are ranked, whatever the page size", async () => {
    await seedRankingScratch();
    for (const words of RANKING_QUERIES) {
      const exact = await exactRanking(env.SEARCH_SCRATCH, words);
      expect(exact.length).toBeLessThanOrEqual(RANKED_AT_MOST);
      for (const pageSize of [1, 2, 100]) {
        const found = await everyIndexPage(env.SEARCH_SCRATCH, { words, snippets: 1 }, pageSize);
        expect(found.slugs, `${words.join(" ")}, ${pageSize} a page`).toEqual(exact);
        expect(found.total).toBe(exact.length);
        expect(found.totalIsLowerBound).toBe(false);
      }
    }
    // The twins tie on every key but the slug, and the titled ones rank first although they come last in the index.
    const article = SLUGS[0] ?? "";
    const leg = await exactRanking(env.SEARCH_SCRATCH, ["leg"]);
    expect(leg.indexOf(article)).toBe(leg.indexOf(`${article}-twin`) - 1);
  });

  it("past it, ranks the first matches and, ahead of them, the first whose title has every word; the total is a lower bound", async () => {
    await seedRankingScratch();
    const A = ARTICLES_TABLE.table;
    const matching = async (query: string) =>
      (
        await env.SEARCH_SCRATCH.prepare(`SELECT slug FROM ${A} WHERE ${A} MATCH ?1 ORDER BY rowid`)
          .bind(query)
          .all<{ slug: string }>()
      ).results.map((row) => row.slug);
    let checked = 0;
    for (const words of RANKING_QUERIES) {
      const all = await matching(allWords(words));
      const titledAll = await matching(allWordsInTitle(words));
      for (const rankedAtMost of [1, 2]) {
        if (all.length <= rankedAtMost) continue;
        checked++;
        const first = all.slice(0, rankedAtMost);
        const titled = titledAll.slice(0, rankedAtMost);
        const ranked = new Set([...titled, ...first]);
        const pages = await everyIndexPage(env.SEARCH_SCRATCH, { words, snippets: 1, rankedAtMost }, 1);
        const label = `${words.join(" ")}, ${rankedAtMost} ranked`;
        expect(pages.totalIsLowerBound, label).toBe(true);
        expect(pages.total, label).toBe(ranked.size);
        expect(new Set(pages.slugs), label).toEqual(ranked);
        expect(pages.slugs.slice(0, titled.length), label).toEqual(expect.arrayContaining(titled));
        // The rest in the exact ranking's order: bm25, then slug.
        const exact = await exactRanking(env.SEARCH_SCRATCH, words);
        expect(pages.slugs.slice(titled.length), label).toEqual(
          exact.filter((slug) => ranked.has(slug) && !titled.includes(slug)),
        );
        const whole = await everyIndexPage(env.SEARCH_SCRATCH, { words, snippets: 1, rankedAtMost }, 100);
        expect(whole.slugs, label).toEqual(pages.slugs);
      }
    }
    expect(checked).toBeGreaterThan(0);
    // "leg": the library's article and its twin have it in their titles, and come last in the index; they come
    // first (tied on all but the slug), then the first match, the copy under another title.
    const article = SLUGS[0] ?? "";
    const request = { words: ["leg"], page: 1, pageSize: 10, snippets: 1, rankedAtMost: 2 };
    const leg = await searchIndex(env.SEARCH_SCRATCH, request);
    expect(leg.hits.map((hit) => hit.slug).slice(0, 3)).toEqual([
      article,
      `${article}-twin`,
      "a-copy-under-another-title",
    ]);
  });

  it("says whether the total is a lower bound", async () => {
    const results = await getJson<SearchResults>(search(QUERIES[0] ?? ""));
    expect(results.totalIsLowerBound).toBe(false);
    expect(results.total).toBeGreaterThan(0);
  });
});

describe("GET /v1/search: snippets", () => {
  const row = (marked: string) => ({
    section: "s",
    section_title: null,
    body: marked.replaceAll(MARK_START, "").replaceAll(MARK_END, ""),
    marked,
  });
  const mark = (word: string) => `${MARK_START}${word}${MARK_END}`;

  it("puts first the sentences holding the most different words, then the shortest, then the first", () => {
    const rows = [
      row(`A long sentence about ${mark("leg")} pain at night.`),
      row(`${mark("Leg")} pain.`),
      row(`${mark("Leg")} ${mark("cramps")} are common, and ${mark("cramps")} hurt.`),
      row(`Short ${mark("leg")}.`),
      row(`Also a ${mark("leg")}.`),
    ];
    expect(bestSentences(rows, 5).map((snippet) => snippet.text)).toEqual([
      "Leg cramps are common, and cramps hurt.",
      "Leg pain.",
      "Short leg.",
      "Also a leg.",
      "A long sentence about leg pain at night.",
    ]);
    expect(bestSentences(rows, 2)).toHaveLength(2);
    expect(bestSentences(rows, 1)[0]?.highlights).toEqual([
      { start: 0, end: 3 },
      { start: 4, end: 10 },
      { start: 27, end: 33 },
    ]);
  });
});

describe("GET /v1/search: paging", () => {
  it("pages one article at a time with links and a Link header, as /v1/articles does", async () => {
    const q = QUERIES[0] ?? "";
    const total = (await getJson<SearchResults>(search(q))).total;
    const first = await call(search(q, "&pageSize=1"));
    const page1 = await first.json<SearchResults>();
    expect(page1).toMatchObject({ page: 1, pageSize: 1, total, totalPages: total });
    expect(page1.items).toHaveLength(1);
    const url = (page: number) =>
      `${ORIGIN}/v1/search?${new URLSearchParams({ q, page: String(page), pageSize: "1" })}`;
    expect(page1.links.self).toBe(url(1));
    expect(page1.links.last).toBe(url(total));
    expect(first.headers.get("Link")).toContain(`<${url(total)}>; rel="last"`);
    if (total > 1) expect(page1.links.next).toBe(url(2));
    else expect(page1.links.next).toBeUndefined();
    const beyond = await getJson<SearchResults>(search(q, `&page=${total + 1}&pageSize=1`));
    expect(beyond.items).toEqual([]);
    expect(beyond.links.prev).toBe(url(total));
  });
});

describe("GET /v1/search: bad input", () => {
  it.each([
    ["", "no q"],
    ["?q=", "an empty q"],
    [`?q=${"a".repeat(201)}`, "201 characters"],
    ["?q=%21%21%21%20%2A%2A", "no letter or digit"],
    [`?q=${Array.from({ length: 21 }, (_, i) => `w${i}`).join("+")}`, "21 words"],
    ["?q=leg%0Acramps", "a line break"],
    ["?q=leg&q=cramps", "q twice"],
  ])("%s (%s) is a 400 naming q", async (query) => {
    const problem = await getProblem(`/v1/search${query}`, 400);
    expect(problem.type).toBe("/problems/invalid-parameters");
    expect(problem.errors?.map((error) => error.name)).toEqual(["q"]);
  });

  it.each(["0", "10001", "x"])("page=%s is a 400", async (page) => {
    await getProblem(search("leg", `&page=${page}`), 400);
  });

  it.each([
    '"',
    'leg"',
    '"unterminated',
    "NEAR(leg cramps)",
    "leg AND",
    "OR leg",
    "NOT",
    "leg*",
    "*",
    "^leg",
    "title:leg",
    "{body}: leg",
    "body : cramps",
    "(leg",
    "leg)",
    "- leg",
    "leg + cramps",
    "'; DROP TABLE search_units; --",
    "\\",
    "🦵 cramp",
    "l\u0301eg",
  ])("FTS5 syntax in q is searched as text: %s", async (q) => {
    const response = await call(search(q));
    expect([200, 400]).toContain(response.status);
    if (response.status === 200) expect((await response.json<SearchResults>()).query).toBe(q);
  });

  it("never answers 5xx, whatever q holds", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", maxLength: 60 }), async (q) => {
        const response = await call(search(q));
        expect([200, 400], JSON.stringify(q)).toContain(response.status);
      }),
      { numRuns: 200 },
    );
  });
});

describe("GET /v1/search: HTTP", () => {
  it("is revalidated like the collections (never kept by a shared cache: http-caching.test.ts), and is JSON only", async () => {
    const q = search(QUERIES[0] ?? "");
    const response = await call(q);
    const list = await call("/v1/articles");
    expect(response.headers.get("Cache-Control")).toMatch(/^private, /);
    expect(response.headers.get("Last-Modified")).toBe(list.headers.get("Last-Modified"));
    const etag = response.headers.get("ETag") ?? "";
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await call(q, { headers: { "If-None-Match": etag } })).status).toBe(304);
    const head = await call(q, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect((await call(q, { headers: { Accept: "text/html" } })).status).toBe(406);
  });
});
