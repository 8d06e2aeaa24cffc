/**
 * `npm run content:synthetic`: the library it writes is valid content for
 * the real compiler, distinct, marked as synthetic, the same every time, and
 * never written into content/.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compileLibrary } from "../../scripts/content/compile-library";
import { writeSyntheticLibrary } from "../../scripts/content/synthetic/library";

/** Room for a shared, loaded machine: a limit, not a measurement. */
const SLOW = 120_000;

describe("the synthetic library", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "synthetic-"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it(
    "writes N distinct articles that the compiler accepts",
    () => {
      const out = join(root, "library");
      const { slugs } = writeSyntheticLibrary({ count: 5, out });
      expect(new Set(slugs).size).toBe(5);
      const library = compileLibrary(out);
      expect(library.entries.map((entry) => entry.article.slug).sort()).toEqual([...slugs].sort());
      expect(new Set(library.entries.map((entry) => entry.article.title)).size).toBe(5);
      for (const { article, facts } of library.entries) {
        expect(article.title).toMatch(/\(synthetic test article \d+\)$/);
        expect(article.description).toContain("synthetic test content");
        expect(article.disclaimer.join(" ")).toContain("not medical information");
        expect(facts.careAdvice.some((advice) => advice.urgency === "urgent")).toBe(true);
      }
    },
    SLOW,
  );

  it(
    "is the same bytes for the same count and seed, and rewrites nothing when run again",
    () => {
      const first = join(root, "first");
      const second = join(root, "second");
      writeSyntheticLibrary({ count: 3, out: first });
      writeSyntheticLibrary({ count: 3, out: second });
      expect(snapshot(second)).toEqual(snapshot(first));
      // File times too: outside git they are the articles' `updatedAt`.
      expect(compileLibrary(second)).toEqual(compileLibrary(first));
      expect(writeSyntheticLibrary({ count: 3, out: first }).written).toBe(0);
      expect(writeSyntheticLibrary({ count: 3, out: join(root, "other"), seed: "other" }).slugs).not.toEqual(
        readdirSync(first).sort(),
      );
    },
    SLOW,
  );

  it(
    "keeps article N the same whatever the size, and removes articles beyond the count",
    () => {
      const out = join(root, "library");
      const large = writeSyntheticLibrary({ count: 4, out });
      const before = snapshot(out);
      const small = writeSyntheticLibrary({ count: 2, out });
      expect(small.slugs).toEqual(large.slugs.slice(0, 2));
      expect(small.removed).toBe(2);
      expect(readdirSync(out).sort()).toEqual(small.slugs);
      for (const slug of small.slugs) expect(snapshot(join(out, slug))).toEqual(pick(before, slug));
    },
    SLOW,
  );

  it(
    "refuses to write into content/",
    () => {
      expect(() => writeSyntheticLibrary({ count: 1, out: join(import.meta.dirname, "../../content/x") })).toThrow(
        /refusing to write into/,
      );
    },
    SLOW,
  );
});

/** Every file under `dir`, by relative path, with its contents. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    try {
      files[path] = readFileSync(join(dir, path), "utf8");
    } catch {
      // A folder.
    }
  }
  return files;
}

/** The files of one article folder out of a snapshot of the library, by path inside the folder. */
function pick(files: Record<string, string>, folder: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => path.startsWith(`${folder}/`))
      .map(([path, text]) => [path.slice(folder.length + 1), text]),
  );
}
