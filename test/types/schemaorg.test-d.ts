/**
 * Type-level tests, checked by `tsc -p test/tsconfig.json` (part of `npm test`):
 * they lock the schema.org builders' output types, so a change that loosens
 * them (a cast, an `any`, a wrong node type) fails the type check.
 */
import type {
  AnatomicalStructure,
  BreadcrumbList,
  DDxElement,
  Drug,
  ExercisePlan,
  Graph,
  HealthTopicContent,
  MedicalAudience,
  MedicalCause,
  MedicalCondition,
  MedicalTherapy,
  MedicalWebPage,
  Question,
  WPFooter,
} from "schema-dts";
import { expectTypeOf } from "vitest";
import type { CompiledEntry } from "../../src/content/model";
import { articleGraph, jsonLdForHtml } from "../../src/schemaorg/article-graph";
import { type ConditionNode, conditionNodes } from "../../src/schemaorg/condition";
import type { NodeIds } from "../../src/schemaorg/node-ids";
import type { Built, Mention } from "../../src/schemaorg/relation-nodes";
import { type SectionNode, sectionNodes } from "../../src/schemaorg/sections";
import {
  causativeDrugNodes,
  drugTherapyNodes,
  notRecommendedDrugNodes,
  type TherapyNode,
} from "../../src/schemaorg/therapies";
import { type PageNode, webPageNodes } from "../../src/schemaorg/web-page";

expectTypeOf(articleGraph).parameters.toEqualTypeOf<[CompiledEntry, string]>();
expectTypeOf(articleGraph).returns.toEqualTypeOf<Graph>();
expectTypeOf(jsonLdForHtml).parameters.toEqualTypeOf<[Graph]>();
expectTypeOf(jsonLdForHtml).returns.toEqualTypeOf<string>();

expectTypeOf(webPageNodes).returns.toEqualTypeOf<PageNode[]>();
expectTypeOf<PageNode>().toEqualTypeOf<MedicalWebPage | MedicalAudience | Question | BreadcrumbList>();

expectTypeOf(sectionNodes).returns.toEqualTypeOf<SectionNode[]>();
expectTypeOf<SectionNode>().toEqualTypeOf<HealthTopicContent | WPFooter>();

expectTypeOf(conditionNodes).returns.toEqualTypeOf<Built<ConditionNode>>();
expectTypeOf<MedicalCondition>().toExtend<ConditionNode>();
expectTypeOf<MedicalCause>().toExtend<ConditionNode>();
expectTypeOf<DDxElement>().toExtend<ConditionNode>();
expectTypeOf<ExercisePlan>().toExtend<ConditionNode>();
expectTypeOf<AnatomicalStructure>().toExtend<ConditionNode>();

expectTypeOf(drugTherapyNodes).returns.toEqualTypeOf<Built<TherapyNode>>();
expectTypeOf(causativeDrugNodes).returns.toEqualTypeOf<Built<TherapyNode>>();
expectTypeOf(notRecommendedDrugNodes).returns.toEqualTypeOf<Built<Drug>>();
expectTypeOf<Built<never>["mentions"][number]>().toEqualTypeOf<Mention>();
expectTypeOf<MedicalTherapy>().toExtend<TherapyNode>();
expectTypeOf<Drug>().toExtend<TherapyNode>();
expectTypeOf(drugTherapyNodes).parameters.toEqualTypeOf<[CompiledEntry["facts"], NodeIds]>();

// Every node the builders produce is a schema.org Thing that may sit in a @graph.
expectTypeOf<ConditionNode | TherapyNode | PageNode | SectionNode>().toExtend<Graph["@graph"][number]>();
