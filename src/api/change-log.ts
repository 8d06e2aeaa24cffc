/**
 * An article's change log (`/v1/articles/{slug}/changes`): every published
 * revision, newest first, with the sections it changed, so a partner can see
 * what changed since its copy. The build makes it from the content's history
 * (scripts/content/change-log.ts).
 */
import * as z from "zod/mini";
import { ArticleRevision, type CompiledEntry, Id, type ArticleRevision as Revision, Text } from "../content/model";
import { urls } from "./urls";

export const ChangeLog = z.strictObject({
  slug: Id,
  title: Text,
  canonicalUrl: z.string(),
  /**
   * Newest first: when (the content's commit, or the build for edits not yet
   * committed), the sections changed or new with their hashes, and those
   * removed; null where a past text can no longer be read. The oldest lists
   * every section it had.
   */
  revisions: z.array(ArticleRevision),
  links: z.record(z.string(), z.string()),
});
export type ChangeLog = z.infer<typeof ChangeLog>;

export function changeLog({ article, changes }: CompiledEntry, base: string): ChangeLog {
  const revisions: Revision[] = changes ?? [];
  return {
    slug: article.slug,
    title: article.title,
    canonicalUrl: urls.page(base, article.slug),
    revisions,
    links: { self: urls.changes(base, article.slug), article: urls.article(base, article.slug) },
  };
}
