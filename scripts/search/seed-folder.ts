/**
 * The seed's per-article files: beside the seed `seed.sql`, a folder `seed/`
 * with each article's statements (`<slug>.sql`, one a line,
 * article-statements.ts) and a manifest (`revisions.json`) of the revision
 * each file was written for, and of the whole seed last written from them.
 * The build writes an article's file only when its revision changed, and
 * the seed only when some file did; `npm run search:local` applies the files
 * a database lacks (search-update.ts).
 *
 * Every file is written atomically (a temporary file, then a rename), so an
 * interrupted build leaves old files whole, and a file the manifest does not
 * name at its revision is written again.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface SeedManifest {
  /** Each article's slug and the revision of its file, in slug order. */
  revisions: Record<string, string>;
  /** The whole seed's size as last written from these files; absent when it was not. */
  seedBytes?: number;
}

const MANIFEST = "revisions.json";

export class SeedFolder {
  /** The folder of the seed `seedFile` (`x.sql` has `x/`). */
  constructor(readonly seedFile: string) {}

  get dir(): string {
    return this.seedFile.replace(/\.sql$/, "");
  }

  /** The manifest as last written; an empty one when there is none (or it is not whole). */
  manifest(): SeedManifest {
    try {
      return JSON.parse(readFileSync(join(this.dir, MANIFEST), "utf8")) as SeedManifest;
    } catch {
      return { revisions: {} };
    }
  }

  writeManifest(manifest: SeedManifest): void {
    this.writeAtomically(join(this.dir, MANIFEST), JSON.stringify(manifest));
  }

  /** Whether `slug`'s file holds its statements at `revision`, by `manifest`. */
  holds(manifest: SeedManifest, slug: string, revision: string): boolean {
    return manifest.revisions[slug] === revision && existsSync(this.path(slug));
  }

  /** Writes `slug`'s statements, one a line. */
  write(slug: string, statements: readonly string[]): void {
    this.writeAtomically(this.path(slug), `${statements.join("\n")}\n`);
  }

  /** `slug`'s file, as written. */
  read(slug: string): string {
    return readFileSync(this.path(slug), "utf8");
  }

  /** `slug`'s statements. */
  statements(slug: string): string[] {
    return this.read(slug)
      .split("\n")
      .filter((line) => line !== "");
  }

  /** Removes the files of articles not in `slugs` (removed from the library); how many. */
  removeOthers(slugs: ReadonlySet<string>): number {
    let removed = 0;
    for (const name of existsSync(this.dir) ? readdirSync(this.dir) : []) {
      if (name === MANIFEST || slugs.has(name.replace(/\.sql$/, ""))) continue;
      rmSync(join(this.dir, name), { force: true });
      removed++;
    }
    return removed;
  }

  /** Whether the seed was last written from the files at exactly `revisions`, and is still that size. */
  seedCurrent(manifest: SeedManifest, revisions: Record<string, string>): boolean {
    if (manifest.seedBytes === undefined || !existsSync(this.seedFile)) return false;
    if (statSync(this.seedFile).size !== manifest.seedBytes) return false;
    return JSON.stringify(manifest.revisions) === JSON.stringify(revisions);
  }

  path(slug: string): string {
    return join(this.dir, `${slug}.sql`);
  }

  private writeAtomically(path: string, text: string): void {
    mkdirSync(this.dir, { recursive: true });
    const temporary = `${path}.${process.pid}.partial`;
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  }
}
