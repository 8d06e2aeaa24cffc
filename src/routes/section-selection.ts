import type { LoadedArticle } from "../content/library";
import { invalidParameters } from "../http/problem";

/**
 * The requested section ids in document order (so equivalent selections share
 * one stored representation), or a 400 naming any id the article lacks.
 */
export function sectionSelection(article: LoadedArticle, requested: string[]) {
  const unknown = requested.filter((id) => !article.section(id));
  if (unknown.length > 0) {
    const { slug } = article.entry.article;
    invalidParameters([
      { in: "query", name: "sections", detail: `unknown section id(s) in "${slug}": ${unknown.join(", ")}` },
    ]);
  }
  return article.sections().flatMap(({ section }) => (requested.includes(section.id) ? [section.id] : []));
}
