/** The body of every error response, RFC 9457 problem details, as a zod schema: typed here, documented in OpenAPI. */
import * as z from "zod/mini";

/** One bad input, named so a client can point at it. */
export const FieldError = z.strictObject({
  /** Where the value came from. */
  in: z.enum(["query", "path", "header", "body"]),
  /** The parameter or header name. */
  name: z.string(),
  detail: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, the body of every error response. */
export const Problem = z.strictObject({
  /** Relative URI of the problem type, documented at GET /problems/{type}. */
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.string(),
  errors: z.optional(z.array(FieldError)),
  /** For a withdrawn article (410): the URL of the article that replaces it. */
  replacedBy: z.optional(z.string()),
});
export type Problem = z.infer<typeof Problem>;
