/**
 * The schema.org description of an article: one `@graph` with the web page,
 * the condition and every fact of it, the therapies and drugs, and the
 * people behind the article. Built from the same compiled content as the
 * JSON API.
 */
import type { Graph } from "schema-dts";
import { urls } from "../api/urls";
import type { CompiledEntry } from "../content/model";
import { mappedCodeNodes } from "./codes";
import { conditionNodes } from "./condition";
import { nodeIds } from "./node-ids";
import { peopleNodes } from "./people";
import { mentionsBySection } from "./relation-nodes";
import { sectionNodes } from "./sections";
import { causativeDrugNodes, drugTherapyNodes, notRecommendedDrugNodes } from "./therapies";
import { webPageNodes } from "./web-page";

export function articleGraph(entry: CompiledEntry, base: string): Graph {
  const { article, facts } = entry;
  const ids = nodeIds(urls.page(base, article.slug));
  const condition = conditionNodes(article, facts, ids);
  const therapies = drugTherapyNodes(facts, ids);
  const causativeDrugs = causativeDrugNodes(facts, ids);
  const notRecommended = notRecommendedDrugNodes(facts, ids);
  const mentions = mentionsBySection(
    [condition, therapies, causativeDrugs, notRecommended].flatMap((part) => part.mentions),
  );
  return {
    "@context": "https://schema.org",
    "@graph": [
      ...webPageNodes(entry, ids, base, mentions),
      ...sectionNodes(entry, ids, base, mentions),
      ...condition.nodes,
      ...mappedCodeNodes(article, ids),
      ...therapies.nodes,
      ...causativeDrugs.nodes,
      ...notRecommended.nodes,
      ...peopleNodes(article, ids),
    ],
  };
}

/**
 * JSON-LD text that is safe inside an HTML `<script>` element: `<`, `>` and
 * `&` are written as JSON escapes, so no content can close the script or open
 * a comment, and U+2028/U+2029 are escaped for old JavaScript parsers.
 */
export function jsonLdForHtml(graph: Graph): string {
  return JSON.stringify(graph).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
