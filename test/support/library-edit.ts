/**
 * What the library under test was built from, beyond what it serves: the
 * publisher's text of its articles, and the edit its build made to them.
 * Here, in the projects that serve content/ as it is, there is no edit. The
 * `library` project serves the real article edited (a section dropped, a
 * sentence reworded: scripts/content/edited-library.ts) and replaces this
 * module with the one that build writes (vitest.config.ts), so its tests
 * compare the served text with the source edited alike, and
 * test/worker/library-edit.test.ts can show that the edit happened.
 */

/** An edit of an article, as the `library` project's build made it. */
export interface LibraryEdit {
  /** The article edited. */
  slug: string;
  /** A copy of the edited article, under this slug. */
  copy: string;
  /** The section dropped, and with it the sections inside it (`ids`, the dropped one first). */
  dropped: { id: string; title: string; ids: string[] };
  /** A sentence of the article as the publisher wrote it, and as the edited article reads. */
  reworded: { before: string; after: string };
}

/** The edit this project's library was built with: none. */
export const LIBRARY_EDIT: LibraryEdit | undefined = undefined;

/** The publisher's text of each article that has one (test/fixtures/publisher), as supplied, by slug. */
export const PUBLISHER_SOURCES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>("../fixtures/publisher/*.txt", { query: "?raw", import: "default", eager: true }),
  ).map(([path, text]) => [path.replace(/^.*\/|\.txt$/g, ""), text]),
);
