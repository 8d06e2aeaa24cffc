/**
 * The graph says what the text says: every text literal is the publisher's
 * whole sentences or list items, and the words that make the facts safe
 * (urgency, qualifiers, the medicines not recommended, the disclaimer) are in
 * it outside the FAQ's questions, on the nodes they qualify.
 */
import { describe, expect, it } from "vitest";
import type { ArticleResource, ConditionResource } from "../../src/api/schemas";
import { cutSentences } from "../../src/content/publisher-text";
import {
  graph,
  id,
  type JsonLdGraph,
  nodeById,
  publisherSentences,
  refs,
  type TextLiteral,
  textLiterals,
} from "../support/json-ld";
import { getJson } from "../support/worker";

async function sources(): Promise<{
  document: JsonLdGraph;
  sentences: Set<string>;
  facts: ConditionResource["facts"];
}> {
  const [document, article, condition] = await Promise.all([
    graph(),
    getJson<ArticleResource>("/v1/articles/leg-cramps"),
    getJson<ConditionResource>("/v1/conditions/leg-cramps"),
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
    expect(literals.length).toBeGreaterThan(100);
    const cut = literals.flatMap((literal) =>
      cutSentences(literal.value, sentences).map((text) => ({ ...literal, text })),
    );
    expect(cut).toEqual([]);
  });

  it("is checked by a rule that catches clauses and glued fragments", async () => {
    const { sentences } = await sources();
    // A clause cut out of a sentence, and list items run together.
    expect(cutSentences("consequently make it difficult to move your leg", sentences)).toHaveLength(1);
    const items = [
      "You have leg cramps and numbness or swelling in your legs",
      "Your leg cramps are waking you up at night",
    ];
    expect(cutSentences(items.join(" "), sentences)).toHaveLength(1);
    expect(cutSentences(items.join("\n"), sentences)).toEqual([]);
    // The old naturalProgression: whole sentences glued to a clause.
    const glued =
      "However, your muscle may feel tender, sore and painful for up to 24 hours, particularly if you have severe leg cramps. although cramps will usually go away by themselves anyway If you are pregnant you will likely stop having leg cramps after your baby is born.";
    expect(cutSentences(glued, sentences)).not.toEqual([]);
  });
});

describe("the JSON-LD graph outside the FAQ", () => {
  it("gives every see-a-GP and urgent trigger, the red flags and the blood clot's call to 111", async () => {
    const { document, facts } = await sources();
    const text = outsideTheFaq(document)
      .map((literal) => literal.value)
      .join("\n");
    const advice = facts.careAdvice.filter((entry) => entry.urgency !== "self-care");
    expect(advice.map((entry) => entry.id)).toEqual(["see-a-gp", "urgent-gp-or-111", "call-111-for-blood-clot-signs"]);
    for (const entry of advice) {
      expect(text).toContain(entry.quote);
      for (const condition of entry.when) {
        expect(text).toContain(condition.text);
        for (const included of condition.includes ?? []) expect(text).toContain(included);
      }
    }
    expect(advice.find((entry) => entry.id === "see-a-gp")?.when).toHaveLength(6);
    for (const flag of [
      "Clostridium tetani",
      "Exposure to mercury or lead",
      "If you experience these symptoms call 111.",
    ]) {
      expect(text).toContain(flag);
    }
  });

  it("says when a blood clot's signs need 111 on the blood clot itself", async () => {
    const nodes = nodeById(await graph());
    expect(nodes.get(id("condition-blood-clot"))?.description).toContain("If you experience these symptoms call 111.");
  });

  it("keeps each medicine's caveats on the cause and the drug: a small minority, speak to your doctor", async () => {
    const { document, facts } = await sources();
    const nodes = nodeById(document);
    const drugs = facts.causativeDrugs?.drugs ?? [];
    expect(drugs.map((drug) => drug.id)).toEqual([
      "diuretics",
      "nifedipine",
      "raloxifene",
      "statins",
      "nicotinic-acid",
    ]);
    for (const drug of drugs) {
      const caveats = [drug.frequency?.quote, ...(drug.caveats ?? []).map((caveat) => caveat.quote)];
      expect(caveats).toHaveLength(2);
      for (const node of [nodes.get(id(`cause-${drug.id}`)), nodes.get(id(`drug-${drug.id}`))]) {
        for (const caveat of caveats) expect(node?.description, drug.id).toContain(caveat);
      }
    }
    expect(nodes.get(id("cause-statins"))?.description).toContain("in a small minority of people who take them");
    expect(nodes.get(id("cause-statins"))?.description).toContain("speak to your doctor");
  });

  it("says muscle relaxants are for serious liver disease, thrombocytopenia is rare, and which causes are theories", async () => {
    const { document, facts } = await sources();
    const nodes = nodeById(document);
    const relaxants = nodes.get(id("treatment-muscle-relaxants"));
    expect(relaxants?.description).toContain("For serious liver disease");
    expect(relaxants?.name).toContain("serious liver disease");
    expect(nodes.get(id("side-effect-thrombocytopenia"))?.description).toContain("this is rare");
    const theories = facts.causes.filter((cause) => cause.kind === "theory");
    expect(theories).toHaveLength(4);
    for (const cause of theories) {
      expect(nodes.get(id(`cause-${cause.id}`))?.description, cause.id).toContain("several theories");
    }
    expect(nodes.get(id("risk-factor-vitamin-b12-deficiency"))?.description).toContain(
      "There is currently no clear evidence that vitamin deficiencies cause leg cramps.",
    );
  });

  it("names all seven medicines that are not recommended, and why, mentioned by their section", async () => {
    const nodes = nodeById(await graph());
    const section = nodes.get(id("section-other-medications-for-leg-cramps"));
    const drugs = refs(section, "mentions").map((drugId) => nodes.get(drugId));
    expect(drugs.map((drug) => drug?.name)).toEqual([
      "Magnesium",
      "Diltiazem",
      "Naftidrofuryl",
      "Orphenadrine",
      "Verapamil",
      "Vitamin B complex",
      "Vitamin E",
    ]);
    for (const drug of drugs) {
      expect(drug?.["@type"]).toBe("Drug");
      expect(drug?.description).toContain("they are not recommended");
      expect(drug?.description).toContain("This is because studies show they are not effective in most people.");
      expect(drug?.description).toContain("your doctor may suggest trying one of these medications");
    }
  });

  it("carries the disclaimer as a part of the page", async () => {
    const [document, article] = await Promise.all([graph(), getJson<ArticleResource>("/v1/articles/leg-cramps")]);
    const nodes = nodeById(document);
    expect(refs(nodes.get(id("webpage")), "hasPart")).toContain(id("disclaimer"));
    expect(nodes.get(id("disclaimer"))).toMatchObject({ "@type": "WPFooter", text: article.disclaimer.join("\n") });
  });
});

describe("the page's sections in the graph", () => {
  it("are HealthTopicContent parts, nested as in the article, each with its text", async () => {
    const [document, article] = await Promise.all([graph(), getJson<ArticleResource>("/v1/articles/leg-cramps")]);
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

  it.each([
    ["when-to-worry-about-leg-cramps", "SeeDoctorHealthAspect"],
    ["what-causes-leg-cramps", "CausesHealthAspect"],
    ["what-are-leg-cramps", "SymptomsHealthAspect"],
    ["treating-leg-cramps-during-a-cramp", "SelfCareHealthAspect"],
    ["how-to-prevent-leg-cramps", "PreventionHealthAspect"],
    ["quinine-for-leg-cramps", "SideEffectsHealthAspect"],
    ["other-medications-for-leg-cramps", "TreatmentsHealthAspect"],
  ])("say what %s is about (%s)", async (section, aspect) => {
    const nodes = nodeById(await graph());
    // Node references, so JSON-LD reads them as the enumeration members, not as text.
    expect(refs(nodes.get(id(`section-${section}`)), "hasHealthAspect")).toContain(`https://schema.org/${aspect}`);
  });
});
