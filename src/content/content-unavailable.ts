/**
 * Content the Worker cannot read as the build wrote it: the index, or one
 * article's files, missing, damaged or from another build. It fails only
 * what needs that part (src/app.ts answers 503 with Retry-After): a damaged
 * article file fails that article's routes, a damaged index the routes that
 * need the library, and every other route keeps answering.
 */
export type ContentPart = { kind: "index" } | { kind: "article"; slug: string };

export class ContentUnavailable extends Error {
  constructor(
    readonly part: ContentPart,
    /** What is wrong, for operators' logs (it names files; clients are told less). */
    readonly reason: string,
  ) {
    super(reason);
    this.name = "ContentUnavailable";
  }
}
