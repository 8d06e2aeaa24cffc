/**
 * The content model: one set of zod schemas for what authors write in
 * `content/`, what the compiler emits, what the API serves and what the
 * OpenAPI document describes, one file per part (src/content/model/).
 *
 * zod/mini rather than classic zod: the same validation engine at a seventh of
 * the bundle size (docs/versions.md), which matters for a Worker that
 * must start fast and stay small.
 */
import * as z from "zod/mini";
import { ArticleRevision, CompiledArticle, Withdrawal } from "./model/article";
import { Facts } from "./model/facts";

export * from "./model/article";
export * from "./model/article-text";
export * from "./model/codes";
export * from "./model/fact-kinds";
export * from "./model/facts";
export * from "./model/health-aspects";
export * from "./model/library-index";
export * from "./model/modality";
export * from "./model/qualifiers";
export * from "./model/text";

/**
 * An article as compiled; `withdrawn` when its publisher withdrew it (its
 * text is then not served); `changes`, its revisions newest first, added by
 * the build from the content's history.
 */
export const CompiledEntry = z.strictObject({
  article: CompiledArticle,
  facts: Facts,
  withdrawn: z.optional(Withdrawal),
  changes: z.optional(z.array(ArticleRevision)),
});
export type CompiledEntry = z.infer<typeof CompiledEntry>;

export const CompiledLibrary = z.strictObject({ entries: z.array(CompiledEntry) });
export type CompiledLibrary = z.infer<typeof CompiledLibrary>;
