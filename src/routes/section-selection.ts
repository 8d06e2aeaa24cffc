import type { ContentLibrary } from "../content/library";
import { invalidParameters } from "../http/problem";

/**
 * The requested section ids in document order (so equivalent selections share
 * one stored representation), or a 400 naming any id the article lacks.
 */
export function sectionSelection(library: ContentLibrary, slug: string, requested: string[] | undefined) {
  if (!requested) return undefined;
  const unknown = requested.filter((id) => !library.section(slug, id));
  if (unknown.length > 0) {
    invalidParameters([
      { in: "query", name: "sections", detail: `unknown section id(s) in "${slug}": ${unknown.join(", ")}` },
    ]);
  }
  return library.sections(slug).flatMap(({ section }) => (requested.includes(section.id) ? [section.id] : []));
}
