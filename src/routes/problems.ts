/** `GET /problems` and `GET /problems/{type}`: what each problem type in an error response means. */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { MEDIA } from "../http/media-types";
import { onlyMedia } from "../http/negotiation";
import { notFound, PROBLEM_TYPES, type ProblemType } from "../http/problem";
import { sendRepresentation } from "../http/send";

function isProblemType(name: string): name is ProblemType {
  return Object.hasOwn(PROBLEM_TYPES, name);
}

export const problemRoutes = new Hono<AppEnv>()
  .get("/", onlyMedia(MEDIA.json), async (c) => {
    const { library, representations } = c.var;
    const representation = await representations.get("problems", () => ({
      json: Object.entries(PROBLEM_TYPES).map(([type, { status, title }]) => ({
        type: `/problems/${type}`,
        status,
        title,
      })),
      lastModified: library.updatedAt,
    }));
    return sendRepresentation(c, representation);
  })
  .get("/:type", onlyMedia(MEDIA.json), async (c) => {
    const { library, representations } = c.var;
    const type = c.req.param("type");
    if (!isProblemType(type)) notFound(`There is no problem type "${type}".`);
    const representation = await representations.get(`problem ${type}`, () => {
      const { status, title, about } = PROBLEM_TYPES[type];
      return {
        json: { type: `/problems/${type}`, status, title, description: about },
        lastModified: library.updatedAt,
      };
    });
    return sendRepresentation(c, representation);
  });
