/** The MedicalWebPage, its audience, its FAQ questions and its breadcrumb trail. */
import type { BreadcrumbList, MedicalAudience, MedicalWebPage, Question } from "schema-dts";
import { urls } from "../api/urls";
import type { CompiledEntry } from "../content/model";
import { plainText } from "./fact-text";
import { factNodes, type NodeIds, ref } from "./node-ids";
import { authorId, editorId } from "./people";
import type { Mentions } from "./relation-nodes";
import { pageParts, questionId } from "./sections";

export type PageNode = MedicalWebPage | MedicalAudience | Question | BreadcrumbList;

export const ARTICLES_INDEX_NAME = "Health articles";

/** The page and its parts; an FAQ question mentions the nodes of its facts that no property states. */
export function webPageNodes(entry: CompiledEntry, ids: NodeIds, base: string, mentions: Mentions): PageNode[] {
  const { article } = entry;
  const pageUrl = urls.page(base, article.slug);
  const questions = factNodes(
    article.faq,
    (question) => questionId(ids, question.id),
    (question, id): Question => {
      const mentioned = mentions.get(question.id) ?? [];
      return {
        "@type": "Question",
        "@id": id,
        name: question.question,
        url: urls.sectionAnchor(base, article.slug, question.id),
        acceptedAnswer: { "@type": "Answer", text: plainText(question.answer) },
        ...(mentioned.length > 0 ? { mentions: mentioned } : {}),
      };
    },
  );
  const breadcrumb: BreadcrumbList = {
    "@type": "BreadcrumbList",
    "@id": ids.breadcrumb,
    itemListElement: [
      { "@type": "ListItem", position: 1, name: ARTICLES_INDEX_NAME, item: urls.pages(base) },
      { "@type": "ListItem", position: 2, name: article.title, item: pageUrl },
    ],
  };
  // The article is written for patients ("see your GP"); one node for both audience properties.
  const audience: MedicalAudience = { "@type": "MedicalAudience", "@id": ids.audience, audienceType: "Patient" };
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
    audience: ref(ids.audience),
    medicalAudience: ref(ids.audience),
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
    // The sections (with the FAQ's questions inside its section) and the disclaimer.
    hasPart: pageParts(entry, ids),
    breadcrumb: ref(ids.breadcrumb),
  };
  return [page, audience, ...questions.nodes, breadcrumb];
}
