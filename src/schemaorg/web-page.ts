/** The MedicalWebPage, its FAQ questions and its breadcrumb trail. */
import type { BreadcrumbList, MedicalWebPage, Question } from "schema-dts";
import { urls } from "../api/urls";
import type { Block, CompiledArticle, ListItem } from "../content/model";
import { factNodes, type NodeIds, ref } from "./node-ids";
import { authorId, editorId } from "./people";

export type PageNode = MedicalWebPage | Question | BreadcrumbList;

export const ARTICLES_INDEX_NAME = "Health articles";

export function webPageNodes(article: CompiledArticle, ids: NodeIds, base: string): PageNode[] {
  const pageUrl = urls.page(base, article.slug);
  const questions = factNodes(
    article.faq,
    (entry) => ids.of("question", entry.id),
    (entry, id): Question => ({
      "@type": "Question",
      "@id": id,
      name: entry.question,
      url: urls.sectionAnchor(base, article.slug, entry.id),
      acceptedAnswer: { "@type": "Answer", text: plainText(entry.answer) },
    }),
  );
  const breadcrumb: BreadcrumbList = {
    "@type": "BreadcrumbList",
    "@id": ids.breadcrumb,
    itemListElement: [
      { "@type": "ListItem", position: 1, name: ARTICLES_INDEX_NAME, item: urls.pages(base) },
      { "@type": "ListItem", position: 2, name: article.title, item: pageUrl },
    ],
  };
  const { dates } = article;
  const page: MedicalWebPage = {
    "@type": "MedicalWebPage",
    "@id": ids.page,
    url: pageUrl,
    name: article.title,
    headline: article.title,
    description: article.description,
    inLanguage: article.language,
    about: ref(ids.condition),
    mainEntity: ref(ids.condition),
    audience: { "@type": "MedicalAudience", audienceType: "Patient" },
    medicalAudience: ref("https://schema.org/Patient"),
    author: article.authors.map((author) => ref(authorId(ids, author.name))),
    ...(article.editors.length > 0 ? { editor: article.editors.map((editor) => ref(editorId(ids, editor.name))) } : {}),
    publisher: ref(ids.publisher),
    // Only the dates, licence and source the publisher supplied: absent means absent.
    ...(dates.published ? { datePublished: dates.published } : {}),
    ...(dates.modified ? { dateModified: dates.modified } : {}),
    ...(dates.reviewed ? { lastReviewed: dates.reviewed } : {}),
    ...(article.licence ? { license: article.licence.url ?? article.licence.name } : {}),
    ...(article.sourceUrl ? { isBasedOn: article.sourceUrl } : {}),
    creditText: article.attribution,
    hasPart: questions.refs,
    breadcrumb: ref(ids.breadcrumb),
  };
  return [page, ...questions.nodes, breadcrumb];
}

/** Blocks as one plain-text string: paragraphs and list items joined by spaces. */
export function plainText(blocks: Block[]): string {
  const items = (list: ListItem[]): string[] => list.flatMap((item) => [item.text, ...items(item.items)]);
  return blocks
    .flatMap((block) => {
      if (block.type === "paragraph") return [block.text];
      if (block.type === "list") return items(block.items);
      return [block.caption];
    })
    .join(" ");
}
