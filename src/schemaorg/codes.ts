/**
 * The condition's clinical codes: those the publisher supplied, and those this
 * service mapped, each mapping a MedicalCode node that says it is the
 * service's, from which release, and why.
 */
import type { MedicalCode } from "schema-dts";
import { mappingText } from "../content/mapping-text";
import type { CompiledArticle } from "../content/model";
import { slugOf } from "../content/slug";
import { type NodeIds, ref } from "./node-ids";

export const mappedCodeId = (ids: NodeIds, system: string, code: string) =>
  ids.of("code", `${slugOf(system)}-${slugOf(code)}`);

/** The values of the condition's `code`: the publisher's codes in place, the mappings by reference. */
export function conditionCodes(article: CompiledArticle, ids: NodeIds) {
  return [
    ...article.codes.map(
      (code): MedicalCode => ({
        "@type": "MedicalCode",
        codeValue: code.code,
        codingSystem: code.system,
        ...(code.name ? { name: code.name } : {}),
      }),
    ),
    ...article.codeMappings.map((mapping) => ref(mappedCodeId(ids, mapping.system.name, mapping.code))),
  ];
}

/** One node per code this service mapped the article to, its provenance in its description. */
export function mappedCodeNodes(article: CompiledArticle, ids: NodeIds): MedicalCode[] {
  return article.codeMappings.map((mapping) => ({
    "@type": "MedicalCode",
    "@id": mappedCodeId(ids, mapping.system.name, mapping.code),
    codeValue: mapping.code,
    codingSystem: mapping.system.name,
    inCodeSet: mapping.system.uri,
    name: mapping.display,
    description: `${mappingText(mapping)} ${mapping.rationale}`,
  }));
}
