/**
 * Tests that survive an edit of the article. The `library` project serves the
 * real article edited as an editor might edit it (a section dropped, a
 * sentence reworded: scripts/content/edited-library.ts), with a copy of it
 * under another slug, and runs every suite of test/worker against it; the
 * `worker` project serves content/ as it is. Here, that the edit is real: the
 * library project's article lacks the section and reads the new sentence in
 * every form, where the real article (as the build compiled content/) has
 * both. Without this, the library project could serve the real article
 * unedited and prove nothing.
 */
import { describe, expect, it } from "vitest";
import type { ArticleList, ArticleResource, ConditionResource } from "../../src/api/schemas";
import type { CompiledEntry, Section } from "../../src/content/model";
import { graph } from "../support/json-ld";
import { SLUGS } from "../support/library";
import { LIBRARY_EDIT, type LibraryEdit, PUBLISHER_SOURCES } from "../support/library-edit";
import { call, getJson, getProblem, ORIGIN } from "../support/worker";

/** The real articles as the build compiled content/ (build/assets), whichever library this project serves. */
const REAL = import.meta.glob<CompiledEntry>("../../build/assets/_content/articles/*.json", { import: "default" });

async function realEntry(slug: string): Promise<CompiledEntry> {
  const load = REAL[`../../build/assets/_content/articles/${slug}.json`];
  if (!load) throw new Error(`content/ has no article "${slug}"`);
  return load();
}

const idsOf = (sections: Section[]): string[] =>
  sections.flatMap((section) => [section.id, ...idsOf(section.sections)]);

/** Every `section` a fact names, at any depth. */
function factSections(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(factSections);
  if (typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  const own = typeof record.section === "string" ? [record.section] : [];
  return [...own, ...Object.values(record).flatMap(factSections)];
}

/** Every `quote` of the facts, at any depth. */
function quotes(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(quotes);
  if (typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  const own = typeof record.quote === "string" ? [record.quote] : [];
  return [...own, ...Object.values(record).flatMap(quotes)];
}

describe("the library under test", () => {
  it("is the real article edited in the library project, and content/ as it is everywhere else", ({ task }) => {
    const project = task.file.projectName;
    expect(LIBRARY_EDIT !== undefined, `project ${project}`).toBe(project === "library");
  });
});

/** The edit, where there is one: the tests below run only there. */
const edit = LIBRARY_EDIT ?? ({} as Partial<LibraryEdit>);
const { dropped = { id: "", title: "", ids: [] }, reworded = { before: "", after: "" } } = edit;
const edited = LIBRARY_EDIT ? [LIBRARY_EDIT.slug, LIBRARY_EDIT.copy] : [];

describe.runIf(LIBRARY_EDIT)("the edited article", () => {
  it("is served with its copy, and was the real article's", async () => {
    expect(SLUGS).toEqual(expect.arrayContaining(edited));
    const real = await realEntry(edit.slug ?? "");
    // What the edit took away and reworded was there to be edited.
    expect(idsOf(real.article.sections)).toEqual(expect.arrayContaining(dropped.ids));
    expect(JSON.stringify(real.article.sections)).toContain(reworded.before);
    expect(quotes(real.facts).some((quote) => quote.includes(reworded.before))).toBe(true);
    expect(factSections(real.facts)).toContain(dropped.id);
  });

  it.each(edited)("%s lacks the dropped section in every form, and keeps every other", async (slug) => {
    const real = await realEntry(edit.slug ?? "");
    const kept = idsOf(real.article.sections).filter((id) => !dropped.ids.includes(id));
    const article = await getJson<ArticleResource>(`/v1/articles/${slug}`);
    expect(idsOf(article.sections)).toEqual(kept);
    const list = await getJson<ArticleList>("/v1/articles?pageSize=100");
    expect(list.items.find((item) => item.slug === slug)?.sections.map((section) => section.id)).toEqual(kept);
    await getProblem(`/v1/articles/${slug}/sections/${dropped.id}`, 404);
    await getProblem(`/v1/articles/${slug}?sections=${dropped.id}`, 400);
    const page = await (await call(`/articles/${slug}`)).text();
    expect(page).not.toContain(`id="${dropped.id}"`);
    expect(page).not.toContain(`>${dropped.title}<`);
    const document = await graph(slug);
    const nodes = document["@graph"].map((node) => node["@id"]);
    expect(nodes).not.toContain(`${ORIGIN}/articles/${slug}#section-${dropped.id}`);
    const { facts } = await getJson<ConditionResource>(`/v1/conditions/${slug}`);
    for (const id of dropped.ids) expect(factSections(facts)).not.toContain(id);
    expect(PUBLISHER_SOURCES[slug]).not.toMatch(new RegExp(`^${dropped.title}$`, "m"));
  });

  it.each(edited)("%s reads the reworded sentence where the original stood", async (slug) => {
    const article = await getJson<ArticleResource>(`/v1/articles/${slug}`);
    const text = JSON.stringify(article.sections);
    expect(text).toContain(reworded.after);
    expect(text).not.toContain(reworded.before);
    const markdown = await (await call(`/v1/articles/${slug}`, { headers: { Accept: "text/markdown" } })).text();
    expect(markdown).toContain(reworded.after);
    expect(markdown).not.toContain(reworded.before);
    // The facts quoting it quote the new words.
    const { facts } = await getJson<ConditionResource>(`/v1/conditions/${slug}`);
    expect(quotes(facts).some((quote) => quote.includes(reworded.after))).toBe(true);
    expect(quotes(facts).some((quote) => quote.includes(reworded.before))).toBe(false);
    // The fidelity tests compare with the publisher's text, edited alike.
    expect(PUBLISHER_SOURCES[slug]).toContain(reworded.after);
    expect(PUBLISHER_SOURCES[slug]).not.toContain(reworded.before);
  });
});
