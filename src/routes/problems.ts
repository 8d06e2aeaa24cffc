/** `GET /problems/{type}`: what each problem type in an error response means. */
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { notFound, PROBLEM_TYPES, type ProblemType } from "../http/problem";

function isProblemType(name: string): name is ProblemType {
  return Object.hasOwn(PROBLEM_TYPES, name);
}

export const problemRoutes = new Hono<AppEnv>()
  .get("/", (c) =>
    c.json(
      Object.entries(PROBLEM_TYPES).map(([type, { status, title }]) => ({ type: `/problems/${type}`, status, title })),
    ),
  )
  .get("/:type", (c) => {
    const type = c.req.param("type");
    if (!isProblemType(type)) notFound(`There is no problem type "${type}".`);
    const { status, title, about } = PROBLEM_TYPES[type];
    return c.json({ type: `/problems/${type}`, status, title, description: about });
  });
