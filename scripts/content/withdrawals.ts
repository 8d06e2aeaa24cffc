/** Articles their publishers withdrew, as the build checks them. */
import { join, relative } from "node:path";
import type { WithdrawnArticle } from "../../src/content/model";
import { ARTICLE_FILE } from "./compile-article";
import { ContentError, ContentErrors } from "./content-error";

/** A withdrawn article is replaced, if at all, by one this library publishes; otherwise the build stops, saying where. */
export function checkReplacements(
  cwd: string,
  contentDir: string,
  withdrawn: readonly WithdrawnArticle[],
  published: ReadonlySet<string>,
): void {
  const problems = withdrawn
    .filter(({ replacedBy }) => replacedBy !== null && !published.has(replacedBy))
    .map(
      ({ slug, replacedBy }) =>
        new ContentError(
          relative(cwd, join(contentDir, slug, ARTICLE_FILE)),
          1,
          `withdrawn.replacedBy "${replacedBy}" is not an article this library publishes`,
        ),
    );
  if (problems.length > 0) throw new ContentErrors(problems);
}
