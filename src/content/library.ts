/**
 * The one module that reads compiled content. The index of every article is
 * held in memory (read from the assets once per isolate); an article's text
 * and its digest are read from their files on demand (article-files.ts), so
 * the library's size does not weigh on the Worker's size, start-up or memory.
 */
import { type ArticleBodyKind, readArticleBody, type StoredArticleBody } from "./article-bodies";
import { ArticleFileCache, type AssetReader } from "./article-files";
import type { ArticleDigest, CompiledEntry, IndexedArticle, LibraryIndex, Section, WithdrawnArticle } from "./model";

export interface LocatedSection {
  section: Section;
  /** Ids from the top-level section down to this one. */
  path: string[];
}

/** The order every list serves: newest change first, ties broken by slug so the order is stable. */
export function newestFirst(
  a: Pick<IndexedArticle, "updatedAt" | "slug">,
  b: Pick<IndexedArticle, "updatedAt" | "slug">,
) {
  return b.updatedAt.localeCompare(a.updatedAt) || a.slug.localeCompare(b.slug);
}

/** A withdrawal's date as an instant: its day's start, UTC. */
export function withdrawalTime(withdrawn: Pick<WithdrawnArticle, "withdrawnAt">): string {
  return `${withdrawn.withdrawnAt}T00:00:00.000Z`;
}

/** When the library last changed: its newest article revision, or its newest withdrawal (the epoch for neither). */
export function libraryUpdatedAt(index: LibraryIndex): string {
  let latest = new Date(0).toISOString();
  for (const time of [...index.articles.map((a) => a.updatedAt), ...(index.withdrawn ?? []).map(withdrawalTime)]) {
    // ISO instants of one form compare as text.
    if (time > latest) latest = time;
  }
  return latest;
}

export class ContentLibrary {
  /** Every article, in the order of `newestFirst`. */
  readonly articles: readonly IndexedArticle[];
  /** The newest content revision across all articles. */
  readonly updatedAt: string;
  /** Articles withdrawn by their publishers, newest withdrawal first: no longer listed, their URLs 410 Gone. */
  readonly withdrawn: readonly WithdrawnArticle[];
  private readonly bySlug: Map<string, IndexedArticle>;
  private readonly withdrawnBySlug: Map<string, WithdrawnArticle>;
  private readonly files: ArticleFileCache;

  constructor(index: LibraryIndex, files = new ArticleFileCache()) {
    this.articles = [...index.articles].sort(newestFirst);
    this.updatedAt = libraryUpdatedAt(index);
    this.bySlug = new Map(this.articles.map((article) => [article.slug, article]));
    this.withdrawn = index.withdrawn ?? [];
    this.withdrawnBySlug = new Map(this.withdrawn.map((article) => [article.slug, article]));
    this.files = files;
  }

  /** The article's index entry: enough to tell whether it exists, list it and link to it. */
  find(slug: string): IndexedArticle | undefined {
    return this.bySlug.get(slug);
  }

  /** The withdrawal of an article its publisher withdrew; undefined for any other slug. */
  withdrawal(slug: string): WithdrawnArticle | undefined {
    return this.withdrawnBySlug.get(slug);
  }

  /** The whole article, read through `assets`; undefined when the library has no such article. */
  async article(slug: string, assets: AssetReader): Promise<LoadedArticle | undefined> {
    return this.requested(slug, assets)?.load();
  }

  /** The article, found in the index, its files read through `assets` only when asked for; undefined when there is none. */
  requested(slug: string, assets: AssetReader): RequestedArticle | undefined {
    const indexed = this.bySlug.get(slug);
    return indexed && new RequestedArticle(indexed, this.files, assets);
  }

  /** The articles' index rows with their digests (each must be in the index), in the order given. */
  digestsOf(articles: readonly IndexedArticle[], assets: AssetReader): Promise<DigestedArticle[]> {
    return Promise.all(articles.map((indexed) => new RequestedArticle(indexed, this.files, assets).digested()));
  }
}

/** An article as lists, feeds and search results show it: its index row and its digest, never its text. */
export interface DigestedArticle {
  indexed: IndexedArticle;
  digest: ArticleDigest;
}

/** An article a request names: its index row at once; its file, its digest or one of its prebuilt bodies when asked for. */
export class RequestedArticle {
  private loaded: Promise<LoadedArticle> | undefined;

  constructor(
    readonly indexed: IndexedArticle,
    private readonly files: ArticleFileCache,
    private readonly assets: AssetReader,
  ) {}

  /** The whole article, read and parsed once. */
  load(): Promise<LoadedArticle> {
    this.loaded ??= this.files.read(this.indexed, this.assets, (entry) => new LoadedArticle(entry));
    return this.loaded;
  }

  /** The article as lists show it: its index row and its digest, never its text. */
  async digested(): Promise<DigestedArticle> {
    return { indexed: this.indexed, digest: await this.files.digest(this.indexed, this.assets) };
  }

  /** The body of `kind` the build rendered for this article, or why it cannot stand for it. */
  body(kind: ArticleBodyKind): Promise<StoredArticleBody | { unusable: string }> {
    return readArticleBody(this.assets, this.indexed, kind);
  }
}

/** A whole article, with its sections found by id. */
export class LoadedArticle {
  private readonly sectionsById: Map<string, LocatedSection>;

  constructor(readonly entry: CompiledEntry) {
    this.sectionsById = indexSections(entry.article.sections);
  }

  section(id: string): LocatedSection | undefined {
    return this.sectionsById.get(id);
  }

  /** Every section in document order, at any depth. */
  sections(): LocatedSection[] {
    return [...this.sectionsById.values()];
  }
}

function indexSections(sections: Section[], ancestors: string[] = [], index = new Map<string, LocatedSection>()) {
  for (const section of sections) {
    const path = [...ancestors, section.id];
    index.set(section.id, { section, path });
    indexSections(section.sections, path, index);
  }
  return index;
}
