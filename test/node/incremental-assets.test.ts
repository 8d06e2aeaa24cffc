/**
 * The incremental assets build (scripts/assets/drawn-images.ts): a card is
 * drawn only when what it is drawn from (title, attribution, site) changed,
 * or its file is gone; a removed article's card goes. Real builds of the
 * test content and real drawing; what is drawn is what the build reports,
 * checked against the files' bytes.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildImages } from "../../scripts/assets/drawn-images";
import { buildLibrary } from "../../scripts/content/build-library";
import { ASSET_PATHS } from "../../src/api/asset-paths";
import type { LibraryIndex } from "../../src/content/model";
import { editFile } from "./support/edit-file";

const FIXTURES = join(import.meta.dirname, "../fixtures/content");
const EDITED = "sample-condition";
const REMOVED = "coded-condition";

describe("the incremental assets build", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "assets-"));
    cpSync(FIXTURES, join(root, "content"), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const out = () => join(root, "assets");
  /** The content build, then the images, as `npm run build` runs them. */
  const build = async () => {
    await buildLibrary({
      contentDir: join(root, "content"),
      cwd: root,
      outDir: join(out(), "_content"),
      moduleFile: join(root, "library.ts"),
      cacheRoot: join(root, "cache"),
      threads: 1,
    });
    return buildImages({ out: out(), manifest: join(root, "images.json"), threads: 1 });
  };
  const slugs = () =>
    (JSON.parse(readFileSync(join(out(), "_content/index.json"), "utf8")) as LibraryIndex).articles
      .map((article) => article.slug)
      .sort();
  const card = (slug: string) => join(out(), ASSET_PATHS.socialCard(slug));
  const cards = () => Object.fromEntries(slugs().map((slug) => [slug, readFileSync(card(slug))]));
  const edit = (slug: string, find: string, replace: string) =>
    editFile(join(root, "content", slug, "article.md"), find, replace);

  it("draws every card and the favicon once; a build on unchanged input draws none", async () => {
    const first = await build();
    expect([...first.drawn].sort()).toEqual(slugs());
    expect(first.faviconDrawn).toBe(true);
    const before = cards();
    const favicon = readFileSync(join(out(), ASSET_PATHS.favicon));
    const second = await build();
    expect(second).toMatchObject({ drawn: [], removed: [], faviconDrawn: false, cards: slugs().length });
    expect(cards()).toEqual(before);
    expect(readFileSync(join(out(), ASSET_PATHS.favicon))).toEqual(favicon);
  });

  it("redraws exactly the card whose title changed, and none for an edit the card does not show", async () => {
    await build();
    const before = cards();
    edit(EDITED, "A paragraph in the first topic.", "An edited paragraph in the first topic.");
    expect((await build()).drawn).toEqual([]);
    edit(EDITED, "title: Sample condition\n", "title: Sample condition, retitled\n");
    expect((await build()).drawn).toEqual([EDITED]);
    const after = cards();
    expect(after[EDITED]).not.toEqual(before[EDITED]);
    for (const slug of slugs().filter((slug) => slug !== EDITED)) expect(after[slug], slug).toEqual(before[slug]);
  });

  it("deletes a removed article's card, and draws again a card whose file is gone", async () => {
    await build();
    rmSync(join(root, "content", REMOVED), { recursive: true });
    expect(await build()).toMatchObject({ drawn: [], removed: [REMOVED] });
    expect(existsSync(card(REMOVED))).toBe(false);
    rmSync(card(EDITED));
    expect((await build()).drawn).toEqual([EDITED]);
    expect(existsSync(card(EDITED))).toBe(true);
  });
});
