/** `/v1/conditions/{slug}`: the structured medical facts behind an article. */
import { Hono } from "hono";
import { conditionResource } from "../api/resources";
import { ConditionResource } from "../api/schemas";
import type { AppEnv } from "../env";
import { articleCacheTag } from "../http/cache-tags";
import { MEDIA } from "../http/media-types";
import { onlyMedia } from "../http/negotiation";
import { notFound } from "../http/problem";
import { representationKey } from "../http/representation-store";
import { sendRepresentation } from "../http/send";
import { honoPath, json, type Operation, slugParameter } from "../openapi/operation";

export const getCondition = {
  path: "/v1/conditions/{slug}",
  operationId: "getCondition",
  summary: "Get a condition's structured facts",
  description:
    "Names, codes, anatomy, symptoms, course, epidemiology, causes by kind, risk factors, tests, differential diagnoses, treatments, exercises, prevention, drugs and care advice by urgency. Every fact names the section it comes from and quotes it.",
  tag: "Conditions",
  pathParameters: slugParameter,
  content: json(ConditionResource, "Condition"),
  errors: [404, 503],
} as const satisfies Operation;

/** This file's operations, for the OpenAPI document (src/routes/operations.ts). */
export const CONDITION_OPERATIONS: readonly Operation[] = [getCondition];

export const conditionRoutes = new Hono<AppEnv>().get(honoPath(getCondition.path), onlyMedia(MEDIA.json), async (c) => {
  const { baseUrl } = c.var;
  const library = await c.var.library();
  const slug = c.req.param("slug");
  const article = (await library.article(slug, c.env.ASSETS)) ?? notFound(`There is no condition "${slug}".`);
  const { entry } = article;
  const representation = await c.var.representations.get<ConditionResource>(
    representationKey(getCondition.operationId, baseUrl, slug),
    () => ({
      json: conditionResource(entry, baseUrl),
      lastModified: entry.article.updatedAt,
      headers: articleCacheTag(slug),
    }),
  );
  return sendRepresentation(c, representation);
});
