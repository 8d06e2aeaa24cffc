/**
 * Where the schema.org vocabulary lives. It is shared by every checkout
 * (`../shared/schemaorg/` beside the project) rather than copied into the
 * repository, so a checkout without it must still run its other tests:
 * callers ask `hasSchemaOrgVocabulary()` and skip with a visible reason.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

/** The vocabulary itself: classes, properties and enumeration members. */
export const VOCABULARY_FILE = "schemaorg-current-https.jsonld";
/** The JSON-LD context that `"@context": "https://schema.org"` means. */
export const CONTEXT_FILE = "schemaorgcontext.jsonld";

const PROJECT_ROOT = resolve(import.meta.dirname, "../../../..");

/**
 * `SCHEMAORG_VOCAB_DIR` when set, otherwise `../shared/schemaorg`. A relative
 * value is taken from the project root, like the default, so the answer does
 * not depend on the directory vitest was started from.
 */
export function schemaOrgVocabularyDirectory(): string {
  return resolve(PROJECT_ROOT, process.env.SCHEMAORG_VOCAB_DIR || "../shared/schemaorg");
}

/** Whether both vocabulary files are in `directory`. */
export function hasSchemaOrgVocabulary(directory: string = schemaOrgVocabularyDirectory()): boolean {
  return existsSync(join(directory, VOCABULARY_FILE)) && existsSync(join(directory, CONTEXT_FILE));
}

/**
 * `title` as is when the vocabulary is there, otherwise `title` followed by
 * why its tests are skipped, so a skipped run says what is missing and how
 * to provide it: `describe.skipIf(!hasSchemaOrgVocabulary())(vocabularyTestTitle("..."), ...)`.
 */
export function vocabularyTestTitle(title: string, directory: string = schemaOrgVocabularyDirectory()): string {
  if (hasSchemaOrgVocabulary(directory)) return title;
  return `${title} (skipped: no schema.org vocabulary in ${directory}; set SCHEMAORG_VOCAB_DIR to the folder holding ${VOCABULARY_FILE} and ${CONTEXT_FILE})`;
}
