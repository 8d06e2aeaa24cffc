/**
 * Brings a search database up to date with the build's seed folder
 * (seed-folder.ts), applying only what differs: the database's own
 * `search_revisions` says which revision of each article it holds, so the
 * difference is taken against what it really holds, not against a record
 * kept beside it. An article whose revision differs is taken out by its
 * rowids and its file applied again; one the library no longer has is taken
 * out; one the database lacks is applied. A database without revisions (a
 * fresh one, or one an older seed filled) is emptied first and gets every
 * article.
 *
 * Statements go in batches, each one transaction, and an article's
 * statements are never split across two: an interrupted update leaves each
 * article either at its old revision or at its new one.
 */
import type { Miniflare } from "miniflare";
import { CLEAR_STATEMENTS, type HeldRevision, REVISIONS, removalStatements } from "./article-statements";
import type { SeedFolder } from "./seed-folder";
import { literal } from "./sql-text";

type Database = Awaited<ReturnType<Miniflare["getD1Database"]>>;

/** SQL text per batch: one round trip and one transaction each, bounded however large the change. */
const BATCH_BYTES = 8 * 1024 * 1024;

export interface SearchDelta {
  added: string[];
  replaced: string[];
  removed: string[];
  unchanged: number;
  /** Whether the database had no revisions, and was emptied first. */
  emptied: boolean;
  statements: number;
}

/** Applies to `db` what differs between it and the seed folder's articles. */
export async function updateSearchIndex(db: Database, folder: SeedFolder): Promise<SearchDelta> {
  const { revisions } = folder.manifest();
  const { results: held } = await db
    .prepare(`SELECT article, slug, revision, first_unit, last_unit FROM ${REVISIONS}`)
    .all<HeldRevision>();
  const delta: SearchDelta = {
    added: [],
    replaced: [],
    removed: [],
    unchanged: 0,
    emptied: held.length === 0,
    statements: 0,
  };
  const groups: (() => string[])[] = delta.emptied ? [() => CLEAR_STATEMENTS] : [];
  const holds = new Map(held.map((row) => [row.slug, row]));
  for (const row of held) {
    const revision = revisions[row.slug];
    if (revision === row.revision) delta.unchanged++;
    else if (revision === undefined) {
      delta.removed.push(row.slug);
      groups.push(() => removalStatements(row));
    } else {
      delta.replaced.push(row.slug);
      groups.push(() => [...removalStatements(row), ...fileOf(folder, row.slug, revision)]);
    }
  }
  for (const [slug, revision] of Object.entries(revisions)) {
    if (holds.has(slug)) continue;
    delta.added.push(slug);
    groups.push(() => fileOf(folder, slug, revision));
  }
  delta.statements = await applyInBatches(db, groups);
  return delta;
}

/** An article's statements, checked to be at the revision the manifest names (the claim is their first). */
function fileOf(folder: SeedFolder, slug: string, revision: string): string[] {
  const statements = folder.statements(slug);
  if (!statements[0]?.includes(literal(revision)))
    throw new Error(`${folder.path(slug)} is not at the revision its manifest names: build the search index again`);
  return statements;
}

/** Runs each group's statements, groups read only as their batch fills; how many statements ran. */
async function applyInBatches(db: Database, groups: (() => string[])[]): Promise<number> {
  let batch: string[] = [];
  let bytes = 0;
  let count = 0;
  const flush = async () => {
    if (batch.length > 0) await db.batch(batch.map((sql) => db.prepare(sql)));
    count += batch.length;
    batch = [];
    bytes = 0;
  };
  for (const group of groups) {
    const statements = group();
    const size = statements.reduce((sum, sql) => sum + sql.length, 0);
    if (batch.length > 0 && bytes + size > BATCH_BYTES) await flush();
    batch.push(...statements);
    bytes += size;
  }
  await flush();
  return count;
}
