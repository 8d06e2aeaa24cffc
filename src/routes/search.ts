/**
 * `/v1/search`: the library's titles, headings and text, searched in D1's
 * FTS5 index (src/search/, seeded by the build). Answers are built for each
 * request and not kept in the per-isolate stores: the queries are unbounded,
 * and keeping them would push out the articles' stored responses.
 */
import { LIMITS, SearchQuery } from "../api/parameters";
import { SearchResults } from "../api/schemas";
import { DEFAULT_SEARCH_PAGE_SIZE, SNIPPETS_PER_ARTICLE, searchResults } from "../api/search-results";
import { privateCacheHeaders } from "../http/cache-policy";
import { linkHeader } from "../http/link-header";
import { invalidParameters, ProblemError, problem, UNAVAILABLE_RETRY_SECONDS } from "../http/problem";
import { representation } from "../http/representation-store";
import { sendUnstored } from "../http/send";
import { json, type Operation } from "../openapi/operation";
import { MAX_SEARCH_WORDS, searchWords } from "../search/fts-query";
import { RANKED_AT_MOST, type SearchPage, type SearchRequest, searchIndex } from "../search/search-index";
import { defineRoute } from "./route";

const search = {
  path: "/v1/search",
  operationId: "search",
  summary: "Search the library",
  description: `Articles holding every word of \`q\` anywhere in their title, headings and text (English word forms match, so "cramp" finds "cramps"), best first: articles whose title has every word, then by how well the whole article matches (bm25), title and heading words counting above text. Each comes with up to ${SNIPPETS_PER_ARTICLE} of its sentences holding any of the words, those holding the most of them first, then the shortest: the publisher's whole sentences or list items, never a part of one, with the words' positions and the section each is in. Words are matched as typed: no operators. When more than ${RANKED_AT_MOST} articles match (a word most articles hold), ${RANKED_AT_MOST} of them are ranked: those first in the index, with the first ${RANKED_AT_MOST} whose title has every word ahead of them; \`total\` is then a lower bound (\`totalIsLowerBound\`) and the pages hold the ranked ones. Paged like \`/v1/articles\`, with \`Link\` headers.`,
  tag: "Search",
  query: {
    schema: SearchQuery,
    describe: {
      q: {
        description: `The words to look for, 1 to ${LIMITS.searchLength} characters with at least one letter or digit, at most ${MAX_SEARCH_WORDS} words. Punctuation and operators are searched as text, never as query syntax.`,
        example: "quinine side effects",
      },
      page: { description: `Page number, 1 to ${LIMITS.page}.`, example: "1" },
      pageSize: {
        description: `Articles per page, 1 to ${LIMITS.pageSize}; default ${DEFAULT_SEARCH_PAGE_SIZE}.`,
        example: "10",
      },
    },
  },
  content: json(SearchResults, "SearchResults"),
  paged: true,
  errors: [400, 503],
} as const satisfies Operation;

export const SEARCH_ROUTES = [
  defineRoute(search, async (c) => {
    const { baseUrl } = c.var;
    const query = c.req.valid("query");
    const parameters = { q: query.q, page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_SEARCH_PAGE_SIZE };
    const found = await searchOrRefuse(c.env.SEARCH, {
      ...parameters,
      words: searchWords(query.q),
      snippets: SNIPPETS_PER_ARTICLE,
    });
    // Each result carries its article's urgent care advice, from its digest; its row is read from the shard of
    // the library's index holding it, so a page of results reads at most a page of shards, never the whole index.
    // A hit the library has no article for (an index seeded from other content than this Worker's) is left out,
    // not a 5xx.
    const rows = await Promise.all(found.hits.map((hit) => c.var.findArticle(hit.slug)));
    const articles = await Promise.all(
      rows.flatMap((row) => (row && "article" in row ? [row.article.digested()] : [])),
    );
    const bySlug = new Map(articles.map((article) => [article.indexed.slug, article]));
    const hits = found.hits.filter((hit) => bySlug.has(hit.slug));
    const body = searchResults({ ...found, hits }, bySlug, parameters, baseUrl);
    const built = await representation<SearchResults>({
      json: body,
      // The index is built from the same content as the Worker it is deployed with.
      lastModified: c.var.contentUpdatedAt,
      // The URL holds what someone searched for: no shared cache keeps it.
      headers: { Link: linkHeader(body.links), ...privateCacheHeaders(c.env) },
    });
    return sendUnstored(c, built);
  }),
] as const;

/**
 * The index's answer. The query text cannot be an FTS5 syntax error
 * (src/search/fts-query.ts); should one get through all the same, it is the
 * reader's text that could not be searched, a 400, never a 5xx.
 */
async function searchOrRefuse(db: D1Database, request: SearchRequest): Promise<SearchPage> {
  try {
    return await searchIndex(db, request);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/fts5: syntax error|unterminated string/i.test(message)) {
      invalidParameters([{ in: "query", name: "q", detail: "could not be searched for as given" }]);
    }
    // Anything else is the database's: search is unavailable, nothing else is. Operators are told which,
    // never the message itself, which could hold what someone searched for.
    const missingTables = /no such table/i.test(message);
    console.error(`search: the index could not be searched (${missingTables ? "it has no tables" : "database error"})`);
    const detail = missingTables ? SEARCH_NOT_SET_UP : SEARCH_UNREACHABLE;
    throw new ProblemError(problem("unavailable", detail), { "Retry-After": String(UNAVAILABLE_RETRY_SECONDS) });
  }
}

/** What fixes a search index with no tables: its migration, and its seed. */
const SEARCH_NOT_SET_UP =
  "The search index has no tables yet. Locally, run `npm run search:local`; in production, apply the migration (`npx wrangler d1 migrations apply SEARCH --remote`) and the seed (README, Deploying). Other routes are not affected.";
const SEARCH_UNREACHABLE = "The search index cannot be searched now; other routes are not affected. Try again later.";
