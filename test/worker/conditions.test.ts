import { describe, expect, it } from "vitest";
import type { ArticleResource, ConditionResource } from "../../src/api/schemas";
import type { Section } from "../../src/content/model";
import { blockSentences, cutSentences, sentencesOf } from "../../src/content/publisher-text";
import { getJson, getProblem, ORIGIN } from "../support/worker";

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe("GET /v1/conditions/{slug}", () => {
  it("names the condition and links it to its article, with attribution", async () => {
    const body = await getJson<ConditionResource>("/v1/conditions/leg-cramps");
    expect(body.name).toBe("Leg cramps");
    expect(body.article.canonicalUrl).toBe(`${ORIGIN}/articles/leg-cramps`);
    expect(body.facts.condition.alternateNames.map((name) => name.name)).toEqual(["Calf cramps"]);
    expect(body.facts.condition.codes).toEqual([]);
    expect(body.attribution.text).toContain("Cahoot Care Marketing");
    expect(body.disclaimer).toHaveLength(2);
    expect(body.licence).toBeNull();
  });

  it("carries anatomy, symptoms, course and epidemiology", async () => {
    const { facts } = await getJson<ConditionResource>("/v1/conditions/leg-cramps");
    expect(ids(facts.anatomy)).toEqual(["leg", "calf-muscle", "thigh", "foot"]);
    expect(ids(facts.symptoms)).toContain("muscle-pain");
    expect(facts.course?.duration).toMatchObject({ summary: "From several seconds to 10 minutes", maximumMinutes: 10 });
    expect(ids(facts.course?.progression ?? [])).toContain("soreness-up-to-24-hours");
    expect(facts.epidemiology.map((fact) => fact.quote)).toContain(
      "Leg cramps while you’re sleeping at night account for three out of every four cases.",
    );
  });

  it("groups causes by kind and lists risk factors and tests", async () => {
    const { facts } = await getJson<ConditionResource>("/v1/conditions/leg-cramps");
    const byKind = (kind: string) => ids(facts.causes.filter((cause) => cause.kind === kind));
    expect(byKind("theory")).toEqual([
      "abnormal-nerve-activity",
      "shortened-muscle-contraction",
      "leg-muscle-strain",
      "short-tendons",
    ]);
    expect(byKind("lifestyle")).toEqual(["dehydration", "too-much-alcohol", "straining-exercise"]);
    expect(byKind("condition")).toHaveLength(11);
    expect(ids(facts.riskFactors)).toEqual(expect.arrayContaining(["pregnancy", "renal-dialysis", "older-age"]));
    expect(ids(facts.tests)).toEqual(["physical-examination", "blood-tests", "urine-tests"]);
  });

  it("tells a blood clot apart and sends those signs to 111", async () => {
    const { facts } = await getJson<ConditionResource>("/v1/conditions/leg-cramps");
    const [clot] = facts.differentialDiagnoses;
    expect(clot).toMatchObject({ id: "blood-clot", distinguishingSigns: ["Redness", "Swelling", "Warmth"] });
    const advice = facts.careAdvice.find((item) => item.id === clot?.careAdvice);
    // The label keeps the sentence's condition: "Call 111" alone would tell everyone to call.
    expect(advice).toMatchObject({ urgency: "urgent", modality: "affirmed" });
    expect(advice?.action).toMatch(/^Call 111 if /);
  });

  it("lists treatments and the exercises with their steps", async () => {
    const { facts } = await getJson<ConditionResource>("/v1/conditions/leg-cramps");
    expect(ids(facts.treatments)).toEqual([
      "exercise",
      "stretching",
      "massage",
      "heat",
      "treat-underlying-condition",
      "muscle-relaxants",
      "painkillers",
      "quinine",
    ]);
    expect(facts.exercises.map((exercise) => [exercise.id, exercise.steps.length])).toEqual([
      ["calf-extension", 4],
      ["ankle-stretch", 3],
      ["heel-walk", 2],
      ["wall-exercise", 3],
    ]);
    expect(facts.exercisePlan).toMatchObject({ frequency: "Daily", durationWeeks: { minimum: 2, maximum: 4 } });
  });

  it("lists the medicines that may cause cramps with what they treat", async () => {
    const { facts } = await getJson<ConditionResource>("/v1/conditions/leg-cramps");
    const drugs = facts.causativeDrugs?.drugs ?? [];
    expect(drugs.map((drug) => drug.name)).toEqual([
      "Diuretics",
      "Nifedipine",
      "Raloxifene",
      "Statins",
      "Nicotinic acid",
    ]);
    expect(drugs.find((drug) => drug.id === "nifedipine")?.treats).toEqual(["Angina", "Raynaud’s disease"]);
    expect(drugs.find((drug) => drug.id === "raloxifene")?.prevents).toEqual(["Osteoporosis in postmenopausal women"]);
  });

  it("describes quinine: every side effect, the serious one marked, overdose, prescribing and the course", async () => {
    const { facts } = await getJson<ConditionResource>("/v1/conditions/leg-cramps");
    const quinine = facts.drugTherapies.find((therapy) => therapy.id === "quinine");
    // "You may be prescribed quinine tablets": no legal status the source does not state.
    expect(quinine?.drug).toEqual({ name: "Quinine", dosageForm: "Tablets" });
    expect(quinine?.sideEffects.map((effect) => effect.name)).toEqual([
      "Headaches",
      "Confusion",
      "Nausea",
      "Hot flushes",
      "Impaired hearing",
      "Tinnitus",
      "Impaired vision",
      "Thrombocytopenia",
    ]);
    expect(quinine?.sideEffects.filter((effect) => effect.serious).map((effect) => effect.id)).toEqual([
      "thrombocytopenia",
    ]);
    expect(quinine?.overdose).toMatchObject({
      effects: ["Blindness", "Death"],
      quote: "Overdosing on quinine can cause blindness and death.",
    });
    expect(quinine?.prescribingConditions).toHaveLength(2);
    expect(quinine?.course?.durationWeeks).toBe(4);
    expect(facts.drugsNotRecommended?.drugs.map((drug) => drug.name)).toEqual([
      "Magnesium",
      "Diltiazem",
      "Naftidrofuryl",
      "Orphenadrine",
      "Verapamil",
      "Vitamin B complex",
      "Vitamin E",
    ]);
  });

  it("gives care advice by urgency", async () => {
    const { facts } = await getJson<ConditionResource>("/v1/conditions/leg-cramps");
    expect(facts.careAdvice.map((advice) => [advice.id, advice.urgency])).toEqual([
      ["self-care-for-occasional-cramps", "self-care"],
      ["see-a-gp", "routine"],
      ["urgent-gp-or-111", "urgent"],
      ["call-111-for-blood-clot-signs", "urgent"],
    ]);
    expect(facts.careAdvice[1]?.when).toHaveLength(6);
    expect(facts.careAdvice[2]?.when[1]?.includes).toEqual([
      "A cut that is dirtied with soil — bacteria in soil called Clostridium tetani may infect your cut and cause tetanus, a symptom of which is muscle spasms",
      "Exposure to mercury or lead",
    ]);
  });

  it("gives the words that make each fact safe as fields: scope, frequency, evidence, caveats, care advice", async () => {
    const { facts } = await getJson<ConditionResource>("/v1/conditions/leg-cramps");
    const drugs = facts.causativeDrugs?.drugs ?? [];
    expect(drugs).toHaveLength(5);
    for (const drug of drugs) {
      expect(drug.frequency, drug.id).toEqual({
        value: "small-minority",
        section: "leg-cramps-caused-by-medications",
        quote: "Certain medications can cause leg cramps in a small minority of people who take them.",
      });
      expect(drug.caveats?.map((caveat) => caveat.quote)).toEqual([
        "If you’re concerned that your medication is causing leg cramps, speak to your doctor. They may be able to adjust your dosage or suggest alternative medications.",
      ]);
    }
    const relaxants = facts.treatments.find((treatment) => treatment.id === "muscle-relaxants");
    expect(relaxants?.scope?.label).toMatch(/serious liver disease/);
    expect(relaxants?.scope?.quote).toMatch(/^For serious liver disease, /);
    const quinine = facts.drugTherapies.find((therapy) => therapy.id === "quinine");
    const thrombocytopenia = quinine?.sideEffects.find((effect) => effect.id === "thrombocytopenia");
    expect(thrombocytopenia).toMatchObject({ serious: true, frequency: { value: "rare" } });
    expect(thrombocytopenia?.frequency?.quote).toContain("this is rare");
    for (const cause of facts.causes.filter((entry) => entry.kind === "theory")) {
      expect(cause.evidence, cause.id).toMatchObject({ value: "theory", section: "idiopathic-leg-cramps" });
    }
    expect(facts.riskFactors.find((factor) => factor.id === "vitamin-b12-deficiency")?.evidence).toEqual({
      value: "no-clear-evidence",
      section: "what-is-the-best-vitamin-for-leg-cramps",
      quote: "There is currently no clear evidence that vitamin deficiencies cause leg cramps.",
    });
    expect(facts.differentialDiagnoses[0]?.careAdvice).toBe("call-111-for-blood-clot-signs");
  });

  it("carries the article's urgent care advice, like every fragment", async () => {
    const body = await getJson<ConditionResource>("/v1/conditions/leg-cramps");
    expect(body.urgentCareAdvice.map((advice) => [advice.id, advice.url])).toEqual([
      ["urgent-gp-or-111", `${ORIGIN}/articles/leg-cramps#when-to-worry-about-leg-cramps`],
      ["call-111-for-blood-clot-signs", `${ORIGIN}/articles/leg-cramps#can-leg-cramps-be-a-sign-of-blood-clots`],
    ]);
  });

  it("names, for every fact, a section of the article that contains its quote", async () => {
    const { facts } = await getJson<ConditionResource>("/v1/conditions/leg-cramps");
    const article = await getJson<ArticleResource>("/v1/articles/leg-cramps");
    const texts = new Map<string, string>();
    const sentences = new Map<string, Set<string>>();
    const index = (sections: Section[]) => {
      for (const section of sections) {
        texts.set(section.id, JSON.stringify(section.blocks));
        sentences.set(section.id, new Set([...sentencesOf(section.title ?? ""), ...blockSentences(section.blocks)]));
        index(section.sections);
      }
    };
    index(article.sections);
    let checked = 0;
    const visit = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (typeof value === "object" && value !== null) {
        const record = value as Record<string, unknown>;
        if (typeof record.section === "string" && typeof record.quote === "string") {
          expect(texts.get(record.section), `${record.section}: ${record.quote}`).toContain(record.quote);
          // Whole sentences or list items, never a clause cut out of one.
          expect(cutSentences(record.quote, sentences.get(record.section) ?? new Set())).toEqual([]);
          checked++;
        }
        Object.values(record).forEach(visit);
      }
    };
    visit(facts);
    expect(checked).toBeGreaterThan(100);
  });

  it("answers 404 problem+json for an unknown condition", async () => {
    await getProblem("/v1/conditions/no-such-condition", 404);
  });
});
