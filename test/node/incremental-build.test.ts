/**
 * The incremental content build (scripts/content/build-library.ts): the same
 * library as the reference compiler, in both output forms; an edit compiles
 * only its article; a broken edit fails the whole build with its
 * `file:line: message` and writes nothing, however much is cached; a deleted
 * article leaves the output; worker threads give the same bytes.
 */
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ArticleCache } from "../../scripts/content/article-cache";
import { type BuildOptions, buildLibrary } from "../../scripts/content/build-library";
import { type ArticleBytes, articleText, readArticleBytes } from "../../scripts/content/compile-article";
import { compileLibrary } from "../../scripts/content/compile-library";
import { ContentErrors } from "../../scripts/content/content-error";
import { articleDigest, fileHash, indexedArticle, libraryIndex } from "../../scripts/content/library-index";
import { libraryModule } from "../../scripts/content/library-module";
import { writeSyntheticLibrary } from "../../scripts/content/synthetic/library";
import type { CompiledEntry, LibraryIndex } from "../../src/content/model";
import { editFile } from "./support/edit-file";

/** Room for a shared, loaded machine: a limit, not a measurement. */
const SLOW = 120_000;

const FIXTURES = join(import.meta.dirname, "../fixtures/content");
const ARTICLE = "content/sample-condition/article.md";
/** How many article folders the test content has: one of them withdrawn (written to the index only). */
const FOLDERS = readdirSync(FIXTURES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).length;
const WITHDRAWN = "withdrawn-condition";

describe("the incremental build", () => {
  let root: string;
  let options: BuildOptions;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "build-"));
    cpSync(FIXTURES, join(root, "content"), { recursive: true });
    options = {
      contentDir: join(root, "content"),
      cwd: root,
      outDir: join(root, "out"),
      moduleFile: join(root, "out/library.ts"),
      cacheRoot: join(root, "cache"),
      threads: 1,
    };
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  /** The index file, beside the articles' files. */
  const index = () => JSON.parse(read("out/index.json")) as LibraryIndex;
  const articleFile = (slug: string) => JSON.parse(read(`out/articles/${slug}.json`)) as CompiledEntry;
  const read = (path: string) => readFileSync(join(root, path), "utf8");
  const edit = (path: string, find: string, replace: string) => editFile(join(root, path), find, replace);
  const outputs = () =>
    Object.fromEntries(
      readdirSync(join(root, "out"), { recursive: true, encoding: "utf8" })
        .sort()
        .map((p) => [p, tryRead(p)]),
    );
  const tryRead = (path: string) => (/\.(json|ts)$/.test(path) ? read(`out/${path}`) : "(folder)");

  it(
    "writes each article, the index and its module as the reference compiler compiles them, compiled or cached",
    async () => {
      const report = await buildLibrary(options);
      expect(report).toMatchObject({ compiled: FOLDERS, fromCache: 0 });
      const compiled = compileLibrary(options.contentDir, root);
      const withdrawn = compiled.entries.filter((entry) => entry.withdrawn);
      const reference = { entries: compiled.entries.filter((entry) => !entry.withdrawn) };
      // A withdrawn article is in the index only: its text is never written.
      expect(withdrawn.map((entry) => entry.article.slug)).toEqual([WITHDRAWN]);
      expect(existsSync(join(root, `out/articles/${WITHDRAWN}.json`))).toBe(false);
      expect(existsSync(join(root, `out/digests/${WITHDRAWN}.json`))).toBe(false);
      for (const entry of reference.entries) {
        // The build adds the change log (test/node/change-log.test.ts); the rest is the compiler's.
        const { changes, ...compiled } = articleFile(entry.article.slug);
        expect(compiled).toEqual(entry);
        expect(changes?.length).toBeGreaterThan(0);
        expect(JSON.parse(read(`out/digests/${entry.article.slug}.json`))).toEqual(articleDigest(entry));
      }
      // Each row names the SHA-256 of its article's two files' bytes, which the Worker checks what it reads against.
      const expected = libraryIndex(
        reference.entries.map((entry) => ({
          ...indexedArticle(entry),
          files: {
            article: fileHash(read(`out/articles/${entry.article.slug}.json`)),
            digest: fileHash(read(`out/digests/${entry.article.slug}.json`)),
          },
        })),
        withdrawn.map(({ article, withdrawn: withdrawal }) => ({
          slug: article.slug,
          title: article.title,
          withdrawnAt: withdrawal?.date ?? "",
          reason: withdrawal?.reason ?? "",
          replacedBy: withdrawal?.replacedBy ?? null,
        })),
      );
      expect(index()).toEqual(expected);
      // The module names the index it was built with: the Worker refuses an index file of another version.
      const module = read("out/library.ts");
      expect(module).toBe(libraryModule(expected));
      expect(module).toContain(JSON.stringify(expected.version));
      // Newest change first, as the Worker lists them.
      const newestFirst = [...reference.entries]
        .map((entry) => entry.article)
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.slug.localeCompare(b.slug));
      const { articles } = index();
      expect(articles.map((article) => article.slug)).toEqual(newestFirst.map((article) => article.slug));
      const entry = articleFile("sample-condition");
      expect(articles.find((article) => article.slug === "sample-condition")).toMatchObject({
        title: entry.article.title,
        hash: entry.article.hash,
        updatedAt: entry.article.updatedAt,
      });
      // From the cache: the same bytes.
      expect(await buildLibrary(options)).toMatchObject({ compiled: 0, fromCache: FOLDERS });
      expect(read("out/library.ts")).toBe(module);
    },
    SLOW,
  );

  it(
    "compiles nothing and writes nothing when nothing changed",
    async () => {
      await buildLibrary(options);
      const before = outputs();
      expect(await buildLibrary(options)).toMatchObject({ compiled: 0, fromCache: FOLDERS, written: 0 });
      expect(outputs()).toEqual(before);
    },
    SLOW,
  );

  it(
    "compiles only the article that was edited",
    async () => {
      await buildLibrary(options);
      const before = outputs();
      edit(ARTICLE, "A paragraph in the first topic.", "An edited paragraph in the first topic.");
      expect(await buildLibrary(options)).toMatchObject({ compiled: 1, fromCache: FOLDERS - 1 });
      expect(JSON.stringify(articleFile("sample-condition"))).toContain("An edited paragraph in the first topic.");
      const after = outputs();
      const changed = Object.keys(after).filter((path) => after[path] !== before[path]);
      expect(changed).toEqual([
        "articles/sample-condition.json",
        "digests/sample-condition.json",
        "index.json",
        "library.ts",
        // Its shard of the index (one for four articles): every shard names the index's version, which changed.
        "rows/0.json",
      ]);
    },
    SLOW,
  );

  it(
    "fails the whole build with file:line on a broken edit, writes nothing, and uses nothing cached",
    async () => {
      await buildLibrary(options);
      const before = outputs();
      const { mtime } = statSync(join(root, ARTICLE));
      edit(ARTICLE, "title: Sample condition\n", "");
      const failure = await buildLibrary(options).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ContentErrors);
      expect((failure as ContentErrors).errors.map((problem) => problem.message)).toEqual([
        `${ARTICLE}:2: missing field "title"`,
      ]);
      expect(outputs()).toEqual(before);
      // Broken again: a problem is reported on every build, never cached.
      await expect(buildLibrary(options)).rejects.toThrow(`${ARTICLE}:2: missing field "title"`);
      edit(ARTICLE, "slug: sample-condition\n", "slug: sample-condition\ntitle: Sample condition\n");
      // The same bytes and file time as before the edit: the same article, from the cache.
      utimesSync(join(root, ARTICLE), mtime, mtime);
      expect(await buildLibrary(options)).toMatchObject({ compiled: 0, written: 0 });
      expect(outputs()).toEqual(before);
    },
    SLOW,
  );

  it(
    "refuses a withdrawn article replaced by one the library does not publish",
    async () => {
      const file = `content/${WITHDRAWN}/article.md`;
      edit(file, "replacedBy: sample-condition", "replacedBy: no-such-article");
      const failure = await buildLibrary(options).catch((error: unknown) => error);
      expect((failure as ContentErrors).errors.map((problem) => problem.message)).toEqual([
        `${file}:1: withdrawn.replacedBy "no-such-article" is not an article this library publishes`,
      ]);
    },
    SLOW,
  );

  it(
    "removes a deleted article from the output",
    async () => {
      await buildLibrary(options);
      rmSync(join(root, "content/hostile-condition"), { recursive: true });
      // Its two files: the article and its digest.
      expect(await buildLibrary(options)).toMatchObject({ compiled: 0, fromCache: FOLDERS - 1, removed: 2 });
      expect(existsSync(join(root, "out/articles/hostile-condition.json"))).toBe(false);
      expect(existsSync(join(root, "out/digests/hostile-condition.json"))).toBe(false);
      expect(index().articles.map((article) => article.slug)).not.toContain("hostile-condition");
      expect(index().articles).toHaveLength(FOLDERS - 2);
    },
    SLOW,
  );

  it(
    "compiles without a cache, and on worker threads, to the same bytes",
    async () => {
      const library = join(root, "synthetic");
      writeSyntheticLibrary({ count: 40, out: library });
      const one = { contentDir: library, cwd: root, outDir: join(root, "one"), threads: 1 };
      const two = { ...one, outDir: join(root, "two"), threads: 2 };
      expect(await buildLibrary(one)).toMatchObject({ compiled: 40, threads: 1 });
      expect(await buildLibrary(two)).toMatchObject({ compiled: 40, threads: 2 });
      const files = (dir: string) =>
        readdirSync(dir, { recursive: true, encoding: "utf8" })
          .filter((path) => path.endsWith(".json"))
          .sort()
          .map((path) => [path, readFileSync(join(dir, path), "utf8")]);
      expect(files(two.outDir)).toEqual(files(one.outDir));
      // 40 articles, their 40 digests, the index and its two shards.
      expect(files(one.outDir)).toHaveLength(83);
    },
    SLOW,
  );

  it(
    "reports a broken article compiled on a worker thread with its file:line",
    async () => {
      const library = join(root, "synthetic");
      const { slugs } = writeSyntheticLibrary({ count: 40, out: library });
      const broken = `synthetic/${slugs[7]}/facts.yaml`;
      writeFileSync(join(root, broken), `${read(broken)}colour: blue\n`);
      const line = read(broken).split("\n").length - 1;
      await expect(
        buildLibrary({ contentDir: library, cwd: root, outDir: join(root, "out"), threads: 2 }),
      ).rejects.toThrow(`${broken}:${line}: unknown field "colour"`);
      expect(existsSync(join(root, "out"))).toBe(false);
    },
    SLOW,
  );
});

describe("the cache key", () => {
  const bytes = (article: number[] | string, codes?: string): ArticleBytes => ({
    "article.md": Buffer.from(article as string),
    "facts.yaml": Buffer.from("facts: []\n"),
    "codes.yaml": codes === undefined ? undefined : Buffer.from(codes),
  });

  it("is of the files' bytes, not of their decoded text", () => {
    const cache = new ArticleCache(tmpdir(), "content");
    // Two different invalid UTF-8 bytes decode to the same replacement character.
    const a = bytes([0x61, 0xff]);
    const b = bytes([0x61, 0xfe]);
    expect(articleText(a)["article.md"]).toBe(articleText(b)["article.md"]);
    expect(cache.key("x", a)).not.toBe(cache.key("x", b));
    // The same bytes: the same key, from another cache of the same folder too.
    expect(cache.key("x", bytes("text"))).toBe(new ArticleCache(tmpdir(), "content").key("x", bytes("text")));
    // An absent file is not an empty one, and the folder's name counts.
    expect(cache.key("x", bytes("text"))).not.toBe(cache.key("x", bytes("text", "")));
    expect(cache.key("x", bytes("text"))).not.toBe(cache.key("y", bytes("text")));
    // Where one file ends and the next begins is part of the key.
    expect(cache.key("x", bytes("ab", "c"))).not.toBe(cache.key("x", bytes("a", "bc")));
  });

  it("reads the text the compiler would have read, byte order mark and all", () => {
    const folder = mkdtempSync(join(tmpdir(), "article-"));
    try {
      writeFileSync(join(folder, "article.md"), "\uFEFF# Café\n");
      writeFileSync(join(folder, "facts.yaml"), Buffer.from([0x61, 0xff, 0x0a]));
      const text = articleText(readArticleBytes(folder));
      expect(text["article.md"]).toBe(readFileSync(join(folder, "article.md"), "utf8"));
      expect(text["facts.yaml"]).toBe(readFileSync(join(folder, "facts.yaml"), "utf8"));
      expect(text["codes.yaml"]).toBeUndefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
