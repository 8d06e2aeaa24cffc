/**
 * The incremental search build (scripts/search/seed-writer.ts) and the
 * local database's update (search-update.ts), against real builds of the
 * test content and Miniflare's D1 (workerd's SQLite, as `wrangler dev` runs
 * it): an article's statements are written only when its revision changed;
 * an update applies only what the database's own revisions lack, keeps each
 * article's units on consecutive rowids named by its row, and leaves the
 * database as the whole seed applied in one go would.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import ts from "typescript";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { unstable_splitSqlQuery } from "wrangler";
import { buildLibrary } from "../../scripts/content/build-library";
import { ROW_WRITER_FILES } from "../../scripts/search/search-revision";
import { updateSearchIndex } from "../../scripts/search/search-update";
import { SeedFolder } from "../../scripts/search/seed-folder";
import { writeArticleFiles, writeSeed } from "../../scripts/search/seed-writer";
import { editFile } from "./support/edit-file";

const ROOT = join(import.meta.dirname, "../..");
const FIXTURES = join(ROOT, "test/fixtures/content");
const EDITED = "sample-condition";
const REMOVED = "coded-condition";
/** A word no fixture holds, written into the edited article. */
const NEW_WORD = "zymurgy";
/** Room for wrangler's start on a shared, loaded machine: a limit, not a measurement. */
const SLOW = 120_000;

type Database = Awaited<ReturnType<Miniflare["getD1Database"]>>;

describe("the incremental search build and update", () => {
  let root: string;
  let mf: Miniflare;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "search-"));
    cpSync(FIXTURES, join(root, "content"), { recursive: true });
    // As wrangler opens a local database (scripts/search/update-local.ts), in memory.
    mf = new Miniflare(
      convertV4MiniflareOptions({ modules: true, script: "", d1Databases: { UPDATED: "updated", SEEDED: "seeded" } }),
    );
  });
  afterEach(async () => {
    await mf.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  const folder = () => new SeedFolder(join(root, "search/seed.sql"));
  /** The content build, then the search build, as `npm run build` runs them. */
  const build = async () => {
    const out = join(root, "assets/_content");
    await buildLibrary({
      contentDir: join(root, "content"),
      cwd: root,
      outDir: out,
      moduleFile: join(root, "library.ts"),
      cacheRoot: join(root, "cache"),
      threads: 1,
    });
    const files = writeArticleFiles(out, folder());
    return { ...files, seed: writeSeed(folder(), files) };
  };
  const migrated = async (binding: string) => {
    const db = await mf.getD1Database(binding);
    const migrations = readdirSync(join(ROOT, "migrations"))
      .filter((name) => name.endsWith(".sql"))
      .sort()
      .flatMap((name) => unstable_splitSqlQuery(readFileSync(join(ROOT, "migrations", name), "utf8")));
    await db.batch(migrations.map((sql) => db.prepare(sql)));
    return db;
  };
  const edit = (slug: string, find: string, replace: string) =>
    editFile(join(root, "content", slug, "article.md"), find, replace);

  it("writes no article's statements, and not the seed, on unchanged input; one article's for one edit", async () => {
    const first = await build();
    expect(first.written).toBe(Object.keys(first.revisions).length);
    const seed = readFileSync(folder().seedFile);
    expect(await build()).toMatchObject({ written: 0, removed: 0, seed: { written: false } });
    expect(readFileSync(folder().seedFile)).toEqual(seed);
    edit(EDITED, "A paragraph in the first topic.", `A paragraph about ${NEW_WORD} in the first topic.`);
    expect(await build()).toMatchObject({ written: 1, seed: { written: true } });
    rmSync(join(root, "content", REMOVED), { recursive: true });
    expect(await build()).toMatchObject({ written: 0, removed: 1, seed: { written: true } });
  });

  it("replaces exactly the edited article's rows, and search finds its new text", async () => {
    await build();
    const db = await migrated("UPDATED");
    const filled = await updateSearchIndex(db, folder());
    expect(filled).toMatchObject({ emptied: true, replaced: [], removed: [] });
    expect(filled.added.sort()).toEqual(Object.keys(folder().manifest().revisions));
    expect(await updateSearchIndex(db, folder())).toMatchObject({ added: [], replaced: [], statements: 0 });

    edit(EDITED, "A paragraph in the first topic.", `A paragraph about ${NEW_WORD} in the first topic.`);
    await build();
    const others = await articleRows(db, (slug) => slug !== EDITED);
    const delta = await updateSearchIndex(db, folder());
    expect(delta).toMatchObject({ emptied: false, added: [], replaced: [EDITED], removed: [] });
    expect(await articleRows(db, (slug) => slug !== EDITED)).toEqual(others);
    expect(await matching(db, NEW_WORD)).toEqual([EDITED]);
    await expectConsistent(db, folder());
    // The same as the whole seed, applied in one go to a fresh database.
    const seeded = await migrated("SEEDED");
    const seed = readFileSync(folder().seedFile, "utf8").split("\n").filter(Boolean);
    await seeded.batch(seed.map((sql) => seeded.prepare(sql)));
    expect(await indexed(db)).toEqual(await indexed(seeded));
  });

  it("takes a removed article's rows out", async () => {
    await build();
    const db = await migrated("UPDATED");
    await updateSearchIndex(db, folder());
    rmSync(join(root, "content", REMOVED), { recursive: true });
    await build();
    expect(await updateSearchIndex(db, folder())).toMatchObject({ added: [], replaced: [], removed: [REMOVED] });
    expect((await indexed(db)).units.filter((unit) => unit.startsWith(`${REMOVED}\0`))).toEqual([]);
    await expectConsistent(db, folder());
  });

  it("empties a database an older seed filled (rows without revisions) before filling it", async () => {
    await build();
    const db = await migrated("UPDATED");
    await db.prepare(`INSERT INTO search_units (rowid, body, slug) VALUES (1, 'a stale ${NEW_WORD}', 'gone')`).run();
    expect(await updateSearchIndex(db, folder())).toMatchObject({ emptied: true, replaced: [], removed: [] });
    expect(await matching(db, NEW_WORD)).toEqual([]);
    expect((await indexed(db)).units.some((unit) => unit.includes(NEW_WORD))).toBe(false);
    await expectConsistent(db, folder());
  });

  it(
    "updates the database wrangler itself opens (npm run search:local's commands)",
    async () => {
      await build();
      const persist = join(root, "state");
      const wrangler = (...args: string[]) =>
        promisify(execFile)(join(ROOT, "node_modules/.bin/wrangler"), args, { cwd: ROOT });
      await wrangler("d1", "migrations", "apply", "SEARCH", "--local", "--persist-to", persist);
      const tsx = join(ROOT, "node_modules/.bin/tsx");
      const update = ["scripts/search/update-local.ts", "--persist-to", persist, "--seed", folder().seedFile];
      const { stdout } = await promisify(execFile)(tsx, update, { cwd: ROOT });
      expect(stdout).toMatch(/filled: \d+ added/);
      const sql = "SELECT slug, revision FROM search_revisions ORDER BY slug";
      const query = await wrangler(
        "d1",
        "execute",
        "SEARCH",
        "--local",
        "--persist-to",
        persist,
        "--json",
        "--command",
        sql,
      );
      const [{ results }] = JSON.parse(query.stdout) as [{ results: { slug: string; revision: string }[] }];
      expect(Object.fromEntries(results.map((row) => [row.slug, row.revision]))).toEqual(folder().manifest().revisions);
      expect(statSync(persist).isDirectory()).toBe(true);
    },
    SLOW,
  );
});

describe("an article's revision", () => {
  it("covers every file of this project its statements' text comes from", () => {
    const imported = ROW_WRITER_FILES.flatMap((file) =>
      valueImports(join(ROOT, file)).map((path) => relative(ROOT, join(ROOT, dirname(file), path))),
    );
    expect(imported.length).toBeGreaterThan(0);
    for (const file of imported) expect(ROW_WRITER_FILES, file).toContain(`${file}.ts`);
  });
});

/** The relative imports of a file that are not only types (those decide no statement's text). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  return source.statements.flatMap((statement) => {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) return [];
    const clause = statement.importClause;
    const named = clause?.namedBindings;
    const typesOnly =
      clause?.isTypeOnly ||
      (!clause?.name && named && ts.isNamedImports(named) && named.elements.every((element) => element.isTypeOnly));
    const path = statement.moduleSpecifier.text;
    return typesOnly || !path.startsWith(".") ? [] : [path];
  });
}

interface Held {
  article: number;
  slug: string;
  revision: string;
  first_unit: number;
  last_unit: number;
}

/** Each article's row and units, for the articles `which` picks. */
async function articleRows(db: Database, which: (slug: string) => boolean) {
  const { results } = await db.prepare("SELECT rowid, * FROM search_articles ORDER BY rowid").all<{ slug: string }>();
  const units = await db.prepare("SELECT rowid, * FROM search_units ORDER BY rowid").all<{ slug: string }>();
  return { articles: results.filter((row) => which(row.slug)), units: units.results.filter((row) => which(row.slug)) };
}

/** The slugs of the articles holding `word`, as the Worker finds them. */
async function matching(db: Database, word: string): Promise<string[]> {
  const found = await db.prepare("SELECT slug FROM search_articles WHERE search_articles MATCH ?1").bind(word).all();
  return found.results.map((row) => String(row.slug)).sort();
}

/** What the index holds, rowids aside: each article's searched text, and each unit by article. */
async function indexed(db: Database) {
  const articles = await db.prepare("SELECT slug, title, headings, body FROM search_articles ORDER BY slug").all();
  const units = await db.prepare("SELECT slug, section, section_title, body FROM search_units").all();
  return {
    articles: articles.results,
    units: units.results.map((unit) => Object.values(unit).join("\0")).sort(),
  };
}

/**
 * What the Worker relies on (src/search/search-index.ts) and the update
 * records: each article's units fill its row's first_unit..last_unit and
 * nothing else is there; its revision is the build's.
 */
async function expectConsistent(db: Database, folder: SeedFolder): Promise<void> {
  const { results: held } = await db.prepare("SELECT * FROM search_revisions").all<Held>();
  expect(Object.fromEntries(held.map((row) => [row.slug, row.revision]))).toEqual(folder.manifest().revisions);
  let total = 0;
  for (const row of held) {
    const article = await db
      .prepare("SELECT slug, first_unit, last_unit FROM search_articles WHERE rowid = ?1")
      .bind(row.article)
      .first();
    expect(article).toEqual({ slug: row.slug, first_unit: row.first_unit, last_unit: row.last_unit });
    const units = await db
      .prepare("SELECT DISTINCT slug FROM search_units WHERE rowid BETWEEN ?1 AND ?2")
      .bind(row.first_unit, row.last_unit)
      .all();
    expect(units.results).toEqual([{ slug: row.slug }]);
    total += row.last_unit - row.first_unit + 1;
  }
  expect(await db.prepare("SELECT count(*) AS n FROM search_units").first("n")).toBe(total);
}
