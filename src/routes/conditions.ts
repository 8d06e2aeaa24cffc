/** `/v1/conditions/{slug}`: the structured medical facts behind an article. */
import { conditionResource } from "../api/resources";
import { ConditionResource } from "../api/schemas";
import { articleCacheTag } from "../http/cache-tags";
import { sendRepresentation } from "../http/send";
import { json, type Operation, slugParameter } from "../openapi/operation";
import { requestedArticle } from "./requested-article";
import { defineRoute, representationOf } from "./route";

const getCondition = {
  path: "/v1/conditions/{slug}",
  operationId: "getCondition",
  summary: "Get a condition's structured facts",
  description:
    "Names, codes, anatomy, symptoms, course, epidemiology, causes by kind, risk factors, tests, differential diagnoses, treatments, exercises, prevention, drugs and care advice by urgency. Every fact names the section it comes from and quotes it.",
  tag: "Conditions",
  pathParameters: slugParameter,
  content: json(ConditionResource, "Condition"),
  errors: [404, 410, 503],
} as const satisfies Operation;

export const CONDITION_ROUTES = [
  defineRoute(getCondition, async (c) => {
    const { baseUrl } = c.var;
    const slug = c.req.param("slug");
    const article = await requestedArticle(c, slug, "condition");
    const { entry } = article;
    const representation = await representationOf<ConditionResource>(c, [baseUrl, slug], () => ({
      json: conditionResource(entry, baseUrl),
      lastModified: entry.article.updatedAt,
      headers: articleCacheTag(slug),
    }));
    return sendRepresentation(c, representation);
  }),
] as const;
