/**
 * GET /v1/conditions/{slug}: the structured facts behind an article, each
 * standing on the article's words. What each test expects is read from the
 * article (its text and the facts the build compiled: test/support/subject.ts),
 * so an edit of the article needs no edit here; the guards are rules every
 * fact must keep: its quote is the publisher's whole sentences in the section
 * it names, its labels are words of its quote, its qualifiers are fields, and
 * care advice carries every condition the article lists under it.
 */
import { describe, expect, it } from "vitest";
import type { ArticleResource, ConditionResource } from "../../src/api/schemas";
import type { Block, ListItem, Section } from "../../src/content/model";
import { blockSentences, cutSentences, sentencesOf } from "../../src/content/publisher-text";
import { SUBJECT } from "../support/subject";
import { getJson, getProblem } from "../support/worker";

const { slug, article, facts: compiled, page } = SUBJECT;
const CONDITION = `/v1/conditions/${slug}`;

type Facts = ConditionResource["facts"];
const facts = () => getJson<ConditionResource>(CONDITION).then((body) => body.facts);

/** Whether a label's words are in the publisher's sentence, whatever their case. */
const saidIn = (quote: string, label: string) => quote.toLowerCase().includes(label.toLowerCase());

/** The facts that are relations of the condition, each with its modality, at any depth. */
function relations(value: unknown): { id?: string; quote: string; modality: string; [field: string]: unknown }[] {
  if (Array.isArray(value)) return value.flatMap(relations);
  if (typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  const own = typeof record.quote === "string" && typeof record.modality === "string" ? [record as never] : [];
  return [...own, ...Object.values(record).flatMap(relations)];
}

/** The list right after the paragraph holding `quote` in a section's blocks: the items that quote introduces. */
function listAfter(blocks: Block[], quote: string): ListItem[] | undefined {
  const at = blocks.findIndex((block) => block.type === "paragraph" && sentencesOf(block.text).includes(quote));
  const next = blocks[at + 1];
  return at >= 0 && next?.type === "list" ? next.items : undefined;
}

describe("GET /v1/conditions/{slug}", () => {
  it("serves the facts the build compiled, names the condition and links it to its article, with attribution", async () => {
    const body = await getJson<ConditionResource>(CONDITION);
    expect(body.slug).toBe(slug);
    expect(body.name).toBe(compiled.condition.name);
    expect(body.facts).toEqual(compiled);
    expect(body.article.canonicalUrl).toBe(page);
    expect(body.codeMappings).toEqual(article.codeMappings);
    expect(body.attribution.text).toBe(article.attribution);
    expect(body.disclaimer).toEqual(article.disclaimer);
    expect(body.licence).toEqual(article.licence);
  });

  it("names every medicine, what it treats, its effects and a diagnosis's signs in its quote's own words", async () => {
    const served = await facts();
    const said: [string, string][] = [
      ...(served.causativeDrugs?.drugs ?? []).flatMap((drug) =>
        [drug.name, ...(drug.treats ?? []), ...(drug.prevents ?? [])].map(
          (label) => [drug.quote, label] as [string, string],
        ),
      ),
      ...served.drugTherapies.flatMap((therapy) => [
        [therapy.quote, therapy.drug.name] as [string, string],
        ...therapy.sideEffects.map((effect) => [effect.quote, effect.name] as [string, string]),
        ...(therapy.overdose?.effects ?? []).map(
          (effect) => [therapy.overdose?.quote ?? "", effect] as [string, string],
        ),
      ]),
      ...(served.drugsNotRecommended?.drugs ?? []).map(
        (drug) => [served.drugsNotRecommended?.quote ?? "", drug.name] as [string, string],
      ),
      ...served.differentialDiagnoses.flatMap((ddx) =>
        [ddx.name, ...ddx.distinguishingSigns].map((label) => [ddx.quote, label] as [string, string]),
      ),
    ];
    const unsaid = said.filter(([quote, label]) => !saidIn(quote, label));
    expect(unsaid).toEqual([]);
  });

  it("gives each exercise's steps as the whole sentences of its section, in order", async () => {
    const served = await facts();
    for (const exercise of served.exercises) {
      const sentences = blockSentences(SUBJECT.section(exercise.section).section.blocks);
      const start = sentences.indexOf(exercise.steps[0] ?? "");
      expect(start, exercise.id).toBeGreaterThanOrEqual(0);
      expect(sentences.slice(start, start + exercise.steps.length), exercise.id).toEqual(exercise.steps);
    }
    // Every exercise a treatment or the programme names is described.
    const named = [
      ...served.treatments.flatMap((treatment) => treatment.exercises ?? []),
      ...(served.exercisePlan?.exercises ?? []),
    ];
    expect(served.exercises.map((exercise) => exercise.id)).toEqual(expect.arrayContaining(named));
  });

  it("gives each drug therapy every side effect its list names, marking the serious and the rare ones", async () => {
    const served = await facts();
    for (const therapy of served.drugTherapies) {
      const [first] = therapy.sideEffects;
      if (!first) continue;
      // The list the first side effect is in: every item of it is one or more side effects, in order.
      const list = SUBJECT.section(first.section)
        .section.blocks.flatMap((block) => (block.type === "list" ? [block.items] : []))
        .find((candidate) => candidate.some((item) => item.text === first.quote));
      expect(list, therapy.id).toBeDefined();
      expect([...new Set(therapy.sideEffects.map((effect) => effect.quote))]).toEqual(
        (list ?? []).map((item) => item.text),
      );
      for (const effect of therapy.sideEffects) {
        expect(effect.serious === true, effect.id).toBe(/\bserious\b/i.test(effect.quote));
        expect(effect.frequency?.value === "rare", effect.id).toBe(/\brare\b/i.test(effect.quote));
      }
    }
  });

  it("keeps the words that make a fact safe as fields: evidence, frequency, the caveats of a list", async () => {
    const served = await facts();
    const all = relations(served);
    expect(all.length).toBeGreaterThan(0);
    for (const fact of all) {
      const evidence = fact.evidence as { value: string } | undefined;
      // A theory, or no clear evidence, says so in a field; and a field says no more than the modality.
      if (["theory", "no-clear-evidence"].includes(fact.modality) || evidence) {
        expect(evidence?.value, `${fact.id}: ${fact.quote}`).toBe(fact.modality);
      }
      const frequency = fact.frequency as { value: string; quote: string } | undefined;
      if (frequency?.value === "rare") expect(frequency.quote).toMatch(/\brare\b/i);
      if (frequency?.value === "small-minority") expect(frequency.quote).toMatch(/\bsmall minority\b/i);
    }
    // A list's lead-in and its advice travel with each medicine of the list.
    const causative = served.causativeDrugs;
    for (const drug of causative?.drugs ?? []) {
      if (/\bminority\b/.test(causative?.quote ?? "")) expect(drug.frequency?.quote, drug.id).toBe(causative?.quote);
      if (causative?.advice) expect(drug.caveats?.map((caveat) => caveat.quote)).toContain(causative.advice.quote);
    }
  });

  it("gives every care advice the conditions the article lists under it, and a label that keeps its condition", async () => {
    const served = await facts();
    for (const advice of served.careAdvice) {
      const items = listAfter(SUBJECT.section(advice.section).section.blocks, advice.quote);
      // Each item of the list after the advice, with what each includes.
      expect(
        advice.when.map((condition) => [condition.text, condition.includes ?? []]),
        advice.id,
      ).toEqual((items ?? []).map((item) => [item.text, item.items.map((included) => included.text)]));
      // Advice with no list states its condition in its sentence: the label keeps it ("Call 111 if ...").
      if (advice.when.length === 0 && /\bif\b/i.test(advice.quote)) expect(advice.action, advice.id).toMatch(/\bif\b/i);
    }
    for (const ddx of served.differentialDiagnoses) {
      if (ddx.careAdvice) expect(served.careAdvice.map((advice) => advice.id)).toContain(ddx.careAdvice);
    }
  });

  it("carries the article's urgent care advice, like every fragment", async () => {
    const body = await getJson<ConditionResource>(CONDITION);
    const urgent = compiled.careAdvice.filter((advice) => advice.urgency === "urgent");
    expect(body.urgentCareAdvice.map((advice) => [advice.id, advice.url])).toEqual(
      urgent.map((advice) => [advice.id, `${page}#${advice.section}`]),
    );
  });

  it("names, for every fact, a section of the article that contains its quote", async () => {
    const served = await facts();
    const text = await getJson<ArticleResource>(SUBJECT.path);
    const texts = new Map<string, string>();
    const sentences = new Map<string, Set<string>>();
    const index = (sections: Section[]) => {
      for (const section of sections) {
        texts.set(section.id, JSON.stringify(section.blocks));
        sentences.set(section.id, new Set([...sentencesOf(section.title ?? ""), ...blockSentences(section.blocks)]));
        index(section.sections);
      }
    };
    index(text.sections);
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
    visit(served satisfies Facts);
    expect(checked).toBeGreaterThan(0);
  });

  it("answers 404 problem+json for an unknown condition", async () => {
    await getProblem("/v1/conditions/no-such-condition", 404);
  });
});
