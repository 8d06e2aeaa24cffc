/** Author, editor and publisher nodes. */
import type { Organization, Person } from "schema-dts";
import type { CompiledArticle } from "../content/model";
import { slugOf } from "../content/slug";
import { type NodeIds, ref } from "./node-ids";

export function authorId(ids: NodeIds, name: string): string {
  return ids.of("author", slugOf(name));
}

export function editorId(ids: NodeIds, name: string): string {
  return ids.of("editor", slugOf(name));
}

/** One node per author organisation or person; editors' employers are referenced, not repeated. */
export function peopleNodes(article: CompiledArticle, ids: NodeIds): (Organization | Person)[] {
  const authorNames = new Set(article.authors.map((author) => author.name));
  const authors = article.authors.map((author): Organization | Person => {
    const common = {
      "@id": authorId(ids, author.name),
      name: author.name,
      ...(author.about ? { description: author.about.join("\n") } : {}),
    };
    return author.type === "organization"
      ? { "@type": "Organization", ...common, ...(author.url ? { url: author.url } : {}) }
      : { "@type": "Person", ...common, ...(author.jobTitle ? { jobTitle: author.jobTitle } : {}) };
  });
  const editors = article.editors.map(
    (editor): Person => ({
      "@type": "Person",
      "@id": editorId(ids, editor.name),
      name: editor.name,
      ...(editor.jobTitle ? { jobTitle: editor.jobTitle } : {}),
      ...(editor.worksFor
        ? {
            worksFor: authorNames.has(editor.worksFor)
              ? ref(authorId(ids, editor.worksFor))
              : { "@type": "Organization", name: editor.worksFor },
          }
        : {}),
      ...(editor.about ? { description: editor.about.join("\n") } : {}),
    }),
  );
  const publisher: Organization = {
    "@type": "Organization",
    "@id": ids.publisher,
    name: article.publisher.name,
    ...(article.publisher.url ? { url: article.publisher.url } : {}),
  };
  return [...authors, ...editors, publisher];
}
