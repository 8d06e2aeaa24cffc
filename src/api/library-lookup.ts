/**
 * The library's articles by clinical code and by name, built once per
 * library (on an isolate's first lookup), so a lookup (`?code=`, Infobutton,
 * CDS Hooks) costs the codes it asks about and the articles they match,
 * never the library's size. Which codes match is code-match.ts's rule; the
 * keys here follow it: the publisher's codes by the system name they were
 * given with, this service's mappings in each system's canonical form.
 */
import { CODE_SYSTEMS, findCodeSystem } from "../content/code-systems";
import type { ContentLibrary } from "../content/library";
import type { IndexedArticle } from "../content/model";
import type { CodeQuery } from "./code-match";

class LibraryLookup {
  /** Positions in the library's order (newest first) by key. */
  private readonly byKey = new Map<string, number[]>();

  constructor(private readonly articles: readonly IndexedArticle[]) {
    articles.forEach((article, position) => {
      const keys = new Set([
        ...article.codes.flatMap((code) => [publisherKey(code.system, code.code), publisherKey(null, code.code)]),
        ...article.codeMappings.map((mapping) => mappedKey(mapping.system.name, mapping.code)),
        ...[article.title, ...article.conditionNames, ...article.codeMappings.map((mapping) => mapping.display)].map(
          nameKey,
        ),
      ]);
      for (const key of keys) {
        const positions = this.byKey.get(key);
        if (positions) positions.push(position);
        else this.byKey.set(key, [position]);
      }
    });
  }

  /** The articles holding any of these codes, in the library's order. */
  withAnyCode(queries: readonly CodeQuery[]): IndexedArticle[] {
    return this.articlesAt(queries.flatMap(queryKeys));
  }

  /**
   * The newest `limit` articles holding any of these codes, in the library's
   * order, each with the queries it holds: what matched is then read from
   * those alone. Each key's articles are held newest first, so only the first
   * `limit` of each can be among the newest `limit` of all: the work is
   * bounded by the codes asked about and `limit`, not by how many match.
   */
  newestByCode(
    queries: readonly CodeQuery[],
    limit: number,
    wanted: (article: IndexedArticle) => boolean = () => true,
  ): { article: IndexedArticle; queries: CodeQuery[] }[] {
    const matched = new Map<number, CodeQuery[]>();
    for (const query of queries) {
      for (const key of queryKeys(query)) {
        for (const position of this.firstWanted(key, limit, wanted)) {
          const answered = matched.get(position);
          if (!answered) matched.set(position, [query]);
          // A query may reach an article under two keys (its code as the publisher's and as a mapping).
          else if (answered.at(-1) !== query) answered.push(query);
        }
      }
    }
    return [...matched]
      .sort(([a], [b]) => a - b)
      .slice(0, limit)
      .flatMap(([position, answered]) => {
        const article = this.articles[position];
        return article ? [{ article, queries: answered }] : [];
      });
  }

  /** The first `limit` positions under `key` whose article is wanted, newest first. */
  private firstWanted(key: string, limit: number, wanted: (article: IndexedArticle) => boolean): readonly number[] {
    const positions = this.byKey.get(key);
    if (positions === undefined) return NONE;
    const found: number[] = [];
    for (const position of positions) {
      if (found.length === limit) break;
      const article = this.articles[position];
      if (article && wanted(article)) found.push(position);
    }
    return found;
  }

  /** The articles whose title, condition names or a mapped code's display text is this name, ignoring case. */
  named(name: string): IndexedArticle[] {
    return this.articlesAt([nameKey(name)]);
  }

  private articlesAt(keys: readonly string[]): IndexedArticle[] {
    const positions = new Set(keys.flatMap((key) => this.byKey.get(key) ?? []));
    return [...positions].sort((a, b) => a - b).flatMap((position) => this.articles[position] ?? []);
  }
}

const lookups = new WeakMap<ContentLibrary, LibraryLookup>();
const NONE: readonly number[] = [];

/** The library's lookup, built on first use and kept as long as the library. */
export function lookupOf(library: ContentLibrary): LibraryLookup {
  let lookup = lookups.get(library);
  if (!lookup) {
    lookup = new LibraryLookup(library.articles);
    lookups.set(library, lookup);
  }
  return lookup;
}

/** Every key a code query matches under: the publisher's codes, and each system's canonical form of the code. */
function queryKeys({ system, code }: CodeQuery): string[] {
  const systems = system === null ? CODE_SYSTEMS : [findCodeSystem(system)].flatMap((found) => found ?? []);
  return [
    publisherKey(system, code),
    ...systems.flatMap((candidate) => {
      const canonical = candidate.canonical(code);
      return canonical === undefined ? [] : [mappedKey(candidate.name, canonical)];
    }),
  ];
}

/** A publisher's code, under the system name it was given with (null: any system), ignoring case. */
function publisherKey(system: string | null, code: string): string {
  return `publisher\n${system?.toLowerCase() ?? "*"}\n${code.toLowerCase()}`;
}

function mappedKey(system: string, code: string): string {
  return `mapped\n${system}\n${code}`;
}

/** A name as Infobutton's display-name search compares it: NFKC, lower case, single spaces. */
export function nameKey(name: string): string {
  return `name\n${name.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim()}`;
}
