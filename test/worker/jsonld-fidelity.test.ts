/**
 * The graph says what the text says: every text literal is the publisher's
 * whole sentences or list items, and the words that make the facts safe
 * (urgency, qualifiers, the medicines not recommended, the disclaimer) are in
 * it outside the FAQ's questions, on the nodes they qualify. What each test
 * expects is read from the article and its facts (test/support/subject.ts).
 */
import { describe, expect, it } from "vitest";
import type { ArticleResource, ConditionResource } from "../../src/api/schemas";
import { relationsOf } from "../../src/content/claims/relations";
import { cutSentences, sentencesOf } from "../../src/content/publisher-text";
import { RELATION_PROPERTY, type StatedKind } from "../../src/schemaorg/claims";
import {
  graph,
  id,
  type JsonLdGraph,
  nodeById,
  PAGE,
  placement,
  publisherSentences,
  refs,
  type TextLiteral,
  textLiterals,
} from "../support/json-ld";
import { SUBJECT } from "../support/subject";
import { getJson } from "../support/worker";

async function sources(): Promise<{
  document: JsonLdGraph;
  sentences: Set<string>;
  facts: ConditionResource["facts"];
}> {
  const [document, article, condition] = await Promise.all([
    graph(),
    getJson<ArticleResource>(SUBJECT.path),
    getJson<ConditionResource>(`/v1/conditions/${SUBJECT.slug}`),
  ]);
  return { document, sentences: publisherSentences(article), facts: condition.facts };
}

/** Text literals of every node but the FAQ's questions (and their answers). */
function outsideTheFaq(document: JsonLdGraph): TextLiteral[] {
  const questions = new Set(
    document["@graph"].filter((node) => node["@type"] === "Question").map((node) => node["@id"]),
  );
  return textLiterals(document).filter((literal) => !questions.has(literal.node));
}

describe("the JSON-LD graph's text", () => {
  it("is the publisher's whole sentences or list items in every literal", async () => {
    const { document, sentences } = await sources();
    // Code mappings are this service's layer, and say so (clinical-codes.test.ts): not the publisher's text.
    const mappings = new Set(
      document["@graph"].filter((node) => node["@type"] === "MedicalCode").map((node) => node["@id"]),
    );
    const literals = textLiterals(document).filter((literal) => !mappings.has(literal.node));
    expect(literals.length).toBeGreaterThan(0);
    const cut = literals.flatMap((literal) =>
      cutSentences(literal.value, sentences).map((text) => ({ ...literal, text })),
    );
    expect(cut).toEqual([]);
  });

  it("is checked by a rule that catches clauses and glued fragments", async () => {
    const { sentences } = await sources();
    // A clause cut out of the article's longest sentence: its last words.
    const whole = [...sentences].filter((sentence) => /\.$/.test(sentence) && sentencesOf(sentence).length === 1);
    const [longest = "", other = ""] = whole.sort((a, b) => b.length - a.length);
    const clause = longest
      .split(" ")
      .slice(-6)
      .join(" ")
      .replace(/[.?!]$/, "");
    expect(cutSentences(clause, sentences)).toHaveLength(1);
    // List items run together: two items of a list, neither ending a sentence.
    const items =
      SUBJECT.sections
        .flatMap(({ section }) => section.blocks)
        .flatMap((block) => (block.type === "list" ? [block.items.map((item) => item.text)] : []))
        .map((texts) => texts.filter((text) => !/[.?!:]$/.test(text)))
        .find((texts) => texts.length >= 2)
        ?.slice(0, 2) ?? [];
    expect(items).toHaveLength(2);
    expect(cutSentences(items.join(" "), sentences)).toHaveLength(1);
    expect(cutSentences(items.join("\n"), sentences)).toEqual([]);
    // Whole sentences glued to a clause (as an old naturalProgression was).
    expect(cutSentences(`${longest} ${clause} ${other}`, sentences)).not.toEqual([]);
    expect(cutSentences(`${longest} ${other}`, sentences)).toEqual([]);
  });
});

describe("the JSON-LD graph outside the FAQ", () => {
  it("gives every see-a-GP and urgent trigger, the red flags and the blood clot's call to 111", async () => {
    const { document, facts } = await sources();
    const text = outsideTheFaq(document)
      .map((literal) => literal.value)
      .join("\n");
    const advice = facts.careAdvice.filter((entry) => entry.urgency !== "self-care");
    expect(advice.length).toBeGreaterThan(0);
    for (const entry of advice) {
      expect(text).toContain(entry.quote);
      for (const condition of entry.when) {
        expect(text).toContain(condition.text);
        for (const included of condition.includes ?? []) expect(text).toContain(included);
      }
    }
  });

  it("says on each differential diagnosis the care advice its signs lead to (a blood clot's call to 111)", async () => {
    const { document, facts } = await sources();
    const nodes = nodeById(document);
    for (const diagnosis of facts.differentialDiagnoses) {
      const advice = facts.careAdvice.find((entry) => entry.id === diagnosis.careAdvice);
      if (!advice) continue;
      const description = nodes.get(id(`condition-${diagnosis.id}`))?.description;
      expect(description, diagnosis.id).toContain(advice.quote);
      for (const condition of advice.when) expect(description, diagnosis.id).toContain(condition.text);
    }
  });

  it("keeps each medicine's caveats on the cause and the drug: a small minority, speak to your doctor", async () => {
    const { document, facts } = await sources();
    const nodes = nodeById(document);
    const drugs = facts.causativeDrugs?.drugs ?? [];
    for (const drug of drugs) {
      const caveats = [drug.frequency?.quote, ...(drug.caveats ?? []).map((caveat) => caveat.quote)];
      for (const node of [nodes.get(id(`cause-${drug.id}`)), nodes.get(id(`drug-${drug.id}`))]) {
        for (const caveat of caveats) if (caveat) expect(node?.description, drug.id).toContain(caveat);
      }
    }
  });

  it("keeps every relation's scope, evidence, frequency and caveats on the nodes that describe it", async () => {
    const { document, facts } = await sources();
    const nodes = nodeById(document);
    let checked = 0;
    for (const relation of relationsOf(facts)) {
      if (!(relation.kind in RELATION_PROPERTY)) continue;
      const fact = relation.fact as typeof relation.fact & { caveats?: readonly { quote: string }[] };
      const frequency = typeof fact.frequency === "object" ? fact.frequency.quote : undefined;
      const qualifiers = [
        fact.scope?.quote,
        fact.evidence?.quote,
        frequency,
        ...(fact.caveats ?? []).map((c) => c.quote),
      ];
      const where = placement(relation as typeof relation & { kind: StatedKind }, facts, PAGE);
      for (const node of new Set([...where.objects, ...where.described])) {
        const description = nodes.get(node)?.description;
        if (description === undefined) continue;
        for (const qualifier of qualifiers) {
          if (qualifier === undefined) continue;
          expect(description, `${relation.path.join(".")} on ${node}`).toContain(qualifier);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("names every medicine that is not recommended, and why, mentioned by their section", async () => {
    const { document, facts } = await sources();
    const nodes = nodeById(document);
    const notRecommended = facts.drugsNotRecommended;
    if (!notRecommended) return;
    const section = nodes.get(id(`section-${notRecommended.section}`));
    const drugs = refs(section, "mentions")
      .map((drugId) => nodes.get(drugId))
      .filter((node) => node?.["@type"] === "Drug");
    expect(drugs.map((drug) => drug?.name)).toEqual(notRecommended.drugs.map((drug) => drug.name));
    for (const drug of drugs) {
      expect(drug?.description).toContain(notRecommended.quote);
      if (notRecommended.reason) expect(drug?.description).toContain(notRecommended.reason.quote);
      if (notRecommended.exception) expect(drug?.description).toContain(notRecommended.exception.quote);
    }
  });

  it("carries the disclaimer as a part of the page", async () => {
    const [document, article] = await Promise.all([graph(), getJson<ArticleResource>(SUBJECT.path)]);
    const nodes = nodeById(document);
    expect(refs(nodes.get(id("webpage")), "hasPart")).toContain(id("disclaimer"));
    expect(nodes.get(id("disclaimer"))).toMatchObject({ "@type": "WPFooter", text: article.disclaimer.join("\n") });
  });
});

describe("the page's sections in the graph", () => {
  it("are HealthTopicContent parts, nested as in the article, each with its text", async () => {
    const [document, article] = await Promise.all([graph(), getJson<ArticleResource>(SUBJECT.path)]);
    const nodes = nodeById(document);
    const questions = new Set(article.faq.map((entry) => entry.id));
    expect(refs(nodes.get(id("webpage")), "hasPart")).toEqual([
      ...article.sections.map((section) => id(`section-${section.id}`)),
      id("disclaimer"),
    ]);
    const walk = (sections: ArticleResource["sections"]) => {
      for (const section of sections) {
        if (questions.has(section.id)) continue;
        const node = nodes.get(id(`section-${section.id}`));
        expect(node?.["@type"], section.id).toBe("HealthTopicContent");
        if (section.title) expect(node?.name).toBe(section.title);
        expect(refs(node, "hasPart")).toEqual(
          section.sections.map((child) => id(`${questions.has(child.id) ? "question" : "section"}-${child.id}`)),
        );
        walk(section.sections);
      }
    };
    walk(article.sections);
  });

  it("say what each is about, as the facts classify them (see-doctor is SeeDoctorHealthAspect)", async () => {
    const nodes = nodeById(await graph());
    const aspects = Object.entries(SUBJECT.facts.sectionAspects);
    expect(aspects.length).toBeGreaterThan(0);
    // schema.org's member of HealthAspectEnumeration for each: the aspect's words, capitalised.
    const member = (aspect: string) =>
      `https://schema.org/${aspect.replace(/(?:^|-)([a-z])/g, (_, letter: string) => letter.toUpperCase())}HealthAspect`;
    for (const [section, kinds] of aspects) {
      // Node references, so JSON-LD reads them as the enumeration members, not as text.
      expect(refs(nodes.get(id(`section-${section}`)), "hasHealthAspect"), section).toEqual(kinds.map(member));
    }
  });
});
