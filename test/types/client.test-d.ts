/**
 * The typed client: `hc<AppType>` knows each route's parameters and JSON
 * body types, end to end, from the app's own definitions.
 */
import { hc, type InferResponseType } from "hono/client";
import { expectTypeOf } from "vitest";
import type { ArticleList, ArticleResource, ConditionResource, SectionResource } from "../../src/api/schemas";
import type { AppType } from "../../src/index";

const client = hc<AppType>("https://health.example");

type Article = InferResponseType<(typeof client.v1.articles)[":slug"]["$get"], 200>;
expectTypeOf<Article>().toEqualTypeOf<ArticleResource>();

type List = InferResponseType<typeof client.v1.articles.$get, 200>;
expectTypeOf<List>().toEqualTypeOf<ArticleList>();

type OneSection = InferResponseType<(typeof client.v1.articles)[":slug"]["sections"][":id"]["$get"], 200>;
expectTypeOf<OneSection>().toEqualTypeOf<SectionResource>();

type Condition = InferResponseType<(typeof client.v1.conditions)[":slug"]["$get"], 200>;
expectTypeOf<Condition>().toEqualTypeOf<ConditionResource>();

// Parameters are typed too: the query of the list and the path of an article.
expectTypeOf(client.v1.articles.$get).parameter(0).toExtend<{ query: { page?: string; pageSize?: string } }>();
expectTypeOf(client.v1.articles[":slug"].$get).parameter(0).toExtend<{ param: { slug: string } }>();
